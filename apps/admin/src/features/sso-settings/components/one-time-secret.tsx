import { Alert, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { CopyField } from '../../../components/copy-field';

/** A client secret right after it was made: the API returns it once and stores only a hash. */
export function OneTimeSecret({ clientId, secret }: { clientId: string; secret: string }) {
  return (
    <Stack gap="sm">
      <CopyField
        label="Client ID"
        value={clientId}
        description="Paste it into Entra → Provisioning → Admin Credentials → Client Identifier."
      />
      <CopyField
        label="Client secret"
        value={secret}
        multiline
        description="Paste it into Entra → Provisioning → Admin Credentials → Client Secret."
      />
      <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} role="note">
        Copy the client secret now: it won&apos;t be shown again. Rollcall keeps only a hash of it.
      </Alert>
    </Stack>
  );
}
