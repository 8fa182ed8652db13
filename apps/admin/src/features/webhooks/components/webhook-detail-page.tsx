import {
  Anchor,
  Breadcrumbs,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconSend, IconTruckDelivery } from '@tabler/icons-react';
import { useState } from 'react';
import type {
  WebhookDeliveryStatusName,
  WebhookDeliveryView,
  WebhookEndpointView,
} from '@rollcall/contracts';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { ErrorState, LoadingState } from '../../../components/query-state';
import { RelativeTime } from '../../../components/relative-time';
import { useWebhook } from '../api/use-webhook';
import { useWebhookDeliveries } from '../api/use-webhook-deliveries';
import { useSendTestEventAction } from '../hooks/use-send-test-event-action';
import { DeliveryDrawer } from './delivery-drawer';
import { WebhookActionsMenu } from './webhook-actions-menu';
import { WebhookEventsLabel } from './webhook-events-label';
import { WebhookFailingAlert } from './webhook-failing-alert';
import {
  DeliveryStatusBadge,
  EndpointStatusBadge,
  ResponseStatusBadge,
} from './webhook-status-badge';

const STATUS_OPTIONS: { value: WebhookDeliveryStatusName | 'all'; label: string }[] = [
  { value: 'all', label: 'All deliveries' },
  { value: 'failed', label: 'Failed' },
  { value: 'pending', label: 'Pending (retrying)' },
  { value: 'succeeded', label: 'Succeeded' },
];

function isDeliveryStatus(value: string | null): value is WebhookDeliveryStatusName {
  return value === 'pending' || value === 'succeeded' || value === 'failed';
}

function LastResponse({ delivery }: { delivery: WebhookDeliveryView }) {
  const attempt = delivery.lastAttempt;
  if (!attempt) {
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  }
  if (attempt.responseStatus !== null)
    return <ResponseStatusBadge status={attempt.responseStatus} />;
  return (
    <Text size="sm" c="red" style={{ whiteSpace: 'nowrap' }}>
      {attempt.error ?? 'No response'}
    </Text>
  );
}

