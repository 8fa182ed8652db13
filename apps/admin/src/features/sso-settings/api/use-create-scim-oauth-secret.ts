import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateScimOAuthSecretRequest, CreatedScimOAuthSecretView } from '@rollcall/contracts';
import { apiClient } from '../../../api/api-client';
import { scimOAuthKey } from './use-scim-oauth';

export interface CreateScimOAuthSecretInput extends CreateScimOAuthSecretRequest {
  /** The OAuth client's row id (not its `client_id`). */
  clientId: string;
}

export function createScimOAuthSecret({
  clientId,
  ...request
}: CreateScimOAuthSecretInput): Promise<CreatedScimOAuthSecretView> {
  return apiClient.post<CreatedScimOAuthSecretView>(
    `/api/scim/oauth/clients/${encodeURIComponent(clientId)}/secrets`,
    request,
  );
}

export function useCreateScimOAuthSecret() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createScimOAuthSecret,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: scimOAuthKey }),
  });
}
