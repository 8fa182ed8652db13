import { Grid, SegmentedControl, Stack } from '@mantine/core';
import { useState } from 'react';
import type { CreatedScimTokenView } from '@rollcall/contracts';
import { ErrorState, LoadingState } from '../../../components/query-state';
import { useOrganization } from '../../../api/use-organization';
import { useScimTokens } from '../api/use-scim-tokens';
import { DeprovisioningNotice } from './deprovisioning-notice';
import { EntraSetupSteps } from './entra-setup-steps';
import { OAuthAuthentication } from './oauth-authentication';
import { OktaScimSetupSteps } from './okta-scim-setup-steps';
import { ProvisioningCredentials } from './provisioning-credentials';
import { ProvisioningHealth } from './provisioning-health';
import { ProvisioningOff } from './provisioning-off';

type SetupIdentityProvider = 'entra' | 'okta';

const SETUP_IDENTITY_PROVIDERS: { value: SetupIdentityProvider; label: string }[] = [
  { value: 'entra', label: 'Microsoft Entra ID' },
  { value: 'okta', label: 'Okta' },
];

/** The steps at the identity provider that provisions: Entra or Okta, the same Tenant URL. */
function SetupSteps({ tenantUrl }: { tenantUrl: string }) {
  const [identityProvider, setIdentityProvider] = useState<SetupIdentityProvider>('entra');
  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label="Identity provider to set up"
        data={SETUP_IDENTITY_PROVIDERS}
        value={identityProvider}
        onChange={(value) => setIdentityProvider(value as SetupIdentityProvider)}
        w="fit-content"
      />
      {identityProvider === 'entra' ? (
        <EntraSetupSteps tenantUrl={tenantUrl} />
      ) : (
        <OktaScimSetupSteps tenantUrl={tenantUrl} />
      )}
    </Stack>
  );
}

export function ProvisioningTab() {
  const organization = useOrganization();
  const tokens = useScimTokens();
  // The secret of a token created in this visit: the API shows it once, so only we hold it.
  const [revealed, setRevealed] = useState<CreatedScimTokenView | null>(null);

  if (organization.isPending || tokens.isPending) return <LoadingState />;
  if (organization.isError) {
    return <ErrorState error={organization.error} onRetry={() => void organization.refetch()} />;
  }
  if (tokens.isError)
    return <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />;

  const org = organization.data;
  const liveTokens = tokens.data.tokens.filter((token) => token.revokedAt === null);

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Stack gap="lg">
          {org.settings.scimEnabled ? (
            <ProvisioningCredentials
              tenantUrl={org.scimBaseUrl}
              tokens={tokens.data.tokens}
              revealed={revealed}
              onCreated={setRevealed}
              onDisabled={() => setRevealed(null)}
            />
          ) : (
            <ProvisioningOff liveTokens={liveTokens.length} onEnabled={setRevealed} />
          )}
          <SetupSteps tenantUrl={org.scimBaseUrl} />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Stack gap="lg">
          <ProvisioningHealth enabled={org.settings.scimEnabled} />
          <DeprovisioningNotice
            key={org.settings.deletedTeamRetentionDays}
            retentionDays={org.settings.deletedTeamRetentionDays}
          />
        </Stack>
      </Grid.Col>
      <Grid.Col span={12}>
        <OAuthAuthentication scimEnabled={org.settings.scimEnabled} />
      </Grid.Col>
    </Grid>
  );
}
