import {
  Badge,
  Code,
  Drawer,
  Group,
  ScrollArea,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { formatDateTime } from '../../../components/date.format';
import { ErrorState, LoadingState } from '../../../components/query-state';
import { useUser } from '../api/use-user';
import { UserRole, UserSourceBadge, UserStatusBadge } from './user-badges';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={2}>
        {label}
      </Text>
      {children}
    </div>
  );
}

export function UserDrawer({ userId, onClose }: { userId: string | null; onClose: () => void }) {
  const user = useUser(userId);
  return (
    <Drawer
      opened={userId !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={<Text fw={700}>User details</Text>}
      scrollAreaComponent={ScrollArea.Autosize}
    >
      {user.isPending ? (
        <LoadingState />
      ) : user.isError ? (
        <ErrorState error={user.error} />
      ) : (
        <Stack gap="lg">
          <div>
            <Title order={2} fz="xl">
              {user.data.displayName ?? user.data.userName}
            </Title>
            <Text c="dimmed" size="sm">
              {user.data.userName}
            </Text>
            <Group gap="xs" mt="xs">
              <UserStatusBadge active={user.data.active} />
              <UserSourceBadge source={user.data.source} />
            </Group>
          </div>
          {!user.data.active ? (
            <Text size="sm">
              Deactivated in Microsoft Entra ID: no access, but the role and team memberships are
              kept, so reactivating restores them.
            </Text>
          ) : null}
          <SimpleGrid cols={2} spacing="md">
            <Field label="Role">
              <UserRole role={user.data.role} />
            </Field>
            <Field label="E-mail">
              <Text size="sm">{user.data.email ?? '—'}</Text>
            </Field>
            <Field label="Created">
              <Text size="sm">{formatDateTime(user.data.createdAt)}</Text>
            </Field>
            <Field label="Updated">
              <Text size="sm">{formatDateTime(user.data.updatedAt)}</Text>
            </Field>
          </SimpleGrid>
          <Field label="Teams">
            {user.data.teams.length === 0 ? (
              <Text size="sm" c="dimmed">
                No teams
              </Text>
            ) : (
              <Group gap={6}>
                {user.data.teams.map((team) => (
                  <Badge key={team.id} variant="light" tt="none">
                    {team.name}
                  </Badge>
                ))}
              </Group>
            )}
          </Field>
          <Field label="SCIM resource">
            <Code block fz="xs">
              {JSON.stringify(user.data.scim, null, 2)}
            </Code>
          </Field>
        </Stack>
      )}
    </Drawer>
  );
}
