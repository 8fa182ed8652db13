import { useQuery } from '@tanstack/react-query';
import type { WebhookEndpointView } from '@rollcall/contracts';
import { apiClient } from '../../../api/api-client';
import { webhooksKey } from './use-webhooks';

export const webhookKey = (id: string) => [...webhooksKey, 'detail', id] as const;

export function webhookPath(id: string): string {
  return `/api/webhooks/${encodeURIComponent(id)}`;
}

export function fetchWebhook(id: string, signal?: AbortSignal): Promise<WebhookEndpointView> {
  return apiClient.get<WebhookEndpointView>(webhookPath(id), { signal });
}

export function useWebhook(id: string) {
  return useQuery({
    queryKey: webhookKey(id),
    queryFn: ({ signal }) => fetchWebhook(id, signal),
    // Pending deliveries and the failing state change as the receiver answers.
    refetchInterval: (query) => ((query.state.data?.pendingDeliveries ?? 0) > 0 ? 3_000 : 30_000),
  });
}
