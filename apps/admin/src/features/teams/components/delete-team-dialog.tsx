import { Alert, List, Skeleton, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconBrandAzure } from '@tabler/icons-react';
import type { TeamSummaryView } from '@rollcall/contracts';
import { formatDateTime } from '../../../components/date.format';
import { ErrorState } from '../../../components/query-state';
import { retentionSentence } from '../../../components/retention.format';
import { teamRemovalWording } from '../../../components/team-removal.format';
import { TypedConfirmDialog } from '../../../components/typed-confirm-dialog';
import { useDeleteTeam } from '../api/use-delete-team';
import { useTeamDeletionPreview } from '../api/use-team-deletion-preview';

interface DeleteTeamDialogProps {
  team: TeamSummaryView;
  opened: boolean;
  onClose: () => void;
  onDeleted: () => void;
}

/**
 * The product's one data-loss action: says exactly what goes (counts from the server at the
 * moment the dialog opens), what the retention window means, and asks for the team's name.
 */
export function DeleteTeamDialog({ team, opened, onClose, onDeleted }: DeleteTeamDialogProps) {
  const preview = useTeamDeletionPreview(team.id, opened);
  const deleteTeam = useDeleteTeam();

  const close = () => {
    deleteTeam.reset();
    onClose();
  };

  const submit = () =>
    deleteTeam.mutate(team.id, {
      onSuccess: (result) => {
        notifications.show({
          color: result.purgeAfter ? 'orange' : 'red',
          title: result.purgeAfter ? 'Team moved to Pending deletions' : 'Team deleted',
          message: result.purgeAfter
            ? `${team.name} can be restored until ${formatDateTime(result.purgeAfter)}.`
            : `${team.name} and its resources are gone; its members keep their accounts.`,
        });
        onDeleted();
      },
    });

  const wording = preview.data
    ? teamRemovalWording(preview.data.resources, preview.data.members)
    : null;

  return (
    <TypedConfirmDialog
      opened={opened}
      title={`Delete team ${team.name}?`}
      expected={team.name}
      confirmLabel="Delete"
      ready={preview.isSuccess}
      pending={deleteTeam.isPending}
      error={deleteTeam.error}
      onConfirm={submit}
      onClose={close}
    >
      {preview.isPending ? (
        <Stack gap="xs" aria-label="Loading what will be deleted">
          <Skeleton h={18} />
          <Skeleton h={18} w="70%" />
        </Stack>
      ) : preview.isError ? (
        <ErrorState
          error={preview.error}
          title="Could not check what this team holds"
          onRetry={() => void preview.refetch()}
        />
      ) : (
        <>
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={20} />}>
            <Text size="sm" fw={600}>
              {wording?.resources
                ? `This will delete ${wording.resources}.`
                : 'The team holds no monitors, heartbeats, status pages or on-call calendars.'}
            </Text>
            {wording?.members ? (
              <Text size="sm" fw={600} mt={4}>
                {wording.members}
              </Text>
            ) : null}
            <Text size="sm" mt={4}>
              Members lose access to the team; its monitors, heartbeats, status pages and on-call
              calendars go with it.
            </Text>
          </Alert>
          <Text size="sm">{retentionSentence(preview.data.retentionDays)}</Text>
          {team.source === 'scim' ? (
            <Alert
              color="blue"
              variant="light"
              icon={<IconBrandAzure size={20} />}
              title="Managed by Microsoft Entra ID"
            >
              <List size="sm" spacing={4}>
                <List.Item>
                  This team is provisioned from a Microsoft Entra ID group. Entra deletes or
                  recreates it according to its assignments.
                </List.Item>
                <List.Item>
                  If the group is still assigned to the Rollcall app, the next sync (about every 40
                  minutes) may recreate an empty team. To remove it for good, unassign the group in
                  Microsoft Entra ID.
                </List.Item>
              </List>
            </Alert>
          ) : null}
        </>
      )}
    </TypedConfirmDialog>
  );
}
