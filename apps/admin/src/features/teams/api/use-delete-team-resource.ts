import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../api/api-client';

export function deleteTeamResource(teamId: string, resourceId: string): Promise<void> {
  return apiClient.delete(
    `/api/teams/${encodeURIComponent(teamId)}/resources/${encodeURIComponent(resourceId)}`,
  );
}

export function useDeleteTeamResource(teamId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (resourceId: string) => deleteTeamResource(teamId, resourceId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['teams'] }),
  });
}
