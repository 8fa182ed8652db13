import {
  Badge,
  Card,
  Group,
  Pagination,
  SegmentedControl,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { IconSearch, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import type { UserStatusFilter } from '@rollcall/contracts';
import { EmptyState } from '../../../components/empty-state';
import { PageHeader } from '../../../components/page-header';
import { ErrorState, LoadingState } from '../../../components/query-state';
import { useUsers } from '../api/use-users';
import { UserCards } from './user-cards';
import { UserDrawer } from './user-drawer';
import { UserRole, UserSourceBadge, UserStatusBadge } from './user-badges';

const PAGE_SIZE = 25;
/** At or below this width each user is a card: a five-column table does not fit a phone. */
const PHONE_QUERY = '(max-width: 600px)';
const STATUSES: { value: UserStatusFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'active', label: 'Active' },
  { value: 'deactivated', label: 'Deactivated' },
];

export function UsersPage() {
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 250);
  const [status, setStatus] = useState<UserStatusFilter>('all');
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<string | null>(null);
  const phone = useMediaQuery(PHONE_QUERY, false, { getInitialValueInEffect: false });
  const users = useUsers({
    search: debouncedSearch,
    status,
    startIndex: (page - 1) * PAGE_SIZE + 1,
    count: PAGE_SIZE,
  });
  const pages = users.data ? Math.max(1, Math.ceil(users.data.total / PAGE_SIZE)) : 1;
  const filtered = debouncedSearch !== '' || status !== 'all';

  return (
    <>
      <PageHeader
        title="Users"
        description="Members of your organization as Microsoft Entra ID provisioned them, with their effective role: roleName from Microsoft Entra ID wins, then the most privileged mapped group, then the default role."
      />
      <Card withBorder radius="md" p={0}>
        <Group p="md" pb="sm" justify="space-between" wrap="wrap" gap="sm">
          <TextInput
            aria-label="Search users"
            placeholder="Search by name, userName or e-mail"
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(event) => {
              setSearch(event.currentTarget.value);
              setPage(1);
            }}
            w={{ base: '100%', sm: 340 }}
          />
          <SegmentedControl
            aria-label="Status"
            value={status}
            onChange={(value) => {
              setStatus(value as UserStatusFilter);
              setPage(1);
            }}
            data={STATUSES}
          />
        </Group>
        {users.isPending ? (
          <LoadingState />
        ) : users.isError ? (
          <ErrorState error={users.error} onRetry={() => void users.refetch()} />
        ) : users.data.users.length === 0 ? (
          <EmptyState
            icon={<IconUsers size={24} />}
            title={filtered ? 'No users match' : 'No users yet'}
          >
            {filtered
              ? 'Try another search or status.'
              : 'Users appear here when Microsoft Entra ID provisions them: enable provisioning and assign users to the Rollcall app in Microsoft Entra ID.'}
          </EmptyState>
        ) : (
          <>
            {phone ? (
              <UserCards users={users.data.users} onSelect={setSelected} />
            ) : (
              <Table.ScrollContainer minWidth={820}>
                <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>User</Table.Th>
                      <Table.Th miw={130}>Status</Table.Th>
                      <Table.Th miw={150}>Role</Table.Th>
                      <Table.Th miw={110}>Source</Table.Th>
                      <Table.Th>Teams</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {users.data.users.map((user) => (
                      <Table.Tr
                        key={user.id}
                        className="rollcall-clickable-row"
                        tabIndex={0}
                        onClick={() => setSelected(user.id)}
                        onKeyDown={(event) => {
                          if (event.key === 'Enter' || event.key === ' ') {
                            event.preventDefault();
                            setSelected(user.id);
                          }
                        }}
                        aria-label={`${user.displayName ?? user.userName}, ${user.active ? 'active' : 'deactivated'}`}
                      >
                        <Table.Td>
                          <Text size="sm" fw={600}>
                            {user.displayName ?? user.userName}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {user.userName}
                          </Text>
                        </Table.Td>
                        <Table.Td miw={130} style={{ whiteSpace: 'nowrap' }}>
                          <UserStatusBadge active={user.active} />
                        </Table.Td>
                        <Table.Td>
                          <UserRole role={user.role} />
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          <UserSourceBadge source={user.source} />
                        </Table.Td>
                        <Table.Td>
                          <Group gap={4}>
                            {user.teams.slice(0, 3).map((team) => (
                              <Badge key={team.id} variant="light" tt="none" size="sm">
                                {team.name}
                              </Badge>
                            ))}
                            {user.teams.length > 3 ? (
                              <Text size="xs" c="dimmed">
                                +{user.teams.length - 3}
                              </Text>
                            ) : null}
                            {user.teams.length === 0 ? (
                              <Text size="sm" c="dimmed">
                                —
                              </Text>
                            ) : null}
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            <Group justify="space-between" p="md" wrap="wrap" gap="sm">
              <Text size="sm" c="dimmed">
                {users.data.startIndex}–{users.data.startIndex + users.data.users.length - 1} of{' '}
                {users.data.total.toLocaleString('en-US')}
              </Text>
              {pages > 1 ? (
                <Pagination
                  total={pages}
                  value={page}
                  onChange={setPage}
                  size="sm"
                  aria-label="Pages"
                />
              ) : null}
            </Group>
          </>
        )}
      </Card>
      <UserDrawer userId={selected} onClose={() => setSelected(null)} />
    </>
  );
}
