import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../api/api-client';
import { webhookPath } from './use-webhook';
import { webhooksKey } from './use-webhooks';

export interface QueuedDeliveryView {
  deliveryId: string;
}

/** Queues a `webhook.test` delivery to one endpoint (202): the deliveries list shows how it went. */
export function sendTestEvent(id: string): Promise<QueuedDeliveryView> {
  return apiClient.post<QueuedDeliveryView>(`${webhookPath(id)}/test`);
}

export function useSendTestEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: sendTestEvent,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhooksKey }),
  });
}
