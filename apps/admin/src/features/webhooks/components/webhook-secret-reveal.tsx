import { Alert, Code, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { CopyField } from '../../../components/copy-field';

/**
 * The signing secret, shown once, and how a receiver checks it. Deliveries follow the Standard
 * Webhooks spec, so the receiver can use its libraries instead of hand-written HMAC code.
 */
export function WebhookSecretReveal({ secret }: { secret: string }) {
  return (
    <Stack gap="md">
      <CopyField label="Signing secret" value={secret} multiline />
      <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} role="note">
        Copy the secret now: it won&apos;t be shown again. Store it with your receiver&apos;s other
        secrets.
      </Alert>
      <div>
        <Text size="sm" fw={600} mb={4}>
          How to verify a delivery
        </Text>
        <List size="sm" spacing={4}>
          <List.Item>
            Every request carries <Code>webhook-id</Code>, <Code>webhook-timestamp</Code> and{' '}
            <Code>webhook-signature</Code> headers (Standard Webhooks).
          </List.Item>
          <List.Item>
            The signature is <Code>v1,</Code> + base64 HMAC-SHA256 of{' '}
            <Code>{'{webhook-id}.{webhook-timestamp}.{body}'}</Code>, keyed with the base64 part of
            the secret after <Code>whsec_</Code>. The <Code>standardwebhooks</Code> libraries check
            it for you.
          </List.Item>
          <List.Item>
            Refuse timestamps more than a few minutes old, and treat <Code>webhook-id</Code> as an
            idempotency key: a retried or resent event keeps its id.
          </List.Item>
        </List>
      </div>
    </Stack>
  );
}
