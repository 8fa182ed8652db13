import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../api/api-client';
import { adminTeamKey } from './use-admin-team';

export function withdrawInvitation(id: string): Promise<void> {
  return apiClient.delete(`/api/admins/invitations/${encodeURIComponent(id)}`);
}

/** The link stops working at once. */
export function useWithdrawInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: withdrawInvitation,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminTeamKey }),
  });
}
