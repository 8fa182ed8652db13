import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AdminUserListView, UserStatusFilter } from '@rollcall/contracts';
import { apiClient } from '../../../api/api-client';

export interface UsersQuery {
  search: string;
  status: UserStatusFilter;
  /** 1-based, as in SCIM. */
  startIndex: number;
  count: number;
}

export const usersKey = (query: UsersQuery) => ['users', 'list', query] as const;

export function fetchUsers(query: UsersQuery, signal?: AbortSignal): Promise<AdminUserListView> {
  return apiClient.get<AdminUserListView>('/api/users', {
    query: { ...query, search: query.search || undefined },
    signal,
  });
}

export function useUsers(query: UsersQuery) {
  return useQuery({
    queryKey: usersKey(query),
    queryFn: ({ signal }) => fetchUsers(query, signal),
    placeholderData: keepPreviousData,
  });
}
