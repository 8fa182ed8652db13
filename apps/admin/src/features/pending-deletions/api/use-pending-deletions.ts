import { useQuery } from '@tanstack/react-query';
import type { PendingTeamDeletionListView } from '@rollcall/contracts';
import { apiClient } from '../../../api/api-client';

// Under 'teams' so a delete or restore anywhere refreshes it by invalidating ['teams'].
export const pendingDeletionsKey = ['teams', 'deleted'] as const;

export function fetchPendingDeletions(signal?: AbortSignal): Promise<PendingTeamDeletionListView> {
  return apiClient.get<PendingTeamDeletionListView>('/api/teams/deleted', { signal });
}

export function usePendingDeletions() {
  return useQuery({
    queryKey: pendingDeletionsKey,
    queryFn: ({ signal }) => fetchPendingDeletions(signal),
    // Entra deletes groups on its own schedule: look again now and then.
    refetchInterval: 60_000,
  });
}
