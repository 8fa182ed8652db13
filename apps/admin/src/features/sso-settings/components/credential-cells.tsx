import { Badge, Button, Table, Text } from '@mantine/core';
import { formatDate, formatRelative } from '../../../components/date.format';

/** "3 minutes ago", or "Never" for a credential nobody has used yet. */
export function lastUsedLabel(iso: string | null): string {
  return iso ? formatRelative(iso) : 'Never';
}

/** A credential's name, then "Revoked" or when it was added. */
export function CredentialNameCell(props: {
  name: string;
  createdAt: string;
  revokedAt: string | null;
  /** "Created", "Added", …: the verb before the date. */
  createdVerb: string;
  miw?: number;
}) {
  return (
    <Table.Td miw={props.miw}>
      <Text size="sm" fw={600}>
        {props.name}
      </Text>
      {props.revokedAt ? (
        <Badge size="sm" color="gray" variant="light" tt="none">
          Revoked
        </Badge>
      ) : (
        <Text size="xs" c="dimmed">
          {props.createdVerb} {formatDate(props.createdAt)}
        </Text>
      )}
    </Table.Td>
  );
}

export function LastUsedCell({ at }: { at: string | null }) {
  return (
    <Table.Td style={{ whiteSpace: 'nowrap' }}>
      <Text size="sm" c={at ? undefined : 'dimmed'}>
        {lastUsedLabel(at)}
      </Text>
    </Table.Td>
  );
}

/** The red "Revoke…" action of a credential row; the caller confirms before revoking. */
export function RevokeButton(props: { label: string; ariaLabel: string; onClick: () => void }) {
  return (
    <Button
      size="compact-sm"
      variant="subtle"
      color="red"
      onClick={props.onClick}
      aria-label={props.ariaLabel}
    >
      {props.label}
    </Button>
  );
}
