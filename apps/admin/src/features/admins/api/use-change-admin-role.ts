import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  AdminRoleName,
  ChangeAdminRoleRequest,
  OrganizationAdminView,
} from '@rollcall/contracts';
import { apiClient } from '../../../api/api-client';
import { adminTeamKey } from './use-admin-team';

export function changeAdminRole(input: {
  id: string;
  role: AdminRoleName;
}): Promise<OrganizationAdminView> {
  const body: ChangeAdminRoleRequest = { role: input.role };
  return apiClient.patch<OrganizationAdminView>(
    `/api/admins/${encodeURIComponent(input.id)}`,
    body,
  );
}

export function useChangeAdminRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeAdminRole,
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminTeamKey }),
  });
}
