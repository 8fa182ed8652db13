import { useQuery } from '@tanstack/react-query';
import type { WebhookEndpointListView } from '@rollcall/contracts';
import { apiClient } from '../../../api/api-client';

export const webhooksKey = ['webhooks'] as const;

export function fetchWebhooks(signal?: AbortSignal): Promise<WebhookEndpointListView> {
  return apiClient.get<WebhookEndpointListView>('/api/webhooks', { signal });
}

/**
 * The endpoints, also read by the sidebar for its "failing" badge: re-read every minute so a
 * receiver that starts failing shows up without a reload.
 */
export function useWebhooks() {
  return useQuery({
    queryKey: webhooksKey,
    queryFn: ({ signal }) => fetchWebhooks(signal),
    refetchInterval: 60_000,
  });
}
