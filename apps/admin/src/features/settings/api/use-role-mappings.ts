import { useQuery } from '@tanstack/react-query';
import type { GroupRoleMappingListView } from '@rollcall/contracts';
import { apiClient } from '../../../api/api-client';

export const roleMappingsKey = ['group-role-mappings'] as const;

export function fetchRoleMappings(signal?: AbortSignal): Promise<GroupRoleMappingListView> {
  return apiClient.get<GroupRoleMappingListView>('/api/group-role-mappings', { signal });
}

export function useRoleMappings() {
  return useQuery({
    queryKey: roleMappingsKey,
    queryFn: ({ signal }) => fetchRoleMappings(signal),
  });
}
