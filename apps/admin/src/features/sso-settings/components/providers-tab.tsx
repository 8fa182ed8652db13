import { Alert, Badge, Button, Grid, SimpleGrid, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { SsoStatusView } from '@rollcall/contracts';
import { confirmDestructive } from '../../../components/confirm-destructive';
import { formatDateTime } from '../../../components/date.format';
import { ErrorState, LoadingState } from '../../../components/query-state';
import { useDisconnectMicrosoft } from '../api/use-disconnect-microsoft';
import { useSsoStatus } from '../api/use-sso-status';
import { connectResult } from './connect-result';
import { CustomOidcCard } from './custom-oidc-card';
import { MyAccountLink } from './my-account-link';
import { ProviderCard, ProviderDetail } from './provider-card';
import { SamlCard } from './saml-card';
import { SamlSetupGuides } from './saml-setup-guides';
import { SignInPolicyCard } from './sign-in-policy-card';

/** A full-page navigation: the API redirects to Microsoft and back to `/sso`. */
const CONNECT_URL = '/api/sso/microsoft/connect';

function MicrosoftIcon() {
  return (
    <ThemeIcon variant="default" size={36} radius="md" aria-hidden>
      <svg width={18} height={18} viewBox="0 0 21 21" focusable="false">
        <rect x="1" y="1" width="9" height="9" fill="#f25022" />
        <rect x="11" y="1" width="9" height="9" fill="#7fba00" />
        <rect x="1" y="11" width="9" height="9" fill="#00a4ef" />
        <rect x="11" y="11" width="9" height="9" fill="#ffb900" />
      </svg>
    </ThemeIcon>
  );
}

function MicrosoftCard({ status }: { status: SsoStatusView }) {
  const disconnect = useDisconnectMicrosoft();
  const connection = status.microsoft;

  const confirmDisconnect = () =>
    confirmDestructive({
      title: <>Disconnect Microsoft Entra ID?</>,
      children: (
        <Text size="sm">
          Sign in with Microsoft stops working for your organization at once. Provisioning from
          Microsoft Entra ID (SCIM) is not affected. You can connect again at any time.
        </Text>
      ),
      confirmLabel: 'Disconnect',
      action: (callbacks) => disconnect.mutate(undefined, callbacks),
      success: {
        title: 'Microsoft Entra ID disconnected',
        message: 'Sign in with Microsoft no longer works for your organization.',
      },
      failureTitle: 'Could not disconnect',
    });

  const badge = connection ? (
    <Badge color="teal" variant="light" tt="none">
      Connected
    </Badge>
  ) : status.microsoftConfigured ? (
    <Badge color="gray" variant="light" tt="none">
      Not connected
    </Badge>
  ) : (
    <Badge color="yellow" variant="light" tt="none">
      Not configured
    </Badge>
  );

  return (
    <ProviderCard
      name="Microsoft Entra ID"
      icon={<MicrosoftIcon />}
      badge={badge}
      description="Members sign in with their Microsoft Entra ID work accounts. Connecting asks you to sign in to Microsoft as an administrator of your tenant (Global, Privileged Role, Application or Cloud Application Administrator) and grant the Rollcall app its permissions; your Microsoft account is then linked to you."
    >
      {connection ? (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <ProviderDetail label="Tenant ID" monospace>
              {connection.tenantId}
            </ProviderDetail>
            <ProviderDetail label="Connected by">{connection.connectedBy}</ProviderDetail>
            <ProviderDetail label="Connected">
              {formatDateTime(connection.connectedAt)}
            </ProviderDetail>
          </SimpleGrid>
          <MyAccountLink
            provider="microsoft"
            providerName="Microsoft"
            link={status.myLinks.microsoft}
          />
          <Button
            variant="light"
            color="red"
            w="fit-content"
            onClick={confirmDisconnect}
            loading={disconnect.isPending}
          >
            Disconnect
          </Button>
        </Stack>
      ) : status.microsoftConfigured ? (
        <Button component="a" href={CONNECT_URL} w="fit-content">
          Connect
        </Button>
      ) : (
        <Stack gap="xs">
          <Button disabled w="fit-content" aria-describedby="microsoft-connect-reason">
            Connect
          </Button>
          <Text id="microsoft-connect-reason" size="xs" c="dimmed">
            Microsoft sign-in is not configured on this server, so Connect is unavailable.
          </Text>
        </Stack>
      )}
    </ProviderCard>
  );
}

/**
 * The connect and link round trips end on `/sso?connected=microsoft`, `/sso?linked=<provider>`
 * or `/sso?error=<code>`.
 */
function useConnectResult() {
  const location = useLocation();
  const navigate = useNavigate();
  // Read once: the query string is cleaned right away, the message stays until dismissed.
  const [result, setResult] = useState(() => connectResult(location.search));
  const hasQuery = location.search !== '';
  useEffect(() => {
    if (hasQuery) void navigate(location.pathname, { replace: true });
  }, [hasQuery, location.pathname, navigate]);
  return { result, dismiss: () => setResult(null) };
}

export function ProvidersTab() {
  const status = useSsoStatus();
  const { result, dismiss } = useConnectResult();

  return (
    <Stack gap="lg">
      {result ? (
        <Alert
          color={result.kind === 'error' ? 'red' : 'teal'}
          variant="light"
          icon={
            result.kind === 'error' ? (
              <IconAlertTriangle size={20} />
            ) : (
              <IconCircleCheck size={20} />
            )
          }
          role={result.kind === 'error' ? 'alert' : 'status'}
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={dismiss}
        >
          {result.message}
        </Alert>
      ) : null}
      {status.isPending ? (
        <LoadingState />
      ) : status.isError ? (
        <ErrorState error={status.error} onRetry={() => void status.refetch()} />
      ) : (
        <>
          {status.data.microsoftConfigured ? null : (
            <Alert
              variant="light"
              color="yellow"
              icon={<IconAlertTriangle size={20} />}
              title="Microsoft sign-in is not configured on this server"
            >
              The operator has not registered the Rollcall app with Microsoft Entra ID
              (ENTRA_CLIENT_ID and ENTRA_CLIENT_SECRET), so it cannot be connected for sign-in yet.
              Provisioning from Microsoft Entra ID works without single sign-on: see the
              Provisioning page.
            </Alert>
          )}
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <Stack gap="lg">
                <MicrosoftCard status={status.data} />
                <CustomOidcCard
                  provider={status.data.oidc}
                  redirectUri={status.data.oidcRedirectUri}
                  myLink={status.data.myLinks.oidc}
                />
                <SamlCard
                  connection={status.data.saml}
                  serviceProvider={status.data.samlServiceProvider}
                  myLink={status.data.myLinks.saml}
                />
                <SamlSetupGuides serviceProvider={status.data.samlServiceProvider} />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <SignInPolicyCard status={status.data} />
            </Grid.Col>
          </Grid>
        </>
      )}
    </Stack>
  );
}
