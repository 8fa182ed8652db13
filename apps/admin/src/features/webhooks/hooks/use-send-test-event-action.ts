import { notifications } from '@mantine/notifications';
import type { WebhookEndpointView } from '@rollcall/contracts';
import { errorMessage } from '../../../api/api-error';
import { useSendTestEvent } from '../api/use-send-test-event';

/** *Send test event* from a row's menu or the detail page, with the outcome as a notification. */
export function useSendTestEventAction(endpoint: WebhookEndpointView, onQueued?: () => void) {
  const sendTest = useSendTestEvent();
  const send = () =>
    sendTest.mutate(endpoint.id, {
      onSuccess: () => {
        notifications.show({
          color: 'teal',
          title: 'Test event queued',
          message: `A webhook.test delivery is on its way to ${endpoint.url}.`,
        });
        onQueued?.();
      },
      onError: (error) =>
        notifications.show({
          color: 'red',
          title: 'Could not send a test event',
          message: errorMessage(error),
        }),
    });
  return { send, pending: sendTest.isPending };
}
