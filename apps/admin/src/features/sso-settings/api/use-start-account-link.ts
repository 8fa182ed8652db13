import { useMutation } from '@tanstack/react-query';
import type { AccountLinkStartView, SsoProviderKind } from '@rollcall/contracts';
import { apiClient } from '../../../api/api-client';

/**
 * "Link my account" starts with a POST (it carries the CSRF token, so no other site can start
 * it) and continues as a full-page navigation to the provider, which returns to `/sso`.
 */
export function startAccountLink(provider: SsoProviderKind): Promise<AccountLinkStartView> {
  return apiClient.post<AccountLinkStartView>(`/api/sso/${provider}/link`);
}

export function useStartAccountLink() {
  return useMutation({
    mutationFn: startAccountLink,
    onSuccess: ({ authorizationUrl }) => window.location.assign(authorizationUrl),
  });
}
