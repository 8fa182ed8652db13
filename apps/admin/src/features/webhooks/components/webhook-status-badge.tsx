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

// `max-content`: a table squeezing its columns must not cut a status down to "Pendi…".
export function EndpointStatusBadge({ status }: { status: WebhookEndpointStatusName }) {
  const badge = ENDPOINT_BADGES[status];
  return (
    <Badge variant="light" color={badge.color} tt="none" miw="max-content">
      {badge.label}
    </Badge>
  );
}

export function DeliveryStatusBadge({ status }: { status: WebhookDeliveryStatusName }) {
  const badge = DELIVERY_BADGES[status];
  return (
    <Badge variant="light" color={badge.color} tt="none" miw="max-content">
      {badge.label}
    </Badge>
  );
}

/** The receiver's HTTP status, coloured like the provisioning log's. */
export function ResponseStatusBadge({ status }: { status: number }) {
  const color = status >= 500 ? 'red' : status >= 300 ? 'orange' : 'teal';
  return (
    <Badge
      color={color}
      variant="outline"
      ff="monospace"
      miw="max-content"
      aria-label={`HTTP ${status}`}
    >
      {status}
    </Badge>
  );
}