function DeliveriesTable({
  deliveries,
  onOpen,
}: {
  deliveries: WebhookDeliveryView[];
  onOpen: (delivery: WebhookDeliveryView) => void;
}) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing={8} horizontalSpacing="md" highlightOnHover aria-label="Deliveries">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Event</Table.Th>
            <Table.Th>Event id</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th ta="right">Attempts</Table.Th>
            <Table.Th>Last response</Table.Th>
            <Table.Th>Next attempt</Table.Th>
            <Table.Th>Created</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {deliveries.map((delivery) => (
            <Table.Tr
              key={delivery.id}
              className="rollcall-clickable-row"
              tabIndex={0}
              aria-label={`Delivery of ${delivery.eventType} ${delivery.eventId}`}
              onClick={() => onOpen(delivery)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  onOpen(delivery);
                }
              }}
            >
              <Table.Td>
                <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                  {delivery.eventType}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs" ff="monospace" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {delivery.eventId}
                </Text>
              </Table.Td>
              <Table.Td>
                <DeliveryStatusBadge status={delivery.status} />
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm">{delivery.attempts}</Text>
              </Table.Td>
              <Table.Td>
                <LastResponse delivery={delivery} />
              </Table.Td>
              <Table.Td>
                {delivery.nextAttemptAt ? (
                  <RelativeTime iso={delivery.nextAttemptAt} />
                ) : (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <RelativeTime iso={delivery.createdAt} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Deliveries({ webhookId }: { webhookId: string }) {
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const status = isDeliveryStatus(statusParam) ? statusParam : undefined;
  const deliveries = useWebhookDeliveries(webhookId, status);
  const [openId, setOpenId] = useState<string | null>(null);
  const items = deliveries.data?.pages.flatMap((page) => page.deliveries) ?? [];

  const setStatus = (value: string | null) => {
    const next = new URLSearchParams(params);
    if (!value || value === 'all') next.delete('status');
    else next.set('status', value);
    setParams(next, { replace: true });
  };

  return (
    <Card withBorder radius="md" p={0}>
      <Group p="md" pb="sm" justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Title order={2} fz="lg">
          Deliveries
        </Title>
        <Select
          aria-label="Delivery status"
          data={STATUS_OPTIONS}
          value={status ?? 'all'}
          onChange={setStatus}
          allowDeselect={false}
          w={{ base: '100%', xs: 220 }}
        />
      </Group>
      {deliveries.isPending ? (
        <LoadingState />
      ) : deliveries.isError ? (
        <ErrorState error={deliveries.error} onRetry={() => void deliveries.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState icon={<IconTruckDelivery size={24} />} title="No deliveries">
          {status
            ? 'No delivery has this status.'
            : 'Deliveries appear here as events happen. Send a test event to try the receiver now.'}
        </EmptyState>
      ) : (
        <>
          <DeliveriesTable deliveries={items} onOpen={(delivery) => setOpenId(delivery.id)} />
          <Group justify="center" p="md">
            {deliveries.hasNextPage ? (
              <Button
                variant="default"
                onClick={() => void deliveries.fetchNextPage()}
                loading={deliveries.isFetchingNextPage}
              >
                Older deliveries
              </Button>
            ) : (
              <Text size="sm" c="dimmed">
                {items.length} deliver{items.length === 1 ? 'y' : 'ies'}: that is all.
              </Text>
            )}
          </Group>
        </>
      )}
      <DeliveryDrawer webhookId={webhookId} deliveryId={openId} onClose={() => setOpenId(null)} />
    </Card>
  );
}

export function WebhookDetailPage() {
  const { webhookId = '' } = useParams();
  const webhook = useWebhook(webhookId);
  const navigate = useNavigate();

  if (webhook.isPending) return <LoadingState />;
  if (webhook.isError) {
    return <ErrorState error={webhook.error} onRetry={() => void webhook.refetch()} />;
  }
  const endpoint = webhook.data;

  return (
    <>
      <Breadcrumbs mb="sm" fz="sm">
        <Anchor component={Link} to="/webhooks" size="sm">
          Webhooks
        </Anchor>
        <Text size="sm">Endpoint</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" mb="lg" wrap="wrap" gap="md">
        <Stack gap={6} style={{ flex: '1 1 320px', minWidth: 0 }}>
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <Title order={1} fz={22} ff="monospace" style={{ wordBreak: 'break-all' }}>
              {endpoint.url}
            </Title>
            <EndpointStatusBadge status={endpoint.status} />
          </Group>
          {endpoint.description ? (
            <Text size="sm" c="dimmed">
              {endpoint.description}
            </Text>
          ) : null}
          <Group gap="xs" wrap="wrap">
            <Text size="sm" c="dimmed">
              Events:
            </Text>
            <WebhookEventsLabel events={endpoint.events} />
          </Group>
          <Text size="sm" c="dimmed">
            {endpoint.pendingDeliveries} deliver{endpoint.pendingDeliveries === 1 ? 'y' : 'ies'}{' '}
            waiting for the receiver.
          </Text>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          <SendTestEventButton endpoint={endpoint} />
          <WebhookActionsMenu endpoint={endpoint} onDeleted={() => void navigate('/webhooks')} />
        </Group>
      </Group>
      {endpoint.status === 'failing' ? <WebhookFailingAlert endpoint={endpoint} /> : null}
      <Deliveries webhookId={webhookId} />
    </>
  );
}

function SendTestEventButton({ endpoint }: { endpoint: WebhookEndpointView }) {
  const test = useSendTestEventAction(endpoint);
  return (
    <Button
      leftSection={<IconSend size={16} />}
      onClick={test.send}
      loading={test.pending}
      disabled={endpoint.status === 'disabled'}
    >
      Send test event
    </Button>
  );
}
