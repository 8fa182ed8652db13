import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateTeamResourceRequest, TeamResourceView } from '@rollcall/contracts';
import { apiClient } from '../../../api/api-client';

export function createTeamResource(
  teamId: string,
  request: CreateTeamResourceRequest,
): Promise<TeamResourceView> {
  return apiClient.post<TeamResourceView>(
    `/api/teams/${encodeURIComponent(teamId)}/resources`,
    request,
  );
}

export function useCreateTeamResource(teamId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateTeamResourceRequest) => createTeamResource(teamId, request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['teams'] }),
  });
}
