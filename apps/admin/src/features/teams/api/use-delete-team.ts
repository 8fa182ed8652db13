import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TeamDeletionView } from '@rollcall/contracts';
import { apiClient } from '../../../api/api-client';

export function deleteTeam(teamId: string): Promise<TeamDeletionView> {
  return apiClient.delete<TeamDeletionView>(`/api/teams/${encodeURIComponent(teamId)}`);
}

export function useDeleteTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteTeam,
    // ['teams'] also covers Pending deletions (['teams', 'deleted']).
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['teams'] }),
  });
}
