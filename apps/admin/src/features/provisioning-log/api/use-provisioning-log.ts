import { useInfiniteQuery } from '@tanstack/react-query';
import type { ProvisioningLogPageView, ProvisioningResourceType } from '@rollcall/contracts';
import { apiClient, withQuery } from '../../../api/api-client';

export interface ProvisioningLogFilters {
  /** `failed`, `succeeded` or one HTTP status. */
  status?: string;
  resourceType?: ProvisioningResourceType;
  /** ISO time: entries at or after it. */
  since?: string;
  /** A user's id, userName or externalId. */
  user?: string;
  /** A team's id or displayName. */
  team?: string;
}

/**
 * The server-side CSV export of every entry under the filters (not only the loaded pages):
 * one streamed download the browser saves itself, capped at 50,000 rows by the API.
 */
export function provisioningLogCsvUrl(filters: ProvisioningLogFilters): string {
  return withQuery('/api/provisioning-log.csv', { ...filters });
}

const PAGE_SIZE = 50;

export const provisioningLogKey = (filters: ProvisioningLogFilters) =>
  ['provisioning-log', 'entries', filters] as const;

export function fetchProvisioningLogPage(
  filters: ProvisioningLogFilters,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<ProvisioningLogPageView> {
  return apiClient.get<ProvisioningLogPageView>('/api/provisioning-log', {
    query: { ...filters, limit: PAGE_SIZE, cursor },
    signal,
  });
}

/** Newest first, keyset-paged: each page's nextCursor fetches the next. */
export function useProvisioningLog(filters: ProvisioningLogFilters) {
  return useInfiniteQuery({
    queryKey: provisioningLogKey(filters),
    queryFn: ({ pageParam, signal }) => fetchProvisioningLogPage(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
