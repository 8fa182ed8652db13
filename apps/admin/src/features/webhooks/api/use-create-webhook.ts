import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateWebhookRequest, CreatedWebhookView } from '@rollcall/contracts';
import { apiClient } from '../../../api/api-client';
import { webhooksKey } from './use-webhooks';

export function createWebhook(request: CreateWebhookRequest): Promise<CreatedWebhookView> {
  return apiClient.post<CreatedWebhookView>('/api/webhooks', request);
}

export function useCreateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createWebhook,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhooksKey }),
  });
}
