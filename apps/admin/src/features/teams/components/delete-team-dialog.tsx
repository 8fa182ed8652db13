import { Alert, Button, Group, List, Modal, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconBrandAzure } from '@tabler/icons-react';
import { useState } from 'react';
import type { TeamSummaryView } from '@rollcall/contracts';
import { errorMessage } from '../../../api/api-error';
import { formatDateTime } from '../../../components/date.format';
import { ErrorState } from '../../../components/query-state';
import { formatTeamContents } from '../../../components/resource-counts.format';
import { retentionSentence } from '../../../components/retention.format';
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
  const [confirmation, setConfirmation] = useState('');
  const confirmed = confirmation === team.name;

  const close = () => {
    setConfirmation('');
    deleteTeam.reset();
    onClose();
  };

  const submit = () => {
    if (!confirmed) return;
    deleteTeam.mutate(team.id, {
      onSuccess: (result) => {
        notifications.show({
          color: result.purgeAfter ? 'orange' : 'red',
          title: result.purgeAfter ? 'Team moved to Pending deletions' : 'Team deleted',
          message: result.purgeAfter
            ? `${team.name} can be restored until ${formatDateTime(result.purgeAfter)}.`
            : `${team.name} and everything it held are gone.`,
        });
        setConfirmation('');
        onDeleted();
      },
    });
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={<Text fw={700}>Delete team {team.name}?</Text>}
      size="lg"
      centered
    >
      <Stack gap="md">
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
                This will delete {formatTeamContents(preview.data.resources, preview.data.members)}.
              </Text>
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
                title="Managed by Microsoft Entra"
              >
                <List size="sm" spacing={4}>
                  <List.Item>
                    This team is provisioned from an Entra group. Entra deletes or recreates it
                    according to its assignments.
                  </List.Item>
                  <List.Item>
                    If the group is still assigned to the Rollcall app, the next sync (about every
                    40 minutes) may recreate an empty team. To remove it for good, unassign the
                    group in Entra.
                  </List.Item>
                </List>
              </Alert>
            ) : null}
          </>
        )}
        <TextInput
          label="Type the team name to confirm"
          description={
            <>
              Enter <strong>{team.name}</strong> exactly.
            </>
          }
          value={confirmation}
          onChange={(event) => setConfirmation(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') submit();
          }}
          autoComplete="off"
          spellCheck={false}
          data-autofocus
        />
        {deleteTeam.isError ? (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(deleteTeam.error)}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button
            color="red"
            disabled={!confirmed || preview.isPending}
            loading={deleteTeam.isPending}
            onClick={submit}
          >
            Delete
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
