import { useQuery } from '@tanstack/react-query';
import type { ApiKeyListView } from '@rollcall/contracts';
import { apiClient } from '../../../api/api-client';

export const apiKeysKey = ['api-keys'] as const;

export function fetchApiKeys(signal?: AbortSignal): Promise<ApiKeyListView> {
  return apiClient.get<ApiKeyListView>('/api/api-keys', { signal });
}

export function useApiKeys() {
  return useQuery({ queryKey: apiKeysKey, queryFn: ({ signal }) => fetchApiKeys(signal) });
}
