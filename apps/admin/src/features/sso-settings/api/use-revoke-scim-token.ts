import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../api/api-client';
import { scimTokensKey } from './use-scim-tokens';

export function revokeScimToken(tokenId: string): Promise<void> {
  return apiClient.delete(`/api/scim/tokens/${encodeURIComponent(tokenId)}`);
}

export function useRevokeScimToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeScimToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: scimTokensKey }),
  });
}
