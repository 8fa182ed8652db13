import { Stack } from '@mantine/core';
import { useOrganization } from '../../../api/use-organization';
import { PageHeader } from '../../../components/page-header';
import { ErrorState, LoadingState } from '../../../components/query-state';
import { OrganizationSettingsCard } from './organization-settings-card';
import { RoleMappingsCard } from './role-mappings-card';

export function SettingsPage() {
  const organization = useOrganization();
  return (
    <>
      <PageHeader
        title="Settings"
        description="Your organization, its default role, how long deleted teams stay restorable, and roles from groups."
      />
      {organization.isPending ? (
        <LoadingState />
      ) : organization.isError ? (
        <ErrorState error={organization.error} onRetry={() => void organization.refetch()} />
      ) : (
        <Stack gap="lg">
          {/* Keyed by the saved values: a save in another browser tab resets the form. */}
          <OrganizationSettingsCard
            key={`${organization.data.settings.defaultRole}:${organization.data.settings.deletedTeamRetentionDays}`}
            organization={organization.data}
          />
          <RoleMappingsCard />
        </Stack>
      )}
    </>
  );
}
