import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../api/api-client';
import { scimOAuthKey } from './use-scim-oauth';

export function revokeScimOAuthClient(clientId: string): Promise<void> {
  return apiClient.delete(`/api/scim/oauth/clients/${encodeURIComponent(clientId)}`);
}

export function useRevokeScimOAuthClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeScimOAuthClient,
    onSettled: () => queryClient.invalidateQueries({ queryKey: scimOAuthKey }),
  });
}
