import { Alert, Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { MAX_DELETED_TEAM_RETENTION_DAYS } from '@rollcall/contracts';
import { errorMessage } from '../../../api/api-error';
import { useUpdateOrganizationSettings } from '../../../api/use-update-organization-settings';
import { pluralize } from '../../../components/resource-counts.format';

/** Deprovisioning a group deletes its team: say so plainly, with the window to undo it. */
export function DeprovisioningNotice({ retentionDays }: { retentionDays: number }) {
  const [draft, setDraft] = useState<number | string>(retentionDays);
  const update = useUpdateOrganizationSettings();
  const changed = Number(draft) !== retentionDays && draft !== '';

  const save = () =>
    update.mutate(
      { deletedTeamRetentionDays: Number(draft) },
      {
        onSuccess: (organization) =>
          notifications.show({
            color: 'teal',
            title: 'Retention window saved',
            message: `Deleted teams stay restorable for ${pluralize(organization.settings.deletedTeamRetentionDays, 'day', 'days')}.`,
          }),
        onError: (error) =>
          notifications.show({
            color: 'red',
            title: 'Could not save',
            message: errorMessage(error),
          }),
      },
    );

  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle size={20} />}
      title="Deprovisioning a group deletes its team"
      role="note"
    >
      <Stack gap="sm">
        <Text size="sm">
          When a group is deprovisioned in Entra (unassigned from the app, out of scope, or
          deleted), Rollcall deletes its team and <strong>all the team&apos;s resources</strong>:
          monitors, heartbeats, status pages and on-call calendars.
        </Text>
        <Text size="sm">
          {retentionDays > 0 ? (
            <>
              Deleted teams wait in Pending deletions for{' '}
              <strong>{pluralize(retentionDays, 'day', 'days')}</strong>, where an admin can restore
              them; then they are purged for good.
            </>
          ) : (
            <>
              The retention window is <strong>0 days</strong>: a deprovisioned group&apos;s team is
              destroyed at once and cannot be restored.
            </>
          )}
        </Text>
        <Group align="flex-end" gap="sm">
          <NumberInput
            label="Retention window (days)"
            min={0}
            max={MAX_DELETED_TEAM_RETENTION_DAYS}
            value={draft}
            onChange={setDraft}
            w={200}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="strict"
          />
          <Button
            variant="white"
            color="red"
            disabled={!changed}
            loading={update.isPending}
            onClick={save}
          >
            Save
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
