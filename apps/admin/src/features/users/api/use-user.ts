import { useQuery } from '@tanstack/react-query';
import type { AdminUserDetailView } from '@rollcall/contracts';
import { apiClient } from '../../../api/api-client';

export const userKey = (userId: string) => ['users', 'detail', userId] as const;

export function fetchUser(userId: string, signal?: AbortSignal): Promise<AdminUserDetailView> {
  return apiClient.get<AdminUserDetailView>(`/api/users/${encodeURIComponent(userId)}`, { signal });
}

export function useUser(userId: string | null) {
  return useQuery({
    queryKey: userKey(userId ?? ''),
    queryFn: ({ signal }) => fetchUser(userId ?? '', signal),
    enabled: userId !== null,
  });
}
