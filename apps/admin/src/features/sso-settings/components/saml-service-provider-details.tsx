import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { SamlServiceProviderView } from '@rollcall/contracts';
import { CopyAction, CopyField } from '../../../components/copy-field';
import { downloadTextFile } from '../../../components/download-file';

export const ENCRYPTION_CERTIFICATE_FILE = 'rollcall-saml-encryption.cer';

/**
 * What the identity provider needs from Rollcall, in the order and words of Entra's "Basic SAML
 * Configuration", so the admin can paste them there before anything is configured here.
 */
export function SamlServiceProviderDetails({
  serviceProvider,
}: {
  serviceProvider: SamlServiceProviderView;
}) {
  return (
    <Stack gap="sm" component="section" aria-labelledby="saml-sp-details-title">
      <div>
        <Title order={4} fz="sm" id="saml-sp-details-title">
          Service provider details
        </Title>
        <Text size="xs" c="dimmed">
          Paste these into your identity provider (in Entra: Single sign-on → Basic SAML
          Configuration).
        </Text>
      </div>
      <CopyField
        label="Identifier (Entity ID)"
        value={serviceProvider.entityId}
        description="Okta: Audience URI (SP Entity ID)."
      />
      <CopyField
        label="Reply URL (Assertion Consumer Service URL)"
        value={serviceProvider.acsUrl}
        description="Okta: Single sign-on URL, also used as Recipient and Destination."
      />
      <CopyField label="Sign on URL" value={serviceProvider.signOnUrl} />
      <CopyField
        label="SP metadata URL"
        value={serviceProvider.metadataUrl}
        description="For identity providers that import service provider metadata."
      />
      <div>
        <Text size="sm" fw={500} id="saml-encryption-certificate-label">
          Encryption certificate
        </Text>
        <Text size="xs" c="dimmed">
          Optional: for identity providers that encrypt assertions (in Entra: Token encryption).
        </Text>
        <Group gap="xs" mt={6} aria-labelledby="saml-encryption-certificate-label" role="group">
          <Button
            variant="default"
            size="xs"
            leftSection={<IconDownload size={14} />}
            onClick={() =>
              downloadTextFile(
                ENCRYPTION_CERTIFICATE_FILE,
                serviceProvider.encryptionCertificate,
                'application/x-x509-ca-cert',
              )
            }
          >
            Download {ENCRYPTION_CERTIFICATE_FILE}
          </Button>
          <CopyAction
            label="encryption certificate (PEM)"
            value={serviceProvider.encryptionCertificate}
          />
        </Group>
      </div>
    </Stack>
  );
}
