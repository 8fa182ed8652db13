import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient, setCsrfToken } from '../../../api/api-client';

// The auth feature's session query key; features do not import each other.
const SESSION_KEY = ['session'] as const;

export function useSignOutEverywhere() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiClient.post<void>('/api/account/sign-out-everywhere'),
    onSuccess: () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(SESSION_KEY, null);
    },
  });
}
