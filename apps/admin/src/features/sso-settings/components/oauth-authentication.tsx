import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconFingerprint, IconInfoCircle, IconPlus } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import type { ScimOAuthClientView } from '@rollcall/contracts';
import { CopyField } from '../../../components/copy-field';
import { ErrorState, LoadingState } from '../../../components/query-state';
import { useScimOAuth } from '../api/use-scim-oauth';
import { AddFederatedCredentialModal } from './add-federated-credential-modal';
import { CreateOAuthClientModal } from './create-oauth-client-modal';
import { FederatedCredentialsTable } from './federated-credentials-table';
import { NewOAuthSecretModal } from './new-oauth-secret-modal';
import { OAuthClientsTable } from './oauth-clients-table';

function SubsectionHeader({
  id,
  title,
  count,
  action,
}: {
  id: string;
  title: string;
  count: number;
  action: ReactNode;
}) {
  return (
    <Group justify="space-between" mb="xs" wrap="wrap" gap="xs">
      <Group gap="xs">
        <Title order={3} fz="md" id={id}>
          {title}
        </Title>
        {count > 0 ? (
          <Badge variant="light" color="gray" tt="none">
            {count}
          </Badge>
        ) : null}
      </Group>
      {count > 0 ? action : null}
    </Group>
  );
}

/**
 * Gallery apps: Microsoft requires OAuth client credentials or workload identity federation for
 * apps listed in the Entra gallery; the Secret Token stays for non-gallery apps.
 */
export function OAuthAuthentication({ scimEnabled }: { scimEnabled: boolean }) {
  const overview = useScimOAuth();
  const [creating, setCreating] = useState(false);
  const [adding, setAdding] = useState(false);
  const [rotating, setRotating] = useState<ScimOAuthClientView | null>(null);

  return (
    <Card withBorder radius="md" p="lg" component="section" aria-labelledby="oauth-auth-title">
      <Title order={2} fz="lg" mb={4} id="oauth-auth-title">
        OAuth authentication
      </Title>
      <Text size="sm" c="dimmed" mb="md" maw={820}>
        Microsoft requires apps listed in the Entra gallery to authenticate with OAuth 2.0 client
        credentials or workload identity federation instead of a long-lived token. The Secret Token
        above keeps working for non-gallery apps, and both can be used at once.
      </Text>
      {overview.isPending ? (
        <LoadingState />
      ) : overview.isError ? (
        <ErrorState
          error={overview.error}
          title="Could not load the OAuth settings"
          onRetry={() => void overview.refetch()}
        />
      ) : (
        <Stack gap="xl">
          {scimEnabled ? null : (
            <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} />}>
              Provisioning is off: access tokens are refused by the SCIM API until you enable it.
            </Alert>
          )}
          <CopyField
            label="Token endpoint"
            value={overview.data.tokenEndpoint}
            description="Paste it into Entra → Provisioning → Admin Credentials → Token Endpoint. Clients authenticate with HTTP Basic or client_secret_post; access tokens go to the Tenant URL as a Bearer token."
          />
          <div>
            <SubsectionHeader
              id="oauth-clients-title"
              title="OAuth clients"
              count={overview.data.clients.length}
              action={
                <Button
                  variant="light"
                  size="xs"
                  leftSection={<IconPlus size={14} />}
                  onClick={() => setCreating(true)}
                >
                  Create OAuth client
                </Button>
              }
            />
            <OAuthClientsTable
              clients={overview.data.clients}
              onCreate={() => setCreating(true)}
              onNewSecret={setRotating}
            />
          </div>
          <div>
            <SubsectionHeader
              id="federated-credentials-title"
              title="Federated credentials"
              count={overview.data.federatedCredentials.length}
              action={
                <Button
                  variant="light"
                  size="xs"
                  leftSection={<IconFingerprint size={14} />}
                  onClick={() => setAdding(true)}
                >
                  Add federated credential
                </Button>
              }
            />
            <FederatedCredentialsTable
              credentials={overview.data.federatedCredentials}
              onAdd={() => setAdding(true)}
            />
            <Text size="xs" c="dimmed" mt="xs">
              Rollcall publishes its own signing keys at{' '}
              <Anchor href={overview.data.jwksUri} size="xs" ff="monospace">
                {overview.data.jwksUri}
              </Anchor>
              .
            </Text>
          </div>
          <CreateOAuthClientModal opened={creating} onClose={() => setCreating(false)} />
          <NewOAuthSecretModal client={rotating} onClose={() => setRotating(null)} />
          <AddFederatedCredentialModal opened={adding} onClose={() => setAdding(false)} />
        </Stack>
      )}
    </Card>
  );
}
