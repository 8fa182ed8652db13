import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../api/api-client';
import { ssoStatusKey } from './use-sso-status';

export function removeOidcProvider(): Promise<void> {
  return apiClient.delete('/api/sso/oidc');
}

export function useRemoveOidcProvider() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeOidcProvider,
    // Removing the last provider may also turn Require single sign-on off.
    onSettled: () => queryClient.invalidateQueries({ queryKey: ssoStatusKey }),
  });
}
