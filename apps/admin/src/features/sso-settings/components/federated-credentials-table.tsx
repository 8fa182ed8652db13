import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconFingerprint } from '@tabler/icons-react';
import type { ScimFederatedCredentialView } from '@rollcall/contracts';
import { confirmDestructive } from '../../../components/confirm-destructive';
import { CopyAction } from '../../../components/copy-field';
import { EmptyState } from '../../../components/empty-state';
import { useRevokeFederatedCredential } from '../api/use-revoke-federated-credential';
import { CredentialNameCell, LastUsedCell, RevokeButton } from './credential-cells';
import { formatMinutes } from './oauth-lifetimes';

function Claim({ name, value }: { name: string; value: string }) {
  return (
    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
      <Text span size="xs" c="dimmed" fw={600} mr={6}>
        {name}
      </Text>
      <Text span ff="monospace" size="sm">
        {value}
      </Text>
    </Text>
  );
}

/**
 * The audience Rollcall assigned: the admin copies it into Entra (the workload identity
 * app's Application ID URI), so only this credential matches the tenant's tokens.
 */
function AssignedAudience({ value }: { value: string }) {
  return (
    <Group gap={4} wrap="nowrap" align="center">
      <Claim name="aud" value={value} />
      <CopyAction label="audience" value={value} />
    </Group>
  );
}

interface FederatedCredentialsTableProps {
  credentials: ScimFederatedCredentialView[];
  onAdd: () => void;
}

export function FederatedCredentialsTable({ credentials, onAdd }: FederatedCredentialsTableProps) {
  const revoke = useRevokeFederatedCredential();

  const confirmRevoke = (credential: ScimFederatedCredentialView) =>
    confirmDestructive({
      title: <>Revoke {credential.name}?</>,
      children: (
        <Text size="sm">
          Tokens from {credential.issuer} for this subject are no longer exchanged, and access
          tokens already issued stop working within{' '}
          {formatMinutes(credential.accessTokenLifetimeMinutes)} at most.
        </Text>
      ),
      confirmLabel: 'Revoke credential',
      action: (callbacks) => revoke.mutate(credential.id, callbacks),
      success: {
        title: 'Federated credential revoked',
        message: `${credential.name} no longer gets access tokens.`,
      },
      failureTitle: 'Could not revoke the credential',
    });

  if (credentials.length === 0) {
    return (
      <EmptyState
        icon={<IconFingerprint size={24} />}
        title="No federated credentials yet"
        action={
          <Button variant="light" onClick={onAdd}>
            Add federated credential
          </Button>
        }
      >
        With workload identity federation, Entra proves who it is with a token signed by your
        tenant, and no secret has to be stored or rotated.
      </EmptyState>
    );
  }

  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="sm" aria-label="Federated credentials">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Trusted tokens</Table.Th>
            <Table.Th>Access token lifetime</Table.Th>
            <Table.Th>Last used</Table.Th>
            <Table.Th aria-label="Actions" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {credentials.map((credential) => (
            <Table.Tr key={credential.id} aria-label={credential.name}>
              <CredentialNameCell
                name={credential.name}
                createdAt={credential.createdAt}
                revokedAt={credential.revokedAt}
                createdVerb="Added"
              />
              <Table.Td maw={460}>
                <Stack gap={2}>
                  <Claim name="iss" value={credential.issuer} />
                  <Claim name="sub" value={credential.subject} />
                  <AssignedAudience value={credential.audience} />
                  <Claim name="keys" value={credential.jwksUri ?? 'from discovery'} />
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatMinutes(credential.accessTokenLifetimeMinutes)}</Text>
              </Table.Td>
              <LastUsedCell at={credential.lastUsedAt} />
              <Table.Td>
                {credential.revokedAt ? null : (
                  <Group justify="flex-end">
                    <RevokeButton
                      label="Revoke"
                      ariaLabel={`Revoke ${credential.name}`}
                      onClick={() => confirmRevoke(credential)}
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
