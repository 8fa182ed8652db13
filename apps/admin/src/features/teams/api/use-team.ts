import { useQuery } from '@tanstack/react-query';
import type { TeamDetailView } from '@rollcall/contracts';
import { apiClient } from '../../../api/api-client';

export const teamKey = (teamId: string) => ['teams', 'detail', teamId] as const;

export function fetchTeam(teamId: string, signal?: AbortSignal): Promise<TeamDetailView> {
  return apiClient.get<TeamDetailView>(`/api/teams/${encodeURIComponent(teamId)}`, { signal });
}

export function useTeam(teamId: string) {
  return useQuery({
    queryKey: teamKey(teamId),
    queryFn: ({ signal }) => fetchTeam(teamId, signal),
  });
}
