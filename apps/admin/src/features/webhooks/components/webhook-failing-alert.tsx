import { Alert, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { WebhookEndpointView } from '@rollcall/contracts';
import { formatDateTime, formatRelative } from '../../../components/date.format';

/** "since 12 Mar 2026, 14:05 (3 hours ago)", or nothing when the server did not say. */
export function failingSinceText(endpoint: Pick<WebhookEndpointView, 'failingSince'>): string {
  if (!endpoint.failingSince) return '';
  return ` since ${formatDateTime(endpoint.failingSince)} (${formatRelative(endpoint.failingSince)})`;
}

/** Red, at the top of the page: a failing receiver is missing changes right now. */
export function WebhookFailingAlert({
  endpoint,
  children,
}: {
  endpoint: WebhookEndpointView;
  children?: ReactNode;
}) {
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title="This endpoint is failing"
      role="alert"
      mb="md"
    >
      <Text size="sm" style={{ wordBreak: 'break-word' }}>
        The receiver at <strong>{endpoint.url}</strong> has been failing
        {failingSinceText(endpoint)}: a delivery ran out of retries. Fix the receiver, then resend
        the failed deliveries.
      </Text>
      {children}
    </Alert>
  );
}
