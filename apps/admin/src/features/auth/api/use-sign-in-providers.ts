import { useQuery } from '@tanstack/react-query';
import type { SignInProvidersView } from '@rollcall/contracts';
import { apiClient } from '../../../api/api-client';

export const signInProvidersKey = ['sign-in-providers'] as const;

export function fetchSignInProviders(signal?: AbortSignal): Promise<SignInProvidersView> {
  return apiClient.get<SignInProvidersView>('/api/auth/providers', { signal });
}

/** Public: which sign-in providers the server offers (Microsoft needs an Entra app configured). */
export function useSignInProviders() {
  return useQuery({
    queryKey: signInProvidersKey,
    queryFn: ({ signal }) => fetchSignInProviders(signal),
    staleTime: Infinity,
  });
}
