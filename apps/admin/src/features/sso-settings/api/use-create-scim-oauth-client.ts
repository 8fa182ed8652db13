import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateScimOAuthClientRequest, CreatedScimOAuthClientView } from '@rollcall/contracts';
import { apiClient } from '../../../api/api-client';
import { scimOAuthKey } from './use-scim-oauth';

export function createScimOAuthClient(
  request: CreateScimOAuthClientRequest,
): Promise<CreatedScimOAuthClientView> {
  return apiClient.post<CreatedScimOAuthClientView>('/api/scim/oauth/clients', request);
}

export function useCreateScimOAuthClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createScimOAuthClient,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: scimOAuthKey }),
  });
}
