import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateScimTokenRequest, CreatedScimTokenView } from '@rollcall/contracts';
import { apiClient } from '../../../api/api-client';
import { scimTokensKey } from './use-scim-tokens';

export function createScimToken(request: CreateScimTokenRequest): Promise<CreatedScimTokenView> {
  return apiClient.post<CreatedScimTokenView>('/api/scim/tokens', request);
}

export function useCreateScimToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createScimToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: scimTokensKey }),
  });
}
