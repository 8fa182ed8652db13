import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  RecoveryCodesView,
  TwoFactorCodeRequest,
  TwoFactorSetupView,
} from '@rollcall/contracts';
import { apiClient } from '../../../api/api-client';
import { twoFactorStatusKey } from './use-two-factor-status';

export function useStartTwoFactorSetup() {
  return useMutation({
    mutationFn: () => apiClient.post<TwoFactorSetupView>('/api/account/two-factor/setup', {}),
  });
}

export function useConfirmTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: TwoFactorCodeRequest) =>
      apiClient.post<RecoveryCodesView>('/api/account/two-factor/confirm', request),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: twoFactorStatusKey }),
  });
}
