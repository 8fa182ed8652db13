import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SamlConnectionView, SaveSamlConnectionRequest } from '@rollcall/contracts';
import { apiClient } from '../../../api/api-client';
import { ssoStatusKey } from './use-sso-status';

export function saveSamlConnection(
  request: SaveSamlConnectionRequest,
): Promise<SamlConnectionView> {
  return apiClient.put<SamlConnectionView>('/api/sso/saml', request);
}

export function useSaveSamlConnection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveSamlConnection,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ssoStatusKey }),
  });
}
