import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../api/api-client';
import { scimOAuthKey } from './use-scim-oauth';

export function revokeFederatedCredential(credentialId: string): Promise<void> {
  return apiClient.delete(
    `/api/scim/oauth/federated-credentials/${encodeURIComponent(credentialId)}`,
  );
}

export function useRevokeFederatedCredential() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeFederatedCredential,
    onSettled: () => queryClient.invalidateQueries({ queryKey: scimOAuthKey }),
  });
}
