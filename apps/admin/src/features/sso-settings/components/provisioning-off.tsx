import { Button, Card, Group, List, Text, ThemeIcon, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlugConnected } from '@tabler/icons-react';
import { useState } from 'react';
import type { CreatedScimTokenView } from '@rollcall/contracts';
import { errorMessage } from '../../../api/api-error';
import { useUpdateOrganizationSettings } from '../../../api/use-update-organization-settings';
import { useCreateScimToken } from '../api/use-create-scim-token';

interface ProvisioningOffProps {
  liveTokens: number;
  onEnabled: (created: CreatedScimTokenView | null) => void;
}

export function ProvisioningOff({ liveTokens, onEnabled }: ProvisioningOffProps) {
  const updateSettings = useUpdateOrganizationSettings();
  const createToken = useCreateScimToken();
  const [busy, setBusy] = useState(false);

  const enable = async () => {
    setBusy(true);
    try {
      await updateSettings.mutateAsync({ scimEnabled: true });
      // Tokens kept from before work again; issue one only when there is none to paste.
      const created =
        liveTokens === 0 ? await createToken.mutateAsync({ label: 'Microsoft Entra' }) : null;
      onEnabled(created);
      notifications.show({
        color: 'teal',
        title: 'Provisioning enabled',
        message: created
          ? 'Copy the Tenant URL and Secret Token into Entra.'
          : 'Your existing Secret Token works again.',
      });
    } catch (error) {
      notifications.show({
        color: 'red',
        title: 'Could not enable provisioning',
        message: errorMessage(error),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder radius="md" p="lg">
      <Group gap="sm" mb="sm" wrap="nowrap">
        <ThemeIcon size={36} radius="md" variant="light" aria-hidden>
          <IconPlugConnected size={20} />
        </ThemeIcon>
        <Title order={2} fz="lg">
          SCIM provisioning is off
        </Title>
      </Group>
      <Text size="sm" mb="sm">
        With provisioning on, Microsoft Entra ID keeps Rollcall in step with your directory:
      </Text>
      <List size="sm" spacing={4} mb="lg">
        <List.Item>creates, updates, deactivates and deletes users;</List.Item>
        <List.Item>turns assigned groups into teams and keeps their members in sync;</List.Item>
        <List.Item>
          sets each member&apos;s role from the roleName attribute or group mappings.
        </List.Item>
      </List>
      <Button
        size="md"
        onClick={() => void enable()}
        loading={busy}
        leftSection={<IconPlugConnected size={18} />}
      >
        Enable provisioning
      </Button>
    </Card>
  );
}
