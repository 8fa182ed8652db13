import { Badge, Button, Card, Group, Select, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { AdminRoleName, OrganizationAdminView } from '@rollcall/contracts';
import { confirmDestructive } from '../../../components/confirm-destructive';
import { formatDateTime, formatRelative } from '../../../components/date.format';
import { useChangeAdminRole } from '../api/use-change-admin-role';
import { useRemoveAdmin } from '../api/use-remove-admin';
import { useTransferOwnership } from '../api/use-transfer-ownership';
import { AdminRoleBadge } from './admin-role-badge';
import { ADMIN_ROLE_OPTIONS, adminErrorMessage, adminRoleLabel } from './admin-role.format';

const ROLE_SELECT_DATA = ADMIN_ROLE_OPTIONS.map(({ value, label }) => ({ value, label }));

/** The confirm dialog reports failures with the Admins page's own wording. */
const readable = (onError: (error: unknown) => void) => (error: unknown) =>
  onError(new Error(adminErrorMessage(error)));

function displayName(admin: OrganizationAdminView): string {
  return admin.name ? `${admin.name} (${admin.email})` : admin.email;
}

interface AdminsTableProps {
  admins: OrganizationAdminView[];
  /** Owner-only controls (role select, remove, transfer) are shown only to owners. */
  canManage: boolean;
}

export function AdminsTable({ admins, canManage }: AdminsTableProps) {
  const changeRole = useChangeAdminRole();
  const remove = useRemoveAdmin();
  const transfer = useTransferOwnership();

  const onRoleChange = (admin: OrganizationAdminView, role: AdminRoleName) => {
    if (role === admin.role) return;
    changeRole.mutate(
      { id: admin.id, role },
      {
        onSuccess: () =>
          notifications.show({
            color: 'teal',
            title: 'Role changed',
            message: `${admin.email} is now ${adminRoleLabel(role).toLowerCase()}.`,
          }),
        onError: (error) =>
          notifications.show({
            color: 'red',
            title: 'Could not change the role',
            message: adminErrorMessage(error),
          }),
      },
    );
  };

  const confirmRemove = (admin: OrganizationAdminView) =>
    confirmDestructive({
      title: <>Remove {displayName(admin)}?</>,
      children: (
        <Text size="sm">
          {admin.email} can no longer sign in to this organization&apos;s dashboard, and every
          session they have open ends now. You can invite them again later.
        </Text>
      ),
      confirmLabel: 'Remove admin',
      action: ({ onSuccess, onError }) =>
        remove.mutate(admin.id, { onSuccess, onError: readable(onError) }),
      success: { title: 'Admin removed', message: `${admin.email} was removed.` },
      failureTitle: 'Could not remove the admin',
    });

  const confirmTransfer = (admin: OrganizationAdminView) =>
    confirmDestructive({
      title: <>Transfer ownership to {displayName(admin)}?</>,
      children: (
        <Text size="sm">
          {admin.email} becomes an owner and you become an admin: you keep every page but can no
          longer manage admins. Only an owner can give that back.
        </Text>
      ),
      confirmLabel: 'Transfer ownership',
      action: ({ onSuccess, onError }) =>
        transfer.mutate(admin.id, { onSuccess, onError: readable(onError) }),
      success: { title: 'Ownership transferred', message: `${admin.email} is now an owner.` },
      failureTitle: 'Could not transfer ownership',
    });

  return (
    <Card withBorder padding={0}>
      <Table.ScrollContainer minWidth={canManage ? 820 : 560}>
        <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="Admins">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Admin</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Last sign-in</Table.Th>
              {canManage ? <Table.Th aria-label="Actions" /> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {admins.map((admin) => (
              <Table.Tr key={admin.id}>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <div style={{ minWidth: 0 }}>
                      <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                        {admin.name ?? admin.email}
                      </Text>
                      {admin.name ? (
                        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                          {admin.email}
                        </Text>
                      ) : null}
                    </div>
                    {admin.isYou ? (
                      <Badge size="sm" variant="outline" color="gray" tt="none">
                        You
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {canManage && !admin.isYou ? (
                    <Select
                      aria-label={`Role of ${admin.email}`}
                      data={ROLE_SELECT_DATA}
                      value={admin.role}
                      onChange={(value) => value && onRoleChange(admin, value as AdminRoleName)}
                      allowDeselect={false}
                      size="xs"
                      w={120}
                      disabled={changeRole.isPending && changeRole.variables.id === admin.id}
                    />
                  ) : (
                    <AdminRoleBadge role={admin.role} />
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {admin.lastLoginAt ? (
                    <Text size="sm" title={formatDateTime(admin.lastLoginAt)}>
                      {formatRelative(admin.lastLoginAt)}
                    </Text>
                  ) : (
                    <Text size="sm" c="dimmed">
                      Never
                    </Text>
                  )}
                </Table.Td>
                {canManage ? (
                  <Table.Td ta="right">
                    {admin.isYou ? null : (
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        {admin.role === 'owner' ? null : (
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            onClick={() => confirmTransfer(admin)}
                            aria-label={`Transfer ownership to ${admin.email}`}
                          >
                            Transfer ownership…
                          </Button>
                        )}
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          onClick={() => confirmRemove(admin)}
                          aria-label={`Remove ${admin.email}`}
                        >
                          Remove…
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
