import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TeamSummaryView } from '@rollcall/contracts';
import { apiClient } from '../../../api/api-client';

export function restoreTeam(teamId: string): Promise<TeamSummaryView> {
  return apiClient.post<TeamSummaryView>(`/api/teams/${encodeURIComponent(teamId)}/restore`);
}

export function useRestoreTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: restoreTeam,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['teams'] }),
  });
}
