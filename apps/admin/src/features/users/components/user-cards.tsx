import { Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import type { AdminUserView } from '@rollcall/contracts';
import { UserRole, UserStatusBadge } from './user-badges';

/**
 * The users list on a phone (≤ 600 px): one card per user with what a table row says first,
 * name and userName, status and role; source and teams are in the drawer it opens.
 */
export function UserCards({
  users,
  onSelect,
}: {
  users: readonly AdminUserView[];
  onSelect: (id: string) => void;
}) {
  return (
    <Stack gap="xs" px="md" component="ul" aria-label="Users" style={{ listStyle: 'none' }} m={0}>
      {users.map((user) => (
        <li key={user.id}>
          <UnstyledButton
            w="100%"
            onClick={() => onSelect(user.id)}
            aria-label={`${user.displayName ?? user.userName}, ${user.active ? 'active' : 'deactivated'}`}
            className="rollcall-clickable-row"
          >
            <Paper withBorder radius="md" p="sm" data-user-card>
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text size="sm" fw={600} truncate>
                    {user.displayName ?? user.userName}
                  </Text>
                  <Text size="xs" c="dimmed" truncate>
                    {user.userName}
                  </Text>
                </Stack>
                <UserStatusBadge active={user.active} />
              </Group>
              <Stack gap={0} mt={6}>
                <UserRole role={user.role} />
              </Stack>
            </Paper>
          </UnstyledButton>
        </li>
      ))}
    </Stack>
  );
}
