import {
  ActionIcon,
  Badge,
  Button,
  CopyButton,
  Group,
  Stack,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { IconCheck, IconCopy, IconKey } from '@tabler/icons-react';
import type { ScimOAuthClientView, ScimOAuthSecretView } from '@rollcall/contracts';
import { confirmDestructive } from '../../../components/confirm-destructive';
import { formatDate } from '../../../components/date.format';
import { EmptyState } from '../../../components/empty-state';
import { useRevokeScimOAuthClient } from '../api/use-revoke-scim-oauth-client';
import { useRevokeScimOAuthSecret } from '../api/use-revoke-scim-oauth-secret';
import { CredentialNameCell, LastUsedCell, RevokeButton, lastUsedLabel } from './credential-cells';
import { formatMinutes, liveSecrets, secretState, type SecretState } from './oauth-lifetimes';

const SECRET_BADGES: Record<SecretState, { label: string; color: string }> = {
  live: { label: 'Live', color: 'teal' },
  expiring: { label: 'Expires soon', color: 'orange' },
  expired: { label: 'Expired', color: 'red' },
  revoked: { label: 'Revoked', color: 'gray' },
};

function CopyClientId({ client }: { client: ScimOAuthClientView }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Text ff="monospace" size="sm" style={{ whiteSpace: 'nowrap' }}>
        {client.clientId}
      </Text>
      <CopyButton value={client.clientId} timeout={2000}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : 'Copy client ID'} withArrow>
            <ActionIcon
              variant="subtle"
              color={copied ? 'teal' : 'gray'}
              size="sm"
              onClick={copy}
              aria-label={`Copy client ID of ${client.name}`}
            >
              {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}

interface SecretLineProps {
  client: ScimOAuthClientView;
  secret: ScimOAuthSecretView;
  onRevoke: (secret: ScimOAuthSecretView) => void;
}

function SecretLine({ client, secret, onRevoke }: SecretLineProps) {
  // A revoked client's secrets are dead too, whatever their own dates say.
  const state = client.revokedAt === null ? secretState(secret) : 'revoked';
  const badge = SECRET_BADGES[state];
  const revocable = state === 'live' || state === 'expiring';
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" justify="space-between" role="listitem">
      <Stack gap={0}>
        <Group gap={6} wrap="nowrap">
          <Text ff="monospace" size="sm">
            {secret.prefix}…
          </Text>
          <Badge size="sm" variant="light" color={badge.color} tt="none">
            {badge.label}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {state === 'expired' ? 'Expired' : 'Expires'} {formatDate(secret.expiresAt)} · last used{' '}
          {lastUsedLabel(secret.lastUsedAt).toLowerCase()}
        </Text>
      </Stack>
      {revocable ? (
        <Button
          size="compact-xs"
          variant="subtle"
          color="red"
          onClick={() => onRevoke(secret)}
          aria-label={`Revoke secret ${secret.prefix}`}
        >
          Revoke
        </Button>
      ) : null}
    </Group>
  );
}

interface OAuthClientsTableProps {
  clients: ScimOAuthClientView[];
  onCreate: () => void;
  onNewSecret: (client: ScimOAuthClientView) => void;
}

export function OAuthClientsTable({ clients, onCreate, onNewSecret }: OAuthClientsTableProps) {
  const revokeClient = useRevokeScimOAuthClient();
  const revokeSecret = useRevokeScimOAuthSecret();

  const confirmRevokeClient = (client: ScimOAuthClientView) =>
    confirmDestructive({
      title: <>Revoke {client.name}?</>,
      children: (
        <Stack gap="xs">
          <Text size="sm">
            Token requests with this client are refused at once, and access tokens it already holds
            stop working within {formatMinutes(client.accessTokenLifetimeMinutes)} at most.
          </Text>
          <Text size="sm">
            If Entra still uses it, provisioning fails until you paste another client or the Secret
            Token into Entra. This cannot be undone.
          </Text>
        </Stack>
      ),
      confirmLabel: 'Revoke client',
      action: (callbacks) => revokeClient.mutate(client.id, callbacks),
      success: {
        title: 'OAuth client revoked',
        message: `${client.name} can no longer get access tokens.`,
      },
      failureTitle: 'Could not revoke the client',
    });

  const confirmRevokeSecret = (client: ScimOAuthClientView, secret: ScimOAuthSecretView) => {
    const last = liveSecrets(client.secrets).length <= 1;
    confirmDestructive({
      title: <>Revoke secret {secret.prefix}…?</>,
      children: (
        <Text size="sm">
          {last
            ? `This is the only live secret of ${client.name}: Entra cannot get access tokens until you create a new secret and paste it into Entra.`
            : 'Token requests with this secret are refused at once. Make sure Entra already uses the newer secret (Test Connection, then Save).'}
        </Text>
      ),
      confirmLabel: 'Revoke secret',
      action: (callbacks) =>
        revokeSecret.mutate({ clientId: client.id, secretId: secret.id }, callbacks),
      success: { title: 'Secret revoked', message: `${secret.prefix}… no longer works.` },
      failureTitle: 'Could not revoke the secret',
    });
  };

  if (clients.length === 0) {
    return (
      <EmptyState
        icon={<IconKey size={24} />}
        title="No OAuth clients yet"
        action={
          <Button variant="light" onClick={onCreate}>
            Create OAuth client
          </Button>
        }
      >
        An OAuth client gives Entra a client ID and secret to trade for short-lived access tokens:
        what Microsoft requires of gallery apps instead of a long-lived Secret Token.
      </EmptyState>
    );
  }

  return (
    <Table.ScrollContainer minWidth={980}>
      <Table verticalSpacing="sm" aria-label="OAuth clients">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Client ID</Table.Th>
            <Table.Th>Access token lifetime</Table.Th>
            <Table.Th>Secrets</Table.Th>
            <Table.Th>Last used</Table.Th>
            <Table.Th aria-label="Actions" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {clients.map((client) => (
            <Table.Tr key={client.id} aria-label={client.name}>
              <CredentialNameCell
                name={client.name}
                createdAt={client.createdAt}
                revokedAt={client.revokedAt}
                createdVerb="Created"
                miw={160}
              />
              <Table.Td>
                <CopyClientId client={client} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">{formatMinutes(client.accessTokenLifetimeMinutes)}</Text>
              </Table.Td>
              <Table.Td miw={330}>
                <Stack gap={6} role="list" aria-label={`Secrets of ${client.name}`}>
                  {client.secrets.map((secret) => (
                    <SecretLine
                      key={secret.id}
                      client={client}
                      secret={secret}
                      onRevoke={(target) => confirmRevokeSecret(client, target)}
                    />
                  ))}
                </Stack>
              </Table.Td>
              <LastUsedCell at={client.lastUsedAt} />
              <Table.Td>
                {client.revokedAt ? null : (
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      onClick={() => onNewSecret(client)}
                      aria-label={`New secret for ${client.name}`}
                    >
                      New secret
                    </Button>
                    <RevokeButton
                      label="Revoke client"
                      ariaLabel={`Revoke client ${client.name}`}
                      onClick={() => confirmRevokeClient(client)}
                    />
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
