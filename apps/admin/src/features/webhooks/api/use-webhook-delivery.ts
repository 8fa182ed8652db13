import { useQuery } from '@tanstack/react-query';
import type { WebhookDeliveryDetailView } from '@rollcall/contracts';
import { apiClient } from '../../../api/api-client';
import { webhookKey, webhookPath } from './use-webhook';

export const webhookDeliveryKey = (id: string, deliveryId: string) =>
  [...webhookKey(id), 'delivery', deliveryId] as const;

export function fetchWebhookDelivery(
  id: string,
  deliveryId: string,
  signal?: AbortSignal,
): Promise<WebhookDeliveryDetailView> {
  return apiClient.get<WebhookDeliveryDetailView>(
    `${webhookPath(id)}/deliveries/${encodeURIComponent(deliveryId)}`,
    { signal },
  );
}

/** One delivery with every attempt and its payload; null id = the drawer is closed. */
export function useWebhookDelivery(id: string, deliveryId: string | null) {
  return useQuery({
    queryKey: webhookDeliveryKey(id, deliveryId ?? ''),
    queryFn: ({ signal }) => fetchWebhookDelivery(id, deliveryId ?? '', signal),
    enabled: deliveryId !== null,
    refetchInterval: (query) => (query.state.data?.status === 'pending' ? 2_000 : false),
  });
}
