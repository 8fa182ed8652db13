import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../api/api-client';
import { adminTeamKey } from './use-admin-team';

export function removeAdmin(id: string): Promise<void> {
  return apiClient.delete(`/api/admins/${encodeURIComponent(id)}`);
}

/** The admin is removed and their sessions end. */
export function useRemoveAdmin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeAdmin,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminTeamKey }),
  });
}
