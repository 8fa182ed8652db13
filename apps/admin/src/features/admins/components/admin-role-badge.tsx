import { Badge } from '@mantine/core';
import type { AdminRoleName } from '@rollcall/contracts';
import { adminRoleColor, adminRoleLabel } from './admin-role.format';

export function AdminRoleBadge({ role }: { role: AdminRoleName }) {
  return (
    <Badge variant="light" color={adminRoleColor(role)} tt="none">
      {adminRoleLabel(role)}
    </Badge>
  );
}
