import { useQuery } from '@tanstack/react-query';
import type { ProvisioningHealthRange, ProvisioningHealthView } from '@rollcall/contracts';
import { apiClient } from '../../../api/api-client';

export const provisioningHealthKey = (range: ProvisioningHealthRange) =>
  ['provisioning-log', 'health', range] as const;

export function fetchProvisioningHealth(
  range: ProvisioningHealthRange,
  signal?: AbortSignal,
): Promise<ProvisioningHealthView> {
  return apiClient.get<ProvisioningHealthView>('/api/provisioning-log/health', {
    query: { range },
    signal,
  });
}

/** Requests and failures per hour (24h) or day (30d), refreshed like the summary. */
export function useProvisioningHealth(range: ProvisioningHealthRange) {
  return useQuery({
    queryKey: provisioningHealthKey(range),
    queryFn: ({ signal }) => fetchProvisioningHealth(range, signal),
    refetchInterval: 30_000,
  });
}
