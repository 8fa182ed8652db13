import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  CreateScimFederatedCredentialRequest,
  ScimFederatedCredentialView,
} from '@rollcall/contracts';
import { apiClient } from '../../../api/api-client';
import { scimOAuthKey } from './use-scim-oauth';

export function createFederatedCredential(
  request: CreateScimFederatedCredentialRequest,
): Promise<ScimFederatedCredentialView> {
  return apiClient.post<ScimFederatedCredentialView>(
    '/api/scim/oauth/federated-credentials',
    request,
  );
}

export function useCreateFederatedCredential() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createFederatedCredential,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: scimOAuthKey }),
  });
}
