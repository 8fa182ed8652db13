import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TeamListView } from '@rollcall/contracts';
import { apiClient } from '../../../api/api-client';

export const teamsKey = (search: string) => ['teams', 'list', search] as const;

export function fetchTeams(search: string, signal?: AbortSignal): Promise<TeamListView> {
  return apiClient.get<TeamListView>('/api/teams', { query: { search }, signal });
}

export function useTeams(search: string) {
  return useQuery({
    queryKey: teamsKey(search),
    queryFn: ({ signal }) => fetchTeams(search, signal),
    placeholderData: keepPreviousData,
  });
}
