import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OrganizationView, RenameOrganizationRequest } from '@rollcall/contracts';
import { apiClient } from '../../../api/api-client';
import { organizationKey } from '../../../api/use-organization';

export function renameOrganization(request: RenameOrganizationRequest): Promise<OrganizationView> {
  return apiClient.patch<OrganizationView>('/api/organization', request);
}

export function useRenameOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: renameOrganization,
    // The header reads the name from this query too.
    onSuccess: (organization) => queryClient.setQueryData(organizationKey, organization),
  });
}
