import { useQuery } from '@tanstack/react-query';
import type { ScimOAuthOverviewView } from '@rollcall/contracts';
import { apiClient } from '../../../api/api-client';

export const scimOAuthKey = ['scim-oauth'] as const;

export function fetchScimOAuth(signal?: AbortSignal): Promise<ScimOAuthOverviewView> {
  return apiClient.get<ScimOAuthOverviewView>('/api/scim/oauth', { signal });
}

/** The token endpoint, the org's OAuth clients and its federated credentials. */
export function useScimOAuth() {
  return useQuery({ queryKey: scimOAuthKey, queryFn: ({ signal }) => fetchScimOAuth(signal) });
}
