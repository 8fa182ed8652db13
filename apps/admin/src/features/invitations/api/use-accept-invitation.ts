import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AcceptInvitationRequest, AdminSessionView } from '@rollcall/contracts';
import { apiClient, setCsrfToken } from '../../../api/api-client';

export async function acceptInvitation(input: {
  token: string;
  password: string;
}): Promise<AdminSessionView> {
  const body: AcceptInvitationRequest = { password: input.password };
  const session = await apiClient.post<AdminSessionView>(
    `/api/invitations/${encodeURIComponent(input.token)}/accept`,
    body,
    { expectUnauthenticated: true },
  );
  // Answered like POST /api/auth/login: the cookie is set, the CSRF token is ours to keep.
  setCsrfToken(session.csrfToken);
  return session;
}

export function useAcceptInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acceptInvitation,
    // Someone else may have been signed in on this tab: forget what they saw, and let the
    // dashboard load the new session (the session probe runs again).
    onSuccess: () => queryClient.clear(),
  });
}
