import { Alert, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { PendingTeamDeletionView } from '@rollcall/contracts';
import { teamRemovalWording } from '../../../components/team-removal.format';
import { TypedConfirmDialog } from '../../../components/typed-confirm-dialog';
import { usePurgeTeam } from '../api/use-purge-team';

interface PurgeTeamDialogProps {
  entry: PendingTeamDeletionView | null;
  onClose: () => void;
}

/** Purge now: the team delete's typed confirmation, for the step that cannot be undone. */
export function PurgeTeamDialog({ entry, onClose }: PurgeTeamDialogProps) {
  const purge = usePurgeTeam();
  const close = () => {
    purge.reset();
    onClose();
  };
  const name = entry?.team.name ?? '';
  const wording = entry ? teamRemovalWording(entry.resources, entry.members) : null;

  const submit = () => {
    if (!entry) return;
    purge.mutate(entry.team.id, {
      onSuccess: () => {
        notifications.show({
          color: 'red',
          title: 'Team purged',
          message: `${name} and its resources are gone for good.`,
        });
        close();
      },
    });
  };

  return (
    <TypedConfirmDialog
      opened={entry !== null}
      title={`Purge team ${name} now?`}
      expected={name}
      confirmLabel="Purge now"
      pending={purge.isPending}
      error={purge.error}
      onConfirm={submit}
      onClose={close}
    >
      <Alert color="red" variant="light" icon={<IconAlertTriangle size={20} />}>
        <Text size="sm" fw={600}>
          This cannot be undone: the team is deleted for good now instead of at its purge date, and
          it can no longer be restored.
        </Text>
        {wording?.resources ? (
          <Text size="sm" mt={4}>
            This will permanently delete {wording.resources}.
          </Text>
        ) : null}
        {wording?.members ? (
          <Text size="sm" mt={4}>
            {wording.members}
          </Text>
        ) : null}
      </Alert>
    </TypedConfirmDialog>
  );
}
