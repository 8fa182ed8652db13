import { useInfiniteQuery } from '@tanstack/react-query';
import type { ProvisioningLogPageView, ProvisioningResourceType } from '@rollcall/contracts';
import { apiClient } from '../../../api/api-client';

export interface ProvisioningLogFilters {
  /** `failed`, `succeeded` or one HTTP status. */
  status?: string;
  resourceType?: ProvisioningResourceType;
  /** ISO time: entries at or after it. */
  since?: string;
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
