import { Badge, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRestore, IconTrashOff, IconTrashX } from '@tabler/icons-react';
import { useState } from 'react';
import type { PendingTeamDeletionView } from '@rollcall/contracts';
import { errorMessage } from '../../../api/api-error';
import { formatDateTime, formatRelative } from '../../../components/date.format';
import { EmptyState } from '../../../components/empty-state';
import { PageHeader } from '../../../components/page-header';
import { ErrorState, LoadingState } from '../../../components/query-state';
import { formatTeamContents } from '../../../components/resource-counts.format';
import { deletedByLabel, isProvisioningDelete } from '../../../components/role.format';
import { usePendingDeletions } from '../api/use-pending-deletions';
import { useRestoreTeam } from '../api/use-restore-team';
import { PurgeTeamDialog } from './purge-team-dialog';

export function PendingDeletionsPage() {
  const pending = usePendingDeletions();
  const restore = useRestoreTeam();
  const [purging, setPurging] = useState<PendingTeamDeletionView | null>(null);

  const onRestore = (entry: PendingTeamDeletionView) => {
    restore.mutate(entry.team.id, {
      onSuccess: () =>
        notifications.show({
          color: 'teal',
          title: 'Team restored',
          message: `${entry.team.name} is back with ${formatTeamContents(entry.resources, entry.members)}.`,
        }),
      onError: (error) =>
        notifications.show({
          color: 'red',
          title: `Could not restore ${entry.team.name}`,
          message: errorMessage(error),
        }),
    });
  };

  return (
    <>
      <PageHeader
        title="Pending deletions"
        description="Teams deleted by Microsoft Entra ID (a deprovisioned group) or by an admin. Until the purge date they keep their members and resources and can be restored; then they are deleted for good. Purge now deletes one at once."
      />
      {pending.isPending ? (
        <LoadingState />
      ) : pending.isError ? (
        <ErrorState error={pending.error} onRetry={() => void pending.refetch()} />
      ) : pending.data.teams.length === 0 ? (
        <Card withBorder radius="md">
          <EmptyState icon={<IconTrashOff size={24} />} title="Nothing is pending deletion">
            When a team is deleted, here or by Microsoft Entra ID, it waits here for the retention
            window so you can restore it.
          </EmptyState>
        </Card>
      ) : (
        <Card withBorder radius="md" p={0}>
          <Table.ScrollContainer minWidth={860}>
            <Table verticalSpacing="sm" horizontalSpacing="md" striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Team</Table.Th>
                  <Table.Th>Contents</Table.Th>
                  <Table.Th>Deleted by</Table.Th>
                  <Table.Th>Purge date</Table.Th>
                  <Table.Th aria-label="Actions" />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {pending.data.teams.map((entry) => (
                  <Table.Tr key={entry.team.id}>
                    <Table.Td>
                      <Stack gap={4}>
                        <Text fw={600} size="sm">
                          {entry.team.name}
                        </Text>
                        {entry.team.source === 'scim' ? (
                          <Badge size="xs" variant="light" color="blue" w="fit-content" tt="none">
                            Managed by Microsoft Entra ID
                          </Badge>
                        ) : null}
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatTeamContents(entry.resources, entry.members)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{deletedByLabel(entry.deletedBy)}</Text>
                      <Text size="xs" c="dimmed">
                        {isProvisioningDelete(entry.deletedBy) ? 'Group deprovisioned · ' : ''}
                        {formatRelative(entry.deletedAt)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {entry.purgeAfter ? (
                        <>
                          <Text size="sm">{formatDateTime(entry.purgeAfter)}</Text>
                          <Text size="xs" c="dimmed">
                            purged {formatRelative(entry.purgeAfter)}
                          </Text>
                        </>
                      ) : (
                        <Text size="sm">Now</Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group justify="flex-end" gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="light"
                          leftSection={<IconRestore size={14} />}
                          loading={restore.isPending && restore.variables === entry.team.id}
                          onClick={() => onRestore(entry)}
                          aria-label={`Restore ${entry.team.name}`}
                        >
                          Restore
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          leftSection={<IconTrashX size={14} />}
                          onClick={() => setPurging(entry)}
                          aria-label={`Purge ${entry.team.name} now`}
                        >
                          Purge now
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      <PurgeTeamDialog entry={purging} onClose={() => setPurging(null)} />
    </>
  );
}
