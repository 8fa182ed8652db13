import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  isLoginChallenge,
  type AdminSessionView,
  type LoginRequest,
  type LoginResponse,
} from '@rollcall/contracts';
import { apiClient, setCsrfToken } from '../../../api/api-client';
import { sessionKey } from './use-session';

export async function signIn(credentials: LoginRequest): Promise<LoginResponse> {
  const response = await apiClient.post<LoginResponse>('/api/auth/login', credentials, {
    expectUnauthenticated: true,
  });
  if (!isLoginChallenge(response)) setCsrfToken(response.csrfToken);
  return response;
}

/** Puts a newly opened session in place of whatever this tab showed before. */
export function useAdoptSession(): (session: AdminSessionView) => void {
  const queryClient = useQueryClient();
  return (session) => {
    setCsrfToken(session.csrfToken);
    // Another admin may have been signed in on this tab: drop what they saw.
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
    queryClient.setQueryData(sessionKey, session);
  };
}

export function useSignIn() {
  const adopt = useAdoptSession();
  return useMutation({
    mutationFn: signIn,
    onSuccess: (response) => {
      if (!isLoginChallenge(response)) adopt(response);
    },
  });
}
