import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconInfoCircle, IconUserPlus } from '@tabler/icons-react';
import { PageHeader } from '../../../components/page-header';
import { ErrorState, LoadingState } from '../../../components/query-state';
import { useAdminTeam } from '../api/use-admin-team';
import { AdminsTable } from './admins-table';
import { InvitationsTable } from './invitations-table';
import { InviteAdminModal } from './invite-admin-modal';

/** Settings → Admins: who administers the organization, with which role, and who is invited. */
export function AdminsPage() {
  const team = useAdminTeam();
  const [inviting, { open: openInvite, close: closeInvite }] = useDisclosure(false);
  const you = team.data?.admins.find((admin) => admin.isYou);
  const isOwner = you?.role === 'owner';

  return (
    <>
      <PageHeader
        title="Admins"
        description="People who sign in to this dashboard. Owners manage admins; admins change everything else; viewers only read."
        actions={
          isOwner ? (
            <Button leftSection={<IconUserPlus size={16} />} onClick={openInvite}>
              Invite admin
            </Button>
          ) : null
        }
      />
      {team.isPending ? (
        <LoadingState />
      ) : team.isError ? (
        <ErrorState error={team.error} onRetry={() => void team.refetch()} />
      ) : (
        <Stack gap="xl">
          {isOwner ? null : (
            <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />}>
              Only an owner can invite, remove or change admins.
            </Alert>
          )}
          <AdminsTable admins={team.data.admins} canManage={isOwner} />
          <Stack gap="sm">
            <Title order={2} fz="lg">
              Pending invitations
            </Title>
            {team.data.invitations.length === 0 ? (
              <Text size="sm" c="dimmed">
                No invitations waiting.{isOwner ? ' Invite someone with “Invite admin”.' : ''}
              </Text>
            ) : (
              <InvitationsTable invitations={team.data.invitations} canManage={isOwner} />
            )}
          </Stack>
        </Stack>
      )}
      <InviteAdminModal opened={inviting} onClose={closeInvite} />
    </>
  );
}
