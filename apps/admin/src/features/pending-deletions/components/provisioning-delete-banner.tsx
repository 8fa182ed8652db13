import { Alert, Anchor, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatDate } from '../../../components/date.format';
import { isProvisioningDelete } from '../../../components/role.format';
import { usePendingDeletions } from '../api/use-pending-deletions';

/** On every page while a team that Entra deleted (a group delete) can still be restored. */
export function ProvisioningDeleteBanner() {
  const pending = usePendingDeletions();
  const byEntra = (pending.data?.teams ?? []).filter((entry) =>
    isProvisioningDelete(entry.deletedBy),
  );
  if (byEntra.length === 0) return null;
  const names = byEntra.map((entry) => entry.team.name);
  const firstPurge = byEntra
    .map((entry) => entry.purgeAfter)
    .filter((date): date is string => date !== null)
    .sort()[0];
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconAlertTriangle size={20} />}
      title={
        byEntra.length === 1
          ? `Microsoft Entra deleted the team ${names[0]}`
          : `Microsoft Entra deleted ${byEntra.length} teams`
      }
      mb="lg"
      role="status"
    >
      <Text size="sm">
        {byEntra.length === 1 ? 'Its group was' : `Their groups (${names.join(', ')}) were`}{' '}
        deprovisioned in Entra, so{' '}
        {byEntra.length === 1
          ? 'the team and its resources are'
          : 'the teams and their resources are'}{' '}
        pending deletion.
        {firstPurge ? ` They can be restored until ${formatDate(firstPurge)}.` : ''}{' '}
        <Anchor component={Link} to="/pending-deletions" size="sm" fw={600}>
          Review pending deletions
        </Anchor>
      </Text>
    </Alert>
  );
}
