import { useQuery } from '@tanstack/react-query';
import type { ProvisioningLogSummaryView } from '@rollcall/contracts';
import { apiClient } from '../../../api/api-client';

export const provisioningSummaryKey = (hours: number) =>
  ['provisioning-log', 'summary', hours] as const;

export function fetchProvisioningSummary(
  hours: number,
  signal?: AbortSignal,
): Promise<ProvisioningLogSummaryView> {
  return apiClient.get<ProvisioningLogSummaryView>('/api/provisioning-log/summary', {
    query: { hours },
    signal,
  });
}

export function useProvisioningSummary(hours: number) {
  return useQuery({
    queryKey: provisioningSummaryKey(hours),
    queryFn: ({ signal }) => fetchProvisioningSummary(hours, signal),
    refetchInterval: 30_000,
  });
}
