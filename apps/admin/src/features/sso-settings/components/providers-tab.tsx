import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  ThemeIcon,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconInfoCircle, IconKey } from '@tabler/icons-react';
import type { ReactNode } from 'react';

const NOT_YET = 'Connecting a provider is not available on this server yet.';

interface ProviderCardProps {
  name: string;
  icon: ReactNode;
  description: string;
  detail: string;
}

function ProviderCard({ name, icon, description, detail }: ProviderCardProps) {
  return (
    <Card withBorder radius="md" p="lg" component="article" aria-label={name}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="sm">
        <Group gap="sm" wrap="nowrap">
          {icon}
          <Title order={3} fz="md">
            {name}
          </Title>
        </Group>
        <Badge color="gray" variant="light" tt="none">
          Not connected
        </Badge>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {description}
      </Text>
      <Text size="xs" c="dimmed" mb="md">
        {detail}
      </Text>
      <Tooltip label={NOT_YET} withArrow>
        <Button
          variant="default"
          data-disabled
          aria-disabled="true"
          onClick={(event) => event.preventDefault()}
          w="fit-content"
        >
          Connect {name}
        </Button>
      </Tooltip>
    </Card>
  );
}

function MicrosoftIcon() {
  return (
    <ThemeIcon variant="default" size={36} radius="md" aria-hidden>
      <svg width={18} height={18} viewBox="0 0 21 21" focusable="false">
        <rect x="1" y="1" width="9" height="9" fill="#f25022" />
        <rect x="11" y="1" width="9" height="9" fill="#7fba00" />
        <rect x="1" y="11" width="9" height="9" fill="#00a4ef" />
        <rect x="11" y="11" width="9" height="9" fill="#ffb900" />
      </svg>
    </ThemeIcon>
  );
}

export function ProvidersTab() {
  return (
    <Stack gap="lg">
      <Alert variant="light" color="blue" icon={<IconInfoCircle size={20} />}>
        Sign-in through an identity provider is not set up on this server yet, so no provider can be
        connected for now. Members sign in to the product as before, and provisioning from Entra
        works without single sign-on: see the Provisioning tab.
      </Alert>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <ProviderCard
          name="Microsoft Azure"
          icon={<MicrosoftIcon />}
          description="Members sign in with their Microsoft Entra ID work accounts. Connecting asks you to sign in to Microsoft and grant the Rollcall app its permissions."
          detail="After connecting, the connected Entra tenant is shown here."
        />
        <ProviderCard
          name="Custom OIDC"
          icon={
            <ThemeIcon variant="default" size={36} radius="md" aria-hidden>
              <IconKey size={18} />
            </ThemeIcon>
          }
          description="Any standards-compliant OpenID Connect provider (Okta, Google Workspace, Keycloak…): issuer URL, client ID and client secret."
          detail="Discovery (/.well-known/openid-configuration) and the authorization code flow with PKCE."
        />
      </SimpleGrid>
      <Card withBorder radius="md" p="lg">
        <Title order={3} fz="md" mb="xs">
          Sign-in policy
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          These take effect once a provider is connected.
        </Text>
        <Stack gap="sm">
          <Switch
            label="Require single sign-on"
            description="Members must sign in through the connected provider; passwords stop working."
            disabled
          />
          <Switch
            label="Just-in-time user creation"
            description="Create a member the first time someone from your tenant signs in, even before Entra provisions them."
            disabled
          />
        </Stack>
      </Card>
    </Stack>
  );
}
