import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../api/api-client';
import { roleMappingsKey } from './use-role-mappings';

export function removeRoleMapping(groupName: string): Promise<void> {
  return apiClient.delete(`/api/group-role-mappings/${encodeURIComponent(groupName)}`);
}

export function useRemoveRoleMapping() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeRoleMapping,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: roleMappingsKey }),
        queryClient.invalidateQueries({ queryKey: ['users'] }),
      ]),
  });
}
