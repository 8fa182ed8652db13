import { Anchor, Button, Card, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconPlus, IconWebhook } from '@tabler/icons-react';
import type { WebhookEndpointView } from '@rollcall/contracts';
import { Link, useNavigate } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { PageHeader } from '../../../components/page-header';
import { ErrorState, LoadingState } from '../../../components/query-state';
import { useWebhooks } from '../api/use-webhooks';
import { WebhookActionsMenu } from './webhook-actions-menu';
import { WebhookEventsLabel } from './webhook-events-label';
import { WebhookFailingAlert } from './webhook-failing-alert';
import { WebhookFormModal } from './webhook-form-modal';
import { EndpointStatusBadge } from './webhook-status-badge';

function EndpointLink({ endpoint }: { endpoint: WebhookEndpointView }) {
  return (
    <>
      <Anchor
        component={Link}
        to={`/webhooks/${encodeURIComponent(endpoint.id)}`}
        size="sm"
        fw={600}
        ff="monospace"
        style={{ wordBreak: 'break-all' }}
      >
        {endpoint.url}
      </Anchor>
      {endpoint.description ? (
        <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
          {endpoint.description}
        </Text>
      ) : null}
    </>
  );
}

function PendingCount({ count }: { count: number }) {
  return (
    <Text size="sm" c={count > 0 ? undefined : 'dimmed'}>
      {count}
    </Text>
  );
}

function EndpointsTable({
  endpoints,
  onTestQueued,
}: {
  endpoints: WebhookEndpointView[];
  onTestQueued: (endpoint: WebhookEndpointView) => void;
}) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="Webhook endpoints">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Endpoint</Table.Th>
            <Table.Th>Events</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th ta="right">Pending</Table.Th>
            <Table.Th aria-label="Actions" w={56} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {endpoints.map((endpoint) => (
            <Table.Tr key={endpoint.id}>
              <Table.Td maw={420}>
                <EndpointLink endpoint={endpoint} />
              </Table.Td>
              <Table.Td maw={300}>
                <WebhookEventsLabel events={endpoint.events} />
              </Table.Td>
              <Table.Td>
                <EndpointStatusBadge status={endpoint.status} />
              </Table.Td>
              <Table.Td ta="right">
                <PendingCount count={endpoint.pendingDeliveries} />
              </Table.Td>
              <Table.Td ta="right">
                <WebhookActionsMenu
                  endpoint={endpoint}
                  onTestQueued={() => onTestQueued(endpoint)}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** On a phone each endpoint is a card: URL first, status and counts under it. */
function EndpointCards({
  endpoints,
  onTestQueued,
}: {
  endpoints: WebhookEndpointView[];
  onTestQueued: (endpoint: WebhookEndpointView) => void;
}) {
  return (
    <Stack
      gap={0}
      component="ul"
      aria-label="Webhook endpoints"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
    >
      {endpoints.map((endpoint, index) => (
        <Paper
          key={endpoint.id}
          component="li"
          p="md"
          radius={0}
          style={
            index > 0 ? { borderTop: '1px solid var(--mantine-color-default-border)' } : undefined
          }
        >
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
            <Stack gap={2} style={{ minWidth: 0 }}>
              <EndpointLink endpoint={endpoint} />
            </Stack>
            <WebhookActionsMenu endpoint={endpoint} onTestQueued={() => onTestQueued(endpoint)} />
          </Group>
          <Group gap="sm" mt="xs" wrap="wrap">
            <EndpointStatusBadge status={endpoint.status} />
            <Text size="xs" c="dimmed">
              {endpoint.pendingDeliveries} pending
            </Text>
          </Group>
          <Stack mt={6} gap={0}>
            <WebhookEventsLabel events={endpoint.events} />
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

export function WebhooksPage() {
  const webhooks = useWebhooks();
  const navigate = useNavigate();
  const narrow = useMediaQuery('(max-width: 48em)');
  const [adding, { open: openAdd, close: closeAdd }] = useDisclosure(false);
  // A test event is best watched arriving: open the endpoint's deliveries.
  const showDeliveries = (endpoint: WebhookEndpointView) =>
    void navigate(`/webhooks/${encodeURIComponent(endpoint.id)}`);

  const endpoints = webhooks.data?.webhooks ?? [];
  const failing = endpoints.filter((endpoint) => endpoint.status === 'failing');

  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Rollcall POSTs each change (users, teams, settings…) to your endpoints as it happens, signed per the Standard Webhooks spec, and retries until the receiver answers 2xx."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={openAdd}>
            Add endpoint
          </Button>
        }
      />
      {failing.map((endpoint) => (
        <WebhookFailingAlert key={endpoint.id} endpoint={endpoint}>
          <Anchor
            component={Link}
            to={`/webhooks/${encodeURIComponent(endpoint.id)}?status=failed`}
            size="sm"
            fw={600}
          >
            See the failed deliveries
          </Anchor>
        </WebhookFailingAlert>
      ))}
      {webhooks.isPending ? (
        <LoadingState />
      ) : webhooks.isError ? (
        <ErrorState error={webhooks.error} onRetry={() => void webhooks.refetch()} />
      ) : endpoints.length === 0 ? (
        <Card withBorder padding="lg">
          <EmptyState icon={<IconWebhook size={24} />} title="No endpoints yet">
            Add the URL of a service that should hear about changes as they happen, instead of
            polling the events API.
          </EmptyState>
        </Card>
      ) : (
        <Card withBorder padding={0}>
          {narrow ? (
            <EndpointCards endpoints={endpoints} onTestQueued={showDeliveries} />
          ) : (
            <EndpointsTable endpoints={endpoints} onTestQueued={showDeliveries} />
          )}
        </Card>
      )}
      <WebhookFormModal opened={adding} onClose={closeAdd} />
    </>
  );
}
