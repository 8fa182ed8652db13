import { useQuery } from '@tanstack/react-query';
import type { SsoStatusView } from '@rollcall/contracts';
import { apiClient } from '../../../api/api-client';

export const ssoStatusKey = ['sso-status'] as const;

export function fetchSsoStatus(signal?: AbortSignal): Promise<SsoStatusView> {
  return apiClient.get<SsoStatusView>('/api/sso', { signal });
}

export function useSsoStatus() {
  return useQuery({ queryKey: ssoStatusKey, queryFn: ({ signal }) => fetchSsoStatus(signal) });
}
