import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../api/api-client';
import { ssoStatusKey } from './use-sso-status';

export function disconnectMicrosoft(): Promise<void> {
  return apiClient.delete('/api/sso/microsoft');
}

export function useDisconnectMicrosoft() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: disconnectMicrosoft,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ssoStatusKey }),
  });
}
