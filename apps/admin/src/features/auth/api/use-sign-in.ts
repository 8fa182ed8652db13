import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AdminSessionView, LoginRequest } from '@rollcall/contracts';
import { apiClient, setCsrfToken } from '../../../api/api-client';
import { sessionKey } from './use-session';

export async function signIn(credentials: LoginRequest): Promise<AdminSessionView> {
  const session = await apiClient.post<AdminSessionView>('/api/auth/login', credentials, {
    expectUnauthenticated: true,
  });
  setCsrfToken(session.csrfToken);
  return session;
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: (session) => {
      // Another admin may have been signed in on this tab: drop what they saw.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
      queryClient.setQueryData(sessionKey, session);
    },
  });
}
