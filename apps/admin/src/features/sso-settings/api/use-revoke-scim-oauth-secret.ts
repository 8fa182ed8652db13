import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../api/api-client';
import { scimOAuthKey } from './use-scim-oauth';

export interface RevokeScimOAuthSecretInput {
  /** The OAuth client's row id (not its `client_id`). */
  clientId: string;
  secretId: string;
}

export function revokeScimOAuthSecret({
  clientId,
  secretId,
}: RevokeScimOAuthSecretInput): Promise<void> {
  return apiClient.delete(
    `/api/scim/oauth/clients/${encodeURIComponent(clientId)}/secrets/${encodeURIComponent(secretId)}`,
  );
}

export function useRevokeScimOAuthSecret() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeScimOAuthSecret,
    onSettled: () => queryClient.invalidateQueries({ queryKey: scimOAuthKey }),
  });
}
