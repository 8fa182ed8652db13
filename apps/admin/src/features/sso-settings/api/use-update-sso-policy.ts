import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SsoPolicyView, UpdateSsoPolicyRequest } from '@rollcall/contracts';
import { apiClient } from '../../../api/api-client';
import { ssoStatusKey } from './use-sso-status';

export function updateSsoPolicy(changes: UpdateSsoPolicyRequest): Promise<SsoPolicyView> {
  return apiClient.patch<SsoPolicyView>('/api/sso/policy', changes);
}

export function useUpdateSsoPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSsoPolicy,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ssoStatusKey }),
  });
}
