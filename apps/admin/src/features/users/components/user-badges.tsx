import { Badge, Text } from '@mantine/core';
import type { AdminUserView } from '@rollcall/contracts';
import { roleLabel, roleSourceLabel } from '../../../components/role.format';
import { userSourceLabel, type UserSource } from './user-source.format';

/**
 * A badge is a word, never a fragment: it keeps its full width (Mantine's label would otherwise
 * end in an ellipsis when a squeezed table cell shrinks it).
 */
const WHOLE_BADGE = {
  root: { flexShrink: 0, maxWidth: 'none', overflow: 'visible' },
  label: { overflow: 'visible', textOverflow: 'clip' },
} as const;

export function UserStatusBadge({ active }: { active: boolean }) {
  return (
    <Badge
      variant="light"
      color={active ? 'teal' : 'gray'}
      tt="none"
      styles={WHOLE_BADGE}
      data-status-badge
    >
      {active ? 'Active' : 'Deactivated'}
    </Badge>
  );
}

export function UserSourceBadge({ source }: { source: UserSource }) {
  const { label, color, description } = userSourceLabel(source);
  return (
    <Badge variant="outline" color={color} tt="none" title={description} styles={WHOLE_BADGE}>
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
