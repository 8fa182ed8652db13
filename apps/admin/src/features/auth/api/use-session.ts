import { useQuery } from '@tanstack/react-query';
import type { AdminSessionView } from '@rollcall/contracts';
import { ApiError, apiClient, setCsrfToken } from '../../../api/api-client';

export const sessionKey = ['session'] as const;

/** The signed-in admin, or null when there is no live session (401). */
export async function fetchSession(signal?: AbortSignal): Promise<AdminSessionView | null> {
  try {
    const session = await apiClient.get<AdminSessionView>('/api/auth/session', {
      signal,
      expectUnauthenticated: true,
    });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: ({ signal }) => fetchSession(signal),
    staleTime: 5 * 60_000,
    retry: false,
  });
}
