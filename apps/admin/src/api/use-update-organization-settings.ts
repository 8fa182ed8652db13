import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OrganizationView, UpdateOrganizationSettingsRequest } from '@rollcall/contracts';
import { apiClient } from './api-client';
import { organizationKey } from './use-organization';

export function updateOrganizationSettings(
  changes: UpdateOrganizationSettingsRequest,
): Promise<OrganizationView> {
  return apiClient.patch<OrganizationView>('/api/organization/settings', changes);
}

export function useUpdateOrganizationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateOrganizationSettings,
    onSuccess: (organization) => queryClient.setQueryData(organizationKey, organization),
  });
}
