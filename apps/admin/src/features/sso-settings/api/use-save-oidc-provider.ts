import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OidcProviderView, SaveOidcProviderRequest } from '@rollcall/contracts';
import { apiClient } from '../../../api/api-client';
import { ssoStatusKey } from './use-sso-status';

export function saveOidcProvider(request: SaveOidcProviderRequest): Promise<OidcProviderView> {
  return apiClient.put<OidcProviderView>('/api/sso/oidc', request);
}

export function useSaveOidcProvider() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveOidcProvider,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ssoStatusKey }),
  });
}
