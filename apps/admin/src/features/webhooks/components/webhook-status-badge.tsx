import { Badge } from '@mantine/core';
import type { WebhookDeliveryStatusName, WebhookEndpointStatusName } from '@rollcall/contracts';

const ENDPOINT_BADGES: Record<WebhookEndpointStatusName, { label: string; color: string }> = {
  active: { label: 'Active', color: 'teal' },
  failing: { label: 'Failing', color: 'red' },
  disabled: { label: 'Disabled', color: 'gray' },
};

const DELIVERY_BADGES: Record<WebhookDeliveryStatusName, { label: string; color: string }> = {
  pending: { label: 'Pending', color: 'blue' },
  succeeded: { label: 'Succeeded', color: 'teal' },
  failed: { label: 'Failed', color: 'red' },
};

// `tt="none"` and no truncation: the badge is the one word, never cut (mobile tables included).
export function EndpointStatusBadge({ status }: { status: WebhookEndpointStatusName }) {
  const badge = ENDPOINT_BADGES[status];
  return (
    <Badge variant="light" color={badge.color} tt="none" style={{ flexShrink: 0 }}>
      {badge.label}
    </Badge>
  );
}

export function DeliveryStatusBadge({ status }: { status: WebhookDeliveryStatusName }) {
  const badge = DELIVERY_BADGES[status];
  return (
    <Badge variant="light" color={badge.color} tt="none" style={{ flexShrink: 0 }}>
      {badge.label}
    </Badge>
  );
}

/** The receiver's HTTP status, coloured like the provisioning log's. */
export function ResponseStatusBadge({ status }: { status: number }) {
  const color = status >= 500 ? 'red' : status >= 300 ? 'orange' : 'teal';
  return (
    <Badge color={color} variant="outline" ff="monospace" aria-label={`HTTP ${status}`}>
      {status}
    </Badge>
  );
}
