import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreatedAdminInvitationView, InviteAdminRequest } from '@rollcall/contracts';
import { apiClient } from '../../../api/api-client';
import { adminTeamKey } from './use-admin-team';

export function inviteAdmin(request: InviteAdminRequest): Promise<CreatedAdminInvitationView> {
  return apiClient.post<CreatedAdminInvitationView>('/api/admins/invitations', request);
}

export function useInviteAdmin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: inviteAdmin,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminTeamKey }),
  });
}
