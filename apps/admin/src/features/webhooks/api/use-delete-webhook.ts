import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../api/api-client';
import { webhookKey, webhookPath } from './use-webhook';
import { webhooksKey } from './use-webhooks';

export function deleteWebhook(id: string): Promise<void> {
  return apiClient.delete(webhookPath(id));
}

export function useDeleteWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteWebhook,
    onSuccess: (_, id) => {
      // Its detail would answer 404 from now on: drop it rather than refetch it.
      queryClient.removeQueries({ queryKey: webhookKey(id) });
      return queryClient.invalidateQueries({ queryKey: webhooksKey });
    },
  });
}
