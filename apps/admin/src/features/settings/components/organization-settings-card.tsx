import {
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import {
  MAX_DELETED_TEAM_RETENTION_DAYS,
  type OrganizationView,
  type RoleName,
} from '@rollcall/contracts';
import { errorMessage } from '../../../api/api-error';
import { useUpdateOrganizationSettings } from '../../../api/use-update-organization-settings';
import { retentionSentence } from '../../../components/retention.format';
import { OrganizationNameForm } from './organization-name-form';
import { OrganizationSlug } from './organization-slug';
import { ROLE_OPTIONS, asRole } from './role-options';

export function OrganizationSettingsCard({ organization }: { organization: OrganizationView }) {
  const update = useUpdateOrganizationSettings();
  const [defaultRole, setDefaultRole] = useState<RoleName>(organization.settings.defaultRole);
  const [retention, setRetention] = useState<number | string>(
    organization.settings.deletedTeamRetentionDays,
  );
  const retentionDays = retention === '' ? NaN : Number(retention);
  const changed =
    defaultRole !== organization.settings.defaultRole ||
    retentionDays !== organization.settings.deletedTeamRetentionDays;

  const save = () =>
    update.mutate(
      { defaultRole, deletedTeamRetentionDays: retentionDays },
      {
        onSuccess: () =>
          notifications.show({
            color: 'teal',
            title: 'Settings saved',
            message: organization.name,
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
    <Card withBorder radius="md" p="lg" component="section" aria-label="Organization">
      <Title order={2} fz="lg" mb="md">
        Organization
      </Title>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <OrganizationNameForm key={organization.name} organization={organization} />
          <OrganizationSlug slug={organization.slug} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select
            label="Default role"
            description="For members with no roleName from Microsoft Entra ID and no mapped group."
            data={ROLE_OPTIONS}
            value={defaultRole}
            onChange={(value) => {
              const role = asRole(value);
              if (role) setDefaultRole(role);
            }}
            allowDeselect={false}
          />
          <NumberInput
            label="Retention window (days)"
            description={`How long a deleted team stays restorable (0–${MAX_DELETED_TEAM_RETENTION_DAYS}).`}
            min={0}
            max={MAX_DELETED_TEAM_RETENTION_DAYS}
            value={retention}
            onChange={setRetention}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="strict"
          />
        </SimpleGrid>
        {Number.isFinite(retentionDays) ? (
          <Text size="sm" c="dimmed">
            {retentionSentence(retentionDays)} A new window applies to teams deleted from then on.
          </Text>
        ) : null}
        <Group justify="flex-end">
          <Button
            onClick={save}
            disabled={!changed || !Number.isFinite(retentionDays)}
            loading={update.isPending}
          >
            Save settings
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
