import { useQuery } from '@tanstack/react-query';
import type { InvitationPreviewView } from '@rollcall/contracts';
import { ApiError, apiClient } from '../../../api/api-client';

export const invitationKey = (token: string) => ['invitation', token] as const;

/** What the link offers, or null when it is unknown, used, withdrawn or expired (404). */
export async function fetchInvitation(
  token: string,
  signal?: AbortSignal,
): Promise<InvitationPreviewView | null> {
  try {
    return await apiClient.get<InvitationPreviewView>(
      `/api/invitations/${encodeURIComponent(token)}`,
      { signal },
    );
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** Public: the token in the link is the credential. */
export function useInvitation(token: string) {
  return useQuery({
    queryKey: invitationKey(token),
    queryFn: ({ signal }) => fetchInvitation(token, signal),
    retry: false,
    staleTime: Infinity,
  });
}
