import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../api/api-client';
import type { LinkProvider } from './use-start-account-link';
import { ssoStatusKey } from './use-sso-status';

export function unlinkAccount(provider: LinkProvider): Promise<void> {
  return apiClient.delete(`/api/sso/links/${provider}`);
}

export function useUnlinkAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: unlinkAccount,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ssoStatusKey }),
  });
}
