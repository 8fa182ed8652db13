import { useQuery } from '@tanstack/react-query';
import type { ScimTokenListView } from '@rollcall/contracts';
import { apiClient } from '../../../api/api-client';

export const scimTokensKey = ['scim-tokens'] as const;

export function fetchScimTokens(signal?: AbortSignal): Promise<ScimTokenListView> {
  return apiClient.get<ScimTokenListView>('/api/scim/tokens', { signal });
}

export function useScimTokens() {
  return useQuery({ queryKey: scimTokensKey, queryFn: ({ signal }) => fetchScimTokens(signal) });
}
