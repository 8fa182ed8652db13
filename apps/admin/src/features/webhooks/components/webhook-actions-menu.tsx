import { ActionIcon, Button, Group, Menu, Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconDots,
  IconKey,
  IconPencil,
  IconPlayerPause,
  IconPlayerPlay,
  IconSend,
  IconTrash,
} from '@tabler/icons-react';
import { useState } from 'react';
import type { WebhookEndpointView } from '@rollcall/contracts';
import { errorMessage } from '../../../api/api-error';
import { confirmDestructive } from '../../../components/confirm-destructive';
import { useDeleteWebhook } from '../api/use-delete-webhook';
import { useRotateWebhookSecret } from '../api/use-rotate-webhook-secret';
import { useUpdateWebhook } from '../api/use-update-webhook';
import { useSendTestEventAction } from '../hooks/use-send-test-event-action';
import { WebhookFormModal } from './webhook-form-modal';
import { WebhookSecretReveal } from './webhook-secret-reveal';

interface WebhookActionsMenuProps {
  endpoint: WebhookEndpointView;
  /** After the endpoint is deleted (the detail page leaves for the list). */
  onDeleted?: () => void;
  /** After a test event is queued (the list page links to the deliveries). */
  onTestQueued?: () => void;
}

/** Everything an admin can do to one endpoint, for its table row and its detail page. */
export function WebhookActionsMenu({ endpoint, onDeleted, onTestQueued }: WebhookActionsMenuProps) {
  const update = useUpdateWebhook();
  const remove = useDeleteWebhook();
  const rotate = useRotateWebhookSecret();
  const [editing, { open: openEdit, close: closeEdit }] = useDisclosure(false);
  const [secret, setSecret] = useState<string | null>(null);
  const disabled = endpoint.status === 'disabled';

  const sendTest = useSendTestEventAction(endpoint, onTestQueued);

  const enable = () =>
    update.mutate(
      { id: endpoint.id, changes: { enabled: true } },
      {
        onSuccess: () =>
          notifications.show({
            color: 'teal',
            title: 'Endpoint enabled',
            message: 'New events are delivered to it again.',
          }),
        onError: (error) =>
          notifications.show({
            color: 'red',
            title: 'Could not enable the endpoint',
            message: errorMessage(error),
          }),
      },
    );

  const confirmDisable = () =>
    confirmDestructive({
      title: 'Disable this endpoint?',
      children: (
        <Text size="sm" style={{ wordBreak: 'break-all' }}>
          Rollcall stops sending events to {endpoint.url} until you enable it again.
        </Text>
      ),
      confirmLabel: 'Disable endpoint',
      action: (callbacks) =>
        update.mutate({ id: endpoint.id, changes: { enabled: false } }, callbacks),
      success: { title: 'Endpoint disabled', message: endpoint.url, color: 'gray' },
      failureTitle: 'Could not disable the endpoint',
    });

  const confirmRotate = () =>
    confirmDestructive({
      title: 'Rotate the signing secret?',
      children: (
        <Text size="sm">
          Deliveries are signed with a new secret from now on, and the current one stops working at
          once: update your receiver with the new secret right away.
        </Text>
      ),
      confirmLabel: 'Rotate secret',
      action: (callbacks) =>
        rotate.mutate(endpoint.id, {
          onSuccess: (rotated) => {
            setSecret(rotated.secret);
            callbacks.onSuccess();
          },
          onError: callbacks.onError,
        }),
      success: { title: 'Secret rotated', message: 'Copy the new secret now.' },
      failureTitle: 'Could not rotate the secret',
    });

  const confirmDelete = () =>
    confirmDestructive({
      title: 'Delete this endpoint?',
      children: (
        <Text size="sm" style={{ wordBreak: 'break-all' }}>
          Rollcall stops sending events to {endpoint.url} and deletes its delivery history
          {endpoint.pendingDeliveries > 0
            ? `, including ${endpoint.pendingDeliveries} delivery${endpoint.pendingDeliveries === 1 ? '' : 'ies'} not yet acknowledged`
            : ''}
          . This cannot be undone.
        </Text>
      ),
      confirmLabel: 'Delete endpoint',
      action: (callbacks) => remove.mutate(endpoint.id, callbacks),
      onDone: onDeleted,
      success: { title: 'Endpoint deleted', message: endpoint.url },
      failureTitle: 'Could not delete the endpoint',
    });

  return (
    <>
      <Menu position="bottom-end" withinPortal width={220}>
        <Menu.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={`Actions for ${endpoint.url}`}
          >
            <IconDots size={18} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item
            leftSection={<IconSend size={16} />}
            onClick={sendTest.send}
            disabled={disabled}
          >
            Send test event
          </Menu.Item>
          <Menu.Item leftSection={<IconPencil size={16} />} onClick={openEdit}>
            Edit
          </Menu.Item>
          {disabled ? (
            <Menu.Item leftSection={<IconPlayerPlay size={16} />} onClick={enable}>
              Enable
            </Menu.Item>
          ) : (
            <Menu.Item leftSection={<IconPlayerPause size={16} />} onClick={confirmDisable}>
              Disable…
            </Menu.Item>
          )}
          <Menu.Item leftSection={<IconKey size={16} />} onClick={confirmRotate}>
            Rotate secret…
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={confirmDelete}>
            Delete…
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <WebhookFormModal opened={editing} onClose={closeEdit} endpoint={endpoint} />
      <Modal
        opened={secret !== null}
        onClose={() => setSecret(null)}
        title={<Text fw={700}>New signing secret</Text>}
        centered
        size="lg"
        closeOnClickOutside={false}
      >
        {secret ? (
          <>
            <WebhookSecretReveal secret={secret} />
            <Group justify="flex-end" mt="md">
              <Button onClick={() => setSecret(null)}>Done</Button>
            </Group>
          </>
        ) : null}
      </Modal>
    </>
  );
}
