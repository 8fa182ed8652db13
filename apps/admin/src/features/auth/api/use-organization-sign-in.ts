import { useQuery } from '@tanstack/react-query';
import type { OrganizationSignInView } from '@rollcall/contracts';
import { apiClient } from '../../../api/api-client';

export const organizationSignInKey = (slug: string) => ['organization-sign-in', slug] as const;

export function fetchOrganizationSignIn(
  slug: string,
  signal?: AbortSignal,
): Promise<OrganizationSignInView> {
  return apiClient.get<OrganizationSignInView>(`/api/auth/providers/${encodeURIComponent(slug)}`, {
    signal,
  });
}

/** Public: an organization's own sign-in page (`/sign-in?org=<slug>`): its provider's button. */
export function useOrganizationSignIn(slug: string | null) {
  return useQuery({
    queryKey: organizationSignInKey(slug ?? ''),
    queryFn: ({ signal }) => fetchOrganizationSignIn(slug ?? '', signal),
    enabled: slug !== null,
    staleTime: 60_000,
  });
}
