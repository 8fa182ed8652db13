import { useInfiniteQuery } from '@tanstack/react-query';
import type { ActivityListView, EventTypeName } from '@rollcall/contracts';
import { apiClient } from '../../../api/api-client';

export interface ActivityFilters {
  /** One actor exactly, as events name it (`admin:alice@contoso.com`). */
  actor?: string;
  types?: readonly EventTypeName[];
}

const PAGE_SIZE = 50;

export const activityKey = (filters: ActivityFilters) => ['activity', filters] as const;

export function fetchActivityPage(
  filters: ActivityFilters,
  before: string | null,
  signal?: AbortSignal,
): Promise<ActivityListView> {
  return apiClient.get<ActivityListView>('/api/activity', {
    query: {
      actor: filters.actor,
      types: filters.types?.join(','),
      limit: PAGE_SIZE,
      before,
    },
    signal,
  });
}

/** Newest first; each page's `nextBefore` fetches the older one. */
export function useActivity(filters: ActivityFilters) {
  return useInfiniteQuery({
    queryKey: activityKey(filters),
    queryFn: ({ pageParam, signal }) => fetchActivityPage(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextBefore,
  });
}
