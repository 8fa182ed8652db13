import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../api/api-client';
import { ssoStatusKey } from './use-sso-status';

/** 409 `SSO_PROVIDER_REQUIRED` while Require SSO is on and SAML is the only provider. */
export function removeSamlConnection(): Promise<void> {
  return apiClient.delete('/api/sso/saml');
}

export function useRemoveSamlConnection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeSamlConnection,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ssoStatusKey }),
  });
}
