import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../api/api-client';

/** Ends a pending team's retention window now: POST /api/teams/:id/purge (204). */
export function purgeTeam(teamId: string): Promise<void> {
  return apiClient.post<void>(`/api/teams/${encodeURIComponent(teamId)}/purge`);
}

export function usePurgeTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: purgeTeam,
    // ['teams'] also covers Pending deletions (['teams', 'deleted']).
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['teams'] }),
  });
}
