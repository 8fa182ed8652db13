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

const EXPORT_PAGE_SIZE = 200;
/** Far more than 30 days of admin changes; an export stops there rather than run unbounded. */
export const MAX_EXPORTED_ACTIVITY = 10_000;

/**
 * Every event under the filters, newest first, page by page (at most MAX_EXPORTED_ACTIVITY):
 * the CSV export covers the filter, not just the pages on screen. Client-side because the
 * summary column is the dashboard's own wording (event-summary.format).
 */
export async function fetchAllActivity(
  filters: ActivityFilters,
  signal?: AbortSignal,
): Promise<{ events: ActivityListView['data']; complete: boolean }> {
  const events: ActivityListView['data'] = [];
  let before: string | null = null;
  do {
    const page: ActivityListView = await apiClient.get<ActivityListView>('/api/activity', {
      query: {
        actor: filters.actor,
        types: filters.types?.join(','),
        limit: EXPORT_PAGE_SIZE,
        before,
      },
      signal,
    });
    events.push(...page.data);
    before = page.nextBefore;
  } while (before !== null && events.length < MAX_EXPORTED_ACTIVITY);
  return { events: events.slice(0, MAX_EXPORTED_ACTIVITY), complete: before === null };
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
