import { useInfiniteQuery } from '@tanstack/react-query';
import type { WebhookDeliveryListView, WebhookDeliveryStatusName } from '@rollcall/contracts';
import { apiClient } from '../../../api/api-client';
import { webhookKey, webhookPath } from './use-webhook';

const PAGE_SIZE = 50;

export const webhookDeliveriesKey = (id: string, status: WebhookDeliveryStatusName | undefined) =>
  [...webhookKey(id), 'deliveries', status ?? 'all'] as const;

export function fetchWebhookDeliveries(
  id: string,
  status: WebhookDeliveryStatusName | undefined,
  before: string | null,
  signal?: AbortSignal,
): Promise<WebhookDeliveryListView> {
  return apiClient.get<WebhookDeliveryListView>(`${webhookPath(id)}/deliveries`, {
    query: { status, before, limit: PAGE_SIZE },
    signal,
  });
}

/** Newest first; re-read every few seconds while a loaded delivery is still on its way. */
export function useWebhookDeliveries(id: string, status?: WebhookDeliveryStatusName) {
  return useInfiniteQuery({
    queryKey: webhookDeliveriesKey(id, status),
    queryFn: ({ pageParam, signal }) => fetchWebhookDeliveries(id, status, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextBefore,
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) =>
        page.deliveries.some((delivery) => delivery.status === 'pending'),
      )
        ? 2_000
        : false,
  });
}
