import { Badge, Card, Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface ProviderCardProps {
  name: string;
  icon: ReactNode;
  badge: ReactNode;
  description: string;
  children: ReactNode;
}

/** One sign-in provider on the Single Sign-On page (Microsoft Entra ID, Custom OIDC, SAML SSO). */
export function ProviderCard({ name, icon, badge, description, children }: ProviderCardProps) {
  return (
    <Card withBorder radius="md" p="lg" component="article" aria-label={name}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="sm">
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          {icon}
          <Title order={3} fz="md">
            {name}
          </Title>
        </Group>
        {/* The status must stay whole on a phone: the name wraps instead. */}
        <div style={{ flexShrink: 0 }}>{badge}</div>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {description}
      </Text>
      {children}
    </Card>
  );
}

export function ProviderDetail({
  label,
  children,
  monospace = false,
}: {
  label: string;
  children: ReactNode;
  monospace?: boolean;
}) {
  return (
    <div style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" ff={monospace ? 'monospace' : undefined} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

/** The badge of a provider the admin sets up here (custom OIDC, SAML). */
export function ConnectionBadge({ connected }: { connected: boolean }) {
  return connected ? (
    <Badge color="teal" variant="light" tt="none">
      Connected
    </Badge>
  ) : (
    <Badge color="gray" variant="light" tt="none">
      Not connected
    </Badge>
  );
}

/** What removing a provider leaves: said the same way for every provider. */
export function KeepAccountsNote() {
  return (
    <Text size="sm">
      Members keep their accounts: they sign in with another connected provider, or with a password
      while single sign-on is not required.
    </Text>
  );
}
