import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, setCsrfToken } from '../../../api/api-client';
import { sessionKey } from './use-session';

export function signOut(): Promise<void> {
  return apiClient.post<void>('/api/auth/logout');
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(sessionKey, null);
    },
  });
}
