import { Badge, Button, Card, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconKey, IconPlus } from '@tabler/icons-react';
import type { ApiKeyStatusName, ApiKeyView } from '@rollcall/contracts';
import { confirmDestructive } from '../../../components/confirm-destructive';
import { formatDate, formatRelative } from '../../../components/date.format';
import { EmptyState } from '../../../components/empty-state';
import { PageHeader } from '../../../components/page-header';
import { ErrorState, LoadingState } from '../../../components/query-state';
import { useApiKeys } from '../api/use-api-keys';
import { useRevokeApiKey } from '../api/use-revoke-api-key';
import { CreateApiKeyModal } from './create-api-key-modal';

const STATUS_BADGES: Record<ApiKeyStatusName, { label: string; color: string }> = {
  live: { label: 'Live', color: 'teal' },
  expired: { label: 'Expired', color: 'orange' },
  revoked: { label: 'Revoked', color: 'gray' },
};

function ScopeBadge({ scope }: { scope: ApiKeyView['scope'] }) {
  return scope === 'read' ? (
    <Badge variant="light" color="blue" tt="none">
      Read
    </Badge>
  ) : (
    <Badge variant="light" color="grape" tt="none">
      Read & write
    </Badge>
  );
}

export function ApiKeysPage() {
  const keys = useApiKeys();
  const revoke = useRevokeApiKey();
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure(false);

  const confirmRevoke = (key: ApiKeyView) =>
    confirmDestructive({
      title: <>Revoke {key.name}?</>,
      children: (
        <Text size="sm">
          Requests with this key ({key.prefix}…) are refused at once. Whatever uses it stops working
          until you give it a new key. This cannot be undone.
        </Text>
      ),
      confirmLabel: 'Revoke key',
      action: (callbacks) => revoke.mutate(key.id, callbacks),
      success: { title: 'API key revoked', message: `${key.name} no longer works.` },
      failureTitle: 'Could not revoke the key',
    });

  const createButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={openCreate}>
      Create API key
    </Button>
  );

  return (
    <>
      <PageHeader
        title="API keys"
        description={
          <>
            Let your backends read the directory (users, teams, role mappings, the provisioning log)
            with <code>Authorization: Bearer &lt;key&gt;</code>, no browser session needed. See the
            API documentation for the endpoints.
          </>
        }
        actions={createButton}
      />
      {keys.isPending ? (
        <LoadingState />
      ) : keys.isError ? (
        <ErrorState error={keys.error} onRetry={() => void keys.refetch()} />
      ) : keys.data.apiKeys.length === 0 ? (
        <Card withBorder padding="lg">
          <EmptyState icon={<IconKey size={24} />} title="No API keys yet">
            Create one for each backend that reads the directory, so you can revoke them one by one.
          </EmptyState>
        </Card>
      ) : (
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="API keys">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Access</Table.Th>
                  <Table.Th>Key</Table.Th>
                  <Table.Th>Created</Table.Th>
                  <Table.Th>Last used</Table.Th>
                  <Table.Th>Expires</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th aria-label="Actions" />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {keys.data.apiKeys.map((key) => {
                  const status = STATUS_BADGES[key.status];
                  return (
                    <Table.Tr key={key.id}>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {key.name}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <ScopeBadge scope={key.scope} />
                      </Table.Td>
                      <Table.Td>
                        <Text ff="monospace" size="sm" style={{ whiteSpace: 'nowrap' }}>
                          {key.prefix}…
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatDate(key.createdAt)}</Text>
                        <Text size="xs" c="dimmed">
                          by {key.createdBy}
                        </Text>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Text size="sm" c={key.lastUsedAt ? undefined : 'dimmed'}>
                          {key.lastUsedAt ? formatRelative(key.lastUsedAt) : 'Never'}
                        </Text>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Text size="sm" c={key.expiresAt ? undefined : 'dimmed'}>
                          {key.expiresAt ? formatDate(key.expiresAt) : 'Never'}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={status.color} tt="none">
                          {status.label}
                        </Badge>
                      </Table.Td>
                      <Table.Td ta="right">
                        {key.status === 'revoked' ? null : (
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            color="red"
                            onClick={() => confirmRevoke(key)}
                            aria-label={`Revoke ${key.name}`}
                          >
                            Revoke…
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      <CreateApiKeyModal opened={creating} onClose={closeCreate} />
    </>
  );
}
