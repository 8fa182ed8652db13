import {
  Button,
  Code,
  Drawer,
  Group,
  Paper,
  ScrollArea,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRepeat } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { WebhookAttemptView } from '@rollcall/contracts';
import { errorMessage } from '../../../api/api-error';
import { formatDateTime } from '../../../components/date.format';
import { ErrorState, LoadingState } from '../../../components/query-state';
import { RelativeTime } from '../../../components/relative-time';
import { useResendDelivery } from '../api/use-resend-delivery';
import { useWebhookDelivery } from '../api/use-webhook-delivery';
import { DeliveryStatusBadge, ResponseStatusBadge } from './webhook-status-badge';

// A receiver's HTML error page is one long line: wrap it inside the drawer, never widen it.
const WRAP = { whiteSpace: 'pre-wrap', wordBreak: 'break-all' } as const;

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={2}>
        {label}
      </Text>
      {children}
    </div>
  );
}

function AttemptCard({ attempt, number }: { attempt: WebhookAttemptView; number: number }) {
  const ok = attempt.responseStatus !== null && attempt.responseStatus < 300;
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      component="li"
      aria-label={`Attempt ${number}`}
      style={{ borderLeft: `3px solid var(--mantine-color-${ok ? 'teal' : 'red'}-6)` }}
    >
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" fw={600}>
            Attempt {number}
          </Text>
          {attempt.responseStatus !== null ? (
            <ResponseStatusBadge status={attempt.responseStatus} />
          ) : null}
          {attempt.error ? (
            <Text size="sm" c="red">
              {attempt.error}
            </Text>
          ) : null}
        </Group>
        <Text size="xs" c="dimmed">
          {formatDateTime(attempt.attemptedAt)} · {attempt.durationMs} ms
        </Text>
      </Group>
      {attempt.responseSnippet ? (
        <Code block fz="xs" mt="xs" style={WRAP} aria-label={`Response to attempt ${number}`}>
          {attempt.responseSnippet}
        </Code>
      ) : (
        <Text size="xs" c="dimmed" mt={4}>
          {attempt.responseStatus === null ? 'No response.' : 'Empty response body.'}
        </Text>
      )}
    </Paper>
  );
}

interface DeliveryDrawerProps {
  webhookId: string;
  deliveryId: string | null;
  onClose: () => void;
}

/** One delivery: every attempt with what the receiver answered, the payload, and *Resend*. */
export function DeliveryDrawer({ webhookId, deliveryId, onClose }: DeliveryDrawerProps) {
  const delivery = useWebhookDelivery(webhookId, deliveryId);
  const resend = useResendDelivery();

  const resendDelivery = () => {
    if (!deliveryId) return;
    resend.mutate(
      { webhookId, deliveryId },
      {
        onSuccess: () =>
          notifications.show({
            color: 'teal',
            title: 'Delivery resent',
            message:
              'The same event is on its way again, as a new delivery with the same webhook-id.',
          }),
        onError: (error) =>
          notifications.show({
            color: 'red',
            title: 'Could not resend it',
            message: errorMessage(error),
          }),
      },
    );
  };

  return (
    <Drawer
      opened={deliveryId !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={<Text fw={700}>Delivery</Text>}
      scrollAreaComponent={ScrollArea.Autosize}
    >
      {delivery.isPending ? (
        <LoadingState />
      ) : delivery.isError ? (
        <ErrorState error={delivery.error} onRetry={() => void delivery.refetch()} />
      ) : (
        <Stack gap="lg">
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Group gap="sm" wrap="nowrap">
              <DeliveryStatusBadge status={delivery.data.status} />
              <Text ff="monospace" size="sm" fw={600}>
                {delivery.data.eventType}
              </Text>
            </Group>
            <Button
              leftSection={<IconRepeat size={16} />}
              variant="default"
              onClick={resendDelivery}
              loading={resend.isPending}
            >
              Resend
            </Button>
          </Group>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            <Field label="Event id">
              <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
                {delivery.data.eventId}
              </Text>
            </Field>
            <Field label="Created">
              <RelativeTime iso={delivery.data.createdAt} />
            </Field>
            <Field label="Attempts">
              <Text size="sm">{delivery.data.attempts}</Text>
            </Field>
            <Field label="Next attempt">
              {delivery.data.nextAttemptAt ? (
                <RelativeTime iso={delivery.data.nextAttemptAt} />
              ) : (
                <Text size="sm" c="dimmed">
                  None
                </Text>
              )}
            </Field>
          </SimpleGrid>
          <div>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={6}>
              Attempts
            </Text>
            {delivery.data.attemptsMade.length === 0 ? (
              <Text size="sm" c="dimmed">
                Not attempted yet.
              </Text>
            ) : (
              <Stack gap="xs" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
                {[...delivery.data.attemptsMade]
                  .sort((a, b) => a.attemptedAt.localeCompare(b.attemptedAt))
                  .map((attempt, index) => (
                    <AttemptCard
                      key={attempt.attemptedAt + String(index)}
                      attempt={attempt}
                      number={index + 1}
                    />
                  ))}
              </Stack>
            )}
          </div>
          <div>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={4}>
              Payload
            </Text>
            <Code block fz="xs" style={WRAP} aria-label="Payload">
              {JSON.stringify(delivery.data.payload, null, 2)}
            </Code>
          </div>
        </Stack>
      )}
    </Drawer>
  );
}
