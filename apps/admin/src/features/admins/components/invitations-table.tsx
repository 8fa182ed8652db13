import { Badge, Button, Card, Group, Table, Text } from '@mantine/core';
import type { AdminInvitationView } from '@rollcall/contracts';
import { confirmDestructive } from '../../../components/confirm-destructive';
import { formatDateTime, formatRelative } from '../../../components/date.format';
import { useWithdrawInvitation } from '../api/use-withdraw-invitation';
import { AdminRoleBadge } from './admin-role-badge';
import { adminErrorMessage } from './admin-role.format';

interface InvitationsTableProps {
  invitations: AdminInvitationView[];
  canManage: boolean;
}

/** Invitations not accepted yet; an expired one stays listed until withdrawn or replaced. */
export function InvitationsTable({ invitations, canManage }: InvitationsTableProps) {
  const withdraw = useWithdrawInvitation();

  const confirmWithdraw = (invitation: AdminInvitationView) =>
    confirmDestructive({
      title: <>Withdraw the invitation for {invitation.email}?</>,
      children: (
        <Text size="sm">
          The link sent to {invitation.email} stops working at once. You can invite them again.
        </Text>
      ),
      confirmLabel: 'Withdraw invitation',
      action: ({ onSuccess, onError }) =>
        withdraw.mutate(invitation.id, {
          onSuccess,
          onError: (error) => onError(new Error(adminErrorMessage(error))),
        }),
      success: {
        title: 'Invitation withdrawn',
        message: `The link for ${invitation.email} no longer works.`,
      },
      failureTitle: 'Could not withdraw the invitation',
    });

  return (
    <Card withBorder padding={0}>
      <Table.ScrollContainer minWidth={canManage ? 720 : 600}>
        <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="Pending invitations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>E-mail</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Invited</Table.Th>
              <Table.Th>Expires</Table.Th>
              {canManage ? <Table.Th aria-label="Actions" /> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invitations.map((invitation) => (
              <Table.Tr key={invitation.id}>
                <Table.Td>
                  <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {invitation.email}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <AdminRoleBadge role={invitation.role} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" title={formatDateTime(invitation.createdAt)}>
                    {formatRelative(invitation.createdAt)}
                  </Text>
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    by {invitation.invitedBy.replace(/^admin:/, '')}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Group gap="xs" wrap="nowrap">
                    <Text size="sm" c={invitation.expired ? 'dimmed' : undefined}>
                      {formatDateTime(invitation.expiresAt)}
                    </Text>
                    {invitation.expired ? (
                      <Badge size="sm" color="orange" variant="light" tt="none">
                        Expired
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
                {canManage ? (
                  <Table.Td ta="right">
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      onClick={() => confirmWithdraw(invitation)}
                      aria-label={`Withdraw the invitation for ${invitation.email}`}
                    >
                      Withdraw…
                    </Button>
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
