import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DisableTwoFactorRequest } from '@rollcall/contracts';
import { apiClient } from '../../../api/api-client';
import { twoFactorStatusKey } from './use-two-factor-status';

export function useDisableTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: DisableTwoFactorRequest) =>
      apiClient.delete<void>('/api/account/two-factor', request),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: twoFactorStatusKey }),
  });
}
