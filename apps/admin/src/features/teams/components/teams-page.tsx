import { Anchor, Button, Card, Group, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconPlus, IconSearch, IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { formatDate } from '../../../components/date.format';
import { EmptyState } from '../../../components/empty-state';
import { PageHeader } from '../../../components/page-header';
import { ErrorState, LoadingState } from '../../../components/query-state';
import { formatResourceCounts, pluralize } from '../../../components/resource-counts.format';
import { useTeams } from '../api/use-teams';
import { CreateTeamModal } from './create-team-modal';
import { TeamSourceBadge } from './team-source-badge';

export function TeamsPage() {
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 250);
  const teams = useTeams(debouncedSearch);
  const [creating, { open, close }] = useDisclosure(false);
  const navigate = useNavigate();

  return (
    <>
      <PageHeader
        title="Teams"
        description="Microsoft Entra ID groups become teams; a team owns monitors, heartbeats, status pages and on-call calendars."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={open}>
            Create team
          </Button>
        }
      />
      <Card withBorder radius="md" p={0}>
        <Group p="md" pb="sm">
          <TextInput
            aria-label="Search teams"
            placeholder="Search teams by name"
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            w={{ base: '100%', sm: 320 }}
          />
        </Group>
        {teams.isPending ? (
          <LoadingState />
        ) : teams.isError ? (
          <ErrorState error={teams.error} onRetry={() => void teams.refetch()} />
        ) : teams.data.teams.length === 0 ? (
          <EmptyState
            icon={<IconUsersGroup size={24} />}
            title={debouncedSearch ? 'No teams match' : 'No teams yet'}
          >
            {debouncedSearch
              ? 'Try another part of the name.'
              : 'Teams appear here when Microsoft Entra ID provisions groups, or create one yourself.'}
          </EmptyState>
        ) : (
          <Table.ScrollContainer minWidth={680}>
            <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Team</Table.Th>
                  <Table.Th>Source</Table.Th>
                  <Table.Th>Members</Table.Th>
                  <Table.Th>Resources</Table.Th>
                  <Table.Th>Created</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {teams.data.teams.map((team) => {
                  const resources = formatResourceCounts(team.resources);
                  return (
                    <Table.Tr
                      key={team.id}
                      className="rollcall-clickable-row"
                      onClick={() => void navigate(`/teams/${team.id}`)}
                    >
                      <Table.Td>
                        <Anchor
                          component={Link}
                          to={`/teams/${team.id}`}
                          fw={600}
                          size="sm"
                          onClick={(event) => event.stopPropagation()}
                        >
                          {team.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <TeamSourceBadge source={team.source} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{pluralize(team.members, 'member', 'members')}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c={resources.length ? undefined : 'dimmed'}>
                          {resources.length ? resources.join(', ') : 'None'}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c="dimmed">
                          {formatDate(team.createdAt)}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      <CreateTeamModal
        opened={creating}
        onClose={close}
        onCreated={(teamId) => {
          close();
          void navigate(`/teams/${teamId}`);
        }}
      />
    </>
  );
}
