import { Divider, Stack, ThemeIcon } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { useState } from 'react';
import type {
  AdminAccountLinkView,
  SamlConnectionView,
  SamlServiceProviderView,
} from '@rollcall/contracts';
import { ConnectionBadge, ProviderCard } from './provider-card';
import { SamlConnectionDetails } from './saml-connection-details';
import { SamlIdpForm } from './saml-idp-form';
import { SamlServiceProviderDetails } from './saml-service-provider-details';

interface SamlCardProps {
  connection: SamlConnectionView | null;
  serviceProvider: SamlServiceProviderView;
  myLink: AdminAccountLinkView | null;
}

/** SAML 2.0 single sign-on with the org's identity provider (Entra, Okta, ADFS, …). */
export function SamlCard({ connection, serviceProvider, myLink }: SamlCardProps) {
  const [editing, setEditing] = useState(false);
  return (
    <ProviderCard
      name="SAML SSO"
      icon={
        <ThemeIcon variant="default" size={36} radius="md" aria-hidden>
          <IconShieldLock size={18} />
        </ThemeIcon>
      }
      badge={<ConnectionBadge connected={connection !== null} />}
      description="Members sign in through your SAML 2.0 identity provider (Microsoft Entra ID, Okta, ADFS…). Create a SAML app there with the service provider details below, then give Rollcall its metadata."
    >
      <Stack gap="lg">
        <SamlServiceProviderDetails serviceProvider={serviceProvider} />
        <Divider />
        {connection === null ? (
          <SamlIdpForm connection={null} />
        ) : editing ? (
          <SamlIdpForm
            key={connection.updatedAt}
            connection={connection}
            onDone={() => setEditing(false)}
          />
        ) : (
          <SamlConnectionDetails
            connection={connection}
            myLink={myLink}
            onEdit={() => setEditing(true)}
          />
        )}
      </Stack>
    </ProviderCard>
  );
}
