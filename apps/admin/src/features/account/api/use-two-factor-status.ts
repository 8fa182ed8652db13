import { useQuery } from '@tanstack/react-query';
import type { TwoFactorStatusView } from '@rollcall/contracts';
import { apiClient } from '../../../api/api-client';

export const twoFactorStatusKey = ['account', 'two-factor'] as const;

export function useTwoFactorStatus() {
  return useQuery({
    queryKey: twoFactorStatusKey,
    queryFn: ({ signal }) =>
      apiClient.get<TwoFactorStatusView>('/api/account/two-factor', { signal }),
  });
}
