import { useQuery } from '@tanstack/react-query';
import type { OrganizationView } from '@rollcall/contracts';
import { apiClient } from './api-client';

// Shared by the Provisioning tab and Settings: both show and change the org's settings.
export const organizationKey = ['organization'] as const;

export function fetchOrganization(signal?: AbortSignal): Promise<OrganizationView> {
  return apiClient.get<OrganizationView>('/api/organization', { signal });
}

export function useOrganization() {
  return useQuery({
    queryKey: organizationKey,
    queryFn: ({ signal }) => fetchOrganization(signal),
  });
}
