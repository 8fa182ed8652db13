import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconAlertTriangle, IconPlugConnectedX, IconRotateClockwise2 } from '@tabler/icons-react';
import { useState } from 'react';
import type { CreatedScimTokenView, ScimTokenView } from '@rollcall/contracts';
import { confirmDestructive } from '../../../components/confirm-destructive';
import { useUpdateOrganizationSettings } from '../../../api/use-update-organization-settings';
import { CopyField, MONOSPACE_INPUT } from '../../../components/copy-field';
import { formatDateTime, formatRelative } from '../../../components/date.format';
import { useRevokeScimToken } from '../api/use-revoke-scim-token';
import { RevokeButton } from './credential-cells';
import { RegenerateTokenModal } from './regenerate-token-modal';

// At most two live tokens, so Entra can move to a new one before the old one is revoked.
const MAX_LIVE_TOKENS = 2;

interface ProvisioningCredentialsProps {
  tenantUrl: string;
  tokens: ScimTokenView[];
  revealed: CreatedScimTokenView | null;
  onCreated: (created: CreatedScimTokenView) => void;
  onDisabled: () => void;
}

export function ProvisioningCredentials({
  tenantUrl,
  tokens,
  revealed,
  onCreated,
  onDisabled,
}: ProvisioningCredentialsProps) {
  const [regenerating, setRegenerating] = useState(false);
  const updateSettings = useUpdateOrganizationSettings();
  const revoke = useRevokeScimToken();
  const live = tokens.filter((token) => token.revokedAt === null);
  const newest = live[0];

  const confirmDisable = () =>
    confirmDestructive({
      title: 'Disable provisioning?',
      children: (
        <Stack gap="xs">
          <Text size="sm">
            Entra&apos;s requests are refused (401) until you enable provisioning again, so Entra
            will report failures and may quarantine the app. Turn provisioning off in Entra too.
          </Text>
          <Text size="sm">
            Users and teams stay as they are. Your Secret Tokens are kept and work again when you
            re-enable provisioning.
          </Text>
        </Stack>
      ),
      confirmLabel: 'Disable provisioning',
      action: (callbacks) => updateSettings.mutate({ scimEnabled: false }, callbacks),
      onDone: onDisabled,
      success: {
        color: 'orange',
        title: 'Provisioning disabled',
        message: 'Entra can no longer reach Rollcall.',
      },
      failureTitle: 'Could not disable provisioning',
    });

  const confirmRevoke = (token: ScimTokenView) => {
    const last = live.length === 1;
    confirmDestructive({
      title: <>Revoke token {token.prefix}…?</>,
      children: (
        <Text size="sm">
          {last
            ? 'This is the only live token: Entra cannot provision until you create a new one and paste it into Entra.'
            : 'Entra requests with this token are refused (401) at once. Make sure Entra already uses the newer token (Test Connection, then Save).'}
        </Text>
      ),
      confirmLabel: 'Revoke token',
      action: (callbacks) => revoke.mutate(token.id, callbacks),
      success: { title: 'Token revoked', message: `${token.prefix}… no longer works.` },
      failureTitle: 'Could not revoke the token',
    });
  };

  return (
    <Card withBorder radius="md" p="lg">
      <Group justify="space-between" mb="md" wrap="wrap" gap="sm">
        <Title order={2} fz="lg">
          Admin credentials
        </Title>
        <Badge color="teal" variant="light" size="lg" tt="none">
          Provisioning on
        </Badge>
      </Group>
      <Stack gap="md">
        <CopyField
          label="Tenant URL"
          value={tenantUrl}
          description="One URL for every organization: the Secret Token tells Rollcall which one is calling."
        />
        {revealed ? (
          <>
            <CopyField
              label="Secret Token"
              value={revealed.token}
              description="Paste it into Entra → Provisioning → Admin Credentials → Secret Token."
            />
            <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />}>
              Copy the Secret Token now: it is shown only this once. Rollcall stores only a hash of
              it.
            </Alert>
          </>
        ) : newest ? (
          <TextInput
            label="Secret Token"
            value={`${newest.prefix}••••••••••••••••••••`}
            readOnly
            styles={{ input: MONOSPACE_INPUT }}
            description={`Shown only when created. ${newest.lastUsedAt ? `Last used ${formatRelative(newest.lastUsedAt)}.` : 'Not used yet.'} Lost it? Regenerate the token.`}
          />
        ) : (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />}>
            There is no live Secret Token: Entra cannot provision. Create one with Regenerate token.
          </Alert>
        )}
        <Group gap="sm">
          <Tooltip
            label="Two tokens are live: revoke the older one first."
            disabled={live.length < MAX_LIVE_TOKENS}
            withArrow
          >
            <Button
              variant="light"
              leftSection={<IconRotateClockwise2 size={16} />}
              onClick={() => setRegenerating(true)}
              data-disabled={live.length >= MAX_LIVE_TOKENS || undefined}
              aria-disabled={live.length >= MAX_LIVE_TOKENS || undefined}
            >
              Regenerate token
            </Button>
          </Tooltip>
          <Button
            variant="subtle"
            color="red"
            leftSection={<IconPlugConnectedX size={16} />}
            onClick={confirmDisable}
            loading={updateSettings.isPending}
          >
            Disable provisioning
          </Button>
        </Group>

        <div>
          <Text fw={600} size="sm" mb={6}>
            Secret Tokens
          </Text>
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing={8} aria-label="Secret Tokens">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Token</Table.Th>
                  <Table.Th>Created</Table.Th>
                  <Table.Th>Last used</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th aria-label="Actions" />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tokens.map((token) => (
                  <Table.Tr key={token.id}>
                    <Table.Td>
                      <Text ff="monospace" size="sm">
                        {token.prefix}…
                      </Text>
                      {token.label ? (
                        <Text size="xs" c="dimmed">
                          {token.label}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDateTime(token.createdAt)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={token.lastUsedAt ? undefined : 'dimmed'}>
                        {token.lastUsedAt ? formatRelative(token.lastUsedAt) : 'Never'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {token.revokedAt ? (
                        <Badge color="gray" variant="light" tt="none">
                          Revoked
                        </Badge>
                      ) : (
                        <Badge color="teal" variant="light" tt="none">
                          {revealed?.id === token.id ? 'Live · new' : 'Live'}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {token.revokedAt ? null : (
                        <Group justify="flex-end">
                          <RevokeButton
                            label="Revoke"
                            ariaLabel={`Revoke ${token.prefix}`}
                            onClick={() => confirmRevoke(token)}
                          />
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </div>
      </Stack>
      <RegenerateTokenModal
        opened={regenerating && live.length < MAX_LIVE_TOKENS}
        onClose={() => setRegenerating(false)}
        onCreated={(created) => {
          setRegenerating(false);
          onCreated(created);
        }}
      />
    </Card>
  );
}
