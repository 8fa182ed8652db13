import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SsoProviderKind } from '@rollcall/contracts';
import { apiClient } from '../../../api/api-client';
import { ssoStatusKey } from './use-sso-status';

export function unlinkAccount(provider: SsoProviderKind): Promise<void> {
  return apiClient.delete(`/api/sso/links/${provider}`);
}

export function useUnlinkAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: unlinkAccount,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ssoStatusKey }),
  });
}
