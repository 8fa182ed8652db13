import { useQuery } from '@tanstack/react-query';
import type { AdminTeamView } from '@rollcall/contracts';
import { apiClient } from '../../../api/api-client';

export const adminTeamKey = ['admin-team'] as const;

export function fetchAdminTeam(signal?: AbortSignal): Promise<AdminTeamView> {
  return apiClient.get<AdminTeamView>('/api/admins', { signal });
}

/** The organization's admins (the caller marked `isYou`) and the invitations not accepted yet. */
export function useAdminTeam() {
  return useQuery({ queryKey: adminTeamKey, queryFn: ({ signal }) => fetchAdminTeam(signal) });
}
