import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateApiKeyRequest, CreatedApiKeyView } from '@rollcall/contracts';
import { apiClient } from '../../../api/api-client';
import { apiKeysKey } from './use-api-keys';

export function createApiKey(request: CreateApiKeyRequest): Promise<CreatedApiKeyView> {
  return apiClient.post<CreatedApiKeyView>('/api/api-keys', request);
}

export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createApiKey,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeysKey }),
  });
}
