import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { GroupRoleMappingView, SetGroupRoleMappingRequest } from '@rollcall/contracts';
import { apiClient } from '../../../api/api-client';
import { roleMappingsKey } from './use-role-mappings';

export function setRoleMapping(request: SetGroupRoleMappingRequest): Promise<GroupRoleMappingView> {
  return apiClient.put<GroupRoleMappingView>('/api/group-role-mappings', request);
}

export function useSetRoleMapping() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setRoleMapping,
    // Effective roles of users change with the mappings.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: roleMappingsKey }),
        queryClient.invalidateQueries({ queryKey: ['users'] }),
      ]),
  });
}
