import { Alert, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type {
  AdminAccountLinkView,
  SamlConfigurationSource,
  SamlConnectionView,
} from '@rollcall/contracts';
import { confirmDestructive } from '../../../components/confirm-destructive';
import { CopyField } from '../../../components/copy-field';
import { formatDateTime, formatRelative } from '../../../components/date.format';
import { useRemoveSamlConnection } from '../api/use-remove-saml-connection';
import { absoluteUrl } from './absolute-url';
import { MyAccountLink } from './my-account-link';
import { KeepAccountsNote, ProviderDetail } from './provider-card';
import { SamlCertificatesTable } from './saml-certificates-table';

const SOURCE_LABELS: Record<SamlConfigurationSource, string> = {
  metadata_url: 'Metadata URL (re-read daily)',
  metadata_xml: 'Uploaded metadata XML',
  manual: 'Entered manually',
};

interface SamlConnectionDetailsProps {
  connection: SamlConnectionView;
  myLink: AdminAccountLinkView | null;
  onEdit: () => void;
}

function MetadataRefresh({ connection }: { connection: SamlConnectionView }) {
  if (connection.metadataUrl === null) return null;
  return (
    <Stack gap="xs">
      <CopyField label="Metadata URL" value={connection.metadataUrl} />
      <Text size="xs" c="dimmed">
        {connection.metadataRefreshedAt
          ? `Last read ${formatRelative(connection.metadataRefreshedAt)} (${formatDateTime(connection.metadataRefreshedAt)}).`
          : 'Not read yet.'}
      </Text>
      {connection.metadataRefreshError ? (
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlertTriangle size={18} />}
          title="The last daily read of the metadata failed"
          role="note"
        >
          {connection.metadataRefreshError} Rollcall keeps using the settings it read before.
        </Alert>
      ) : null}
    </Stack>
  );
}

/** A configured SAML identity provider: what Rollcall trusts, the sign-in link, and actions. */
export function SamlConnectionDetails({ connection, myLink, onEdit }: SamlConnectionDetailsProps) {
  const remove = useRemoveSamlConnection();
  const confirmRemove = () =>
    confirmDestructive({
      title: <>Remove the SAML identity provider?</>,
      children: (
        <Stack gap="xs">
          <Text size="sm">
            Members can no longer sign in with SAML SSO: Rollcall refuses responses from this
            identity provider at once.
          </Text>
          <KeepAccountsNote />
        </Stack>
      ),
      confirmLabel: 'Remove',
      // 409 SSO_PROVIDER_REQUIRED (Require SSO on, SAML the only provider): its message shows.
      action: (callbacks) => remove.mutate(undefined, callbacks),
      success: {
        title: 'SAML identity provider removed',
        message: 'Sign in with SAML SSO no longer works.',
      },
      failureTitle: 'Could not remove the SAML identity provider',
    });

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <ProviderDetail label="Identity provider entity ID" monospace>
          {connection.idpEntityId}
        </ProviderDetail>
        <ProviderDetail label="Login URL" monospace>
          {connection.ssoUrl}
        </ProviderDetail>
        <ProviderDetail label="Configured from">{SOURCE_LABELS[connection.source]}</ProviderDetail>
        <ProviderDetail label="Last saved">
          {formatDateTime(connection.updatedAt)} by {connection.updatedBy}
        </ProviderDetail>
        {connection.allowSha1 ? (
          <ProviderDetail label="Signatures">SHA-1 allowed</ProviderDetail>
        ) : null}
      </SimpleGrid>
      <MetadataRefresh connection={connection} />
      <SamlCertificatesTable connection={connection} />
      <CopyField
        label="SAML sign-in link"
        value={absoluteUrl(connection.signInUrl)}
        description="Share it with your members: it starts SAML sign-in for your organization at your identity provider."
      />
      <MyAccountLink provider="saml" providerName="SAML SSO" link={myLink} />
      <Group gap="sm">
        <Button variant="light" onClick={onEdit}>
          Edit
        </Button>
        <Button variant="light" color="red" onClick={confirmRemove} loading={remove.isPending}>
          Remove
        </Button>
      </Group>
    </Stack>
  );
}
