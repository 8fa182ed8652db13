import { useQuery } from '@tanstack/react-query';
import type { TeamDeletionPreviewView } from '@rollcall/contracts';
import { apiClient } from '../../../api/api-client';

export const teamDeletionPreviewKey = (teamId: string) =>
  ['teams', 'deletion-preview', teamId] as const;

export function fetchTeamDeletionPreview(
  teamId: string,
  signal?: AbortSignal,
): Promise<TeamDeletionPreviewView> {
  return apiClient.get<TeamDeletionPreviewView>(
    `/api/teams/${encodeURIComponent(teamId)}/deletion-preview`,
    { signal },
  );
}

/** What a delete would destroy, fetched fresh each time the dialog opens (never stale counts). */
export function useTeamDeletionPreview(teamId: string, enabled: boolean) {
  return useQuery({
    queryKey: teamDeletionPreviewKey(teamId),
    queryFn: ({ signal }) => fetchTeamDeletionPreview(teamId, signal),
    enabled,
    staleTime: 0,
    gcTime: 0,
  });
}
