import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Link } from 'react-router';
import { pluralize } from '../../../components/resource-counts.format';

/**
 * Deprovisioning a group deletes its team: say so plainly, with the window to undo it. The
 * window is edited in Settings only (one place to change it), linked from here.
 */
export function DeprovisioningNotice({ retentionDays }: { retentionDays: number }) {
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
          When a group is deprovisioned in Microsoft Entra ID (unassigned from the app, out of
          scope, or deleted), Rollcall deletes its team and{' '}
          <strong>all the team&apos;s resources</strong>: monitors, heartbeats, status pages and
          on-call calendars. Its members only leave the team; their accounts stay.
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
          )}{' '}
          <Anchor component={Link} to="/settings" size="sm" fw={600}>
            Change the retention window in Settings
          </Anchor>
        </Text>
      </Stack>
    </Alert>
  );
}
