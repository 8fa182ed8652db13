import { Alert, Anchor, Button, Group, Text } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatDate } from '../../../components/date.format';
import { isProvisioningDelete } from '../../../components/role.format';
import { usePendingDeletions } from '../api/use-pending-deletions';
import {
  ACKNOWLEDGED_DELETIONS_KEY,
  deletionKey,
  parseAcknowledged,
  withAcknowledged,
} from './acknowledged-deletions';

/**
 * While a team that Entra deleted (a group delete) can still be restored, on the team pages
 * and Pending deletions, until an admin acknowledges it in this browser.
 */
export function ProvisioningDeleteBanner() {
  const pending = usePendingDeletions();
  const [acknowledged, setAcknowledged] = useLocalStorage<string[]>({
    key: ACKNOWLEDGED_DELETIONS_KEY,
    defaultValue: [],
    getInitialValueInEffect: false,
    deserialize: parseAcknowledged,
  });
  const all = pending.data?.teams ?? [];
  const byEntra = all.filter(
    (entry) => isProvisioningDelete(entry.deletedBy) && !acknowledged.includes(deletionKey(entry)),
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
          ? `Microsoft Entra ID deleted the team ${names[0]}`
          : `Microsoft Entra ID deleted ${byEntra.length} teams`
      }
      mb="lg"
      role="status"
    >
      <Text size="sm">
        {byEntra.length === 1 ? 'Its group was' : `Their groups (${names.join(', ')}) were`}{' '}
        deprovisioned in Microsoft Entra ID, so{' '}
        {byEntra.length === 1
          ? 'the team and its resources are'
          : 'the teams and their resources are'}{' '}
        pending deletion.
        {firstPurge ? ` They can be restored until ${formatDate(firstPurge)}.` : ''}
      </Text>
      <Group gap="sm" mt="xs">
        <Anchor component={Link} to="/pending-deletions" size="sm" fw={600}>
          Review pending deletions
        </Anchor>
        <Button
          size="compact-sm"
          variant="subtle"
          color="orange"
          onClick={() => setAcknowledged(withAcknowledged(acknowledged, byEntra, all))}
        >
          Acknowledge
        </Button>
      </Group>
    </Alert>
  );
}
