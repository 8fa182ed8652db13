import { useQuery } from '@tanstack/react-query';
import type { ActivityActorListView } from '@rollcall/contracts';
import { apiClient } from '../../../api/api-client';

export const activityActorsKey = ['activity', 'actors'] as const;

export function fetchActivityActors(signal?: AbortSignal): Promise<ActivityActorListView> {
  return apiClient.get<ActivityActorListView>('/api/activity/actors', { signal });
}

/** Everyone on the Activity feed, most recently active first: the "Who" filter's options. */
export function useActivityActors() {
  return useQuery({
    queryKey: activityActorsKey,
    queryFn: ({ signal }) => fetchActivityActors(signal),
  });
}
