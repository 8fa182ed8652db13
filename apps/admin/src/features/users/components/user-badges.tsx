import { Badge, Text } from '@mantine/core';
import type { AdminUserView } from '@rollcall/contracts';
import { roleLabel, roleSourceLabel } from '../../../components/role.format';
import { userSourceLabel, type UserSource } from './user-source.format';

export function UserStatusBadge({ active }: { active: boolean }) {
  return (
    <Badge variant="light" color={active ? 'teal' : 'gray'} tt="none">
      {active ? 'Active' : 'Deactivated'}
    </Badge>
  );
}

export function UserSourceBadge({ source }: { source: UserSource }) {
  const { label, color, description } = userSourceLabel(source);
  return (
    <Badge variant="outline" color={color} tt="none" title={description}>
      {label}
    </Badge>
  );
}

export function UserRole({ role }: { role: AdminUserView['role'] }) {
  return (
    <>
      <Text size="sm" fw={500}>
        {roleLabel(role.role)}
      </Text>
      <Text size="xs" c="dimmed">
        {roleSourceLabel(role)}
      </Text>
    </>
  );
}
