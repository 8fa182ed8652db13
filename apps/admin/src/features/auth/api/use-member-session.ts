import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MemberSessionView } from '@rollcall/contracts';
import { ApiError, apiClient, setCsrfToken } from '../../../api/api-client';

const memberSessionKey = ['member-session'] as const;

/** The member signed in through single sign-on, or null when there is none (401). */
async function fetchMemberSession(signal?: AbortSignal): Promise<MemberSessionView | null> {
  try {
    const session = await apiClient.get<MemberSessionView>('/api/auth/member-session', {
      signal,
      expectUnauthenticated: true,
    });
    // Only this page writes with it: member-logout.
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useMemberSession() {
  return useQuery({
    queryKey: memberSessionKey,
    queryFn: ({ signal }) => fetchMemberSession(signal),
    retry: false,
  });
}

export function useMemberSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiClient.post<void>('/api/auth/member-logout'),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.setQueryData(memberSessionKey, null);
    },
  });
}
