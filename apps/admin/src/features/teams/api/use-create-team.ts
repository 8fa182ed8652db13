import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateTeamRequest, TeamSummaryView } from '@rollcall/contracts';
import { apiClient } from '../../../api/api-client';

export function createTeam(request: CreateTeamRequest): Promise<TeamSummaryView> {
  return apiClient.post<TeamSummaryView>('/api/teams', request);
}

export function useCreateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createTeam,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['teams'] }),
  });
}
