import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RecoveryCodesView, TwoFactorCodeRequest } from '@rollcall/contracts';
import { apiClient } from '../../../api/api-client';
import { twoFactorStatusKey } from './use-two-factor-status';

export function useRegenerateRecoveryCodes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: TwoFactorCodeRequest) =>
      apiClient.post<RecoveryCodesView>('/api/account/two-factor/recovery-codes', request),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: twoFactorStatusKey }),
  });
}
