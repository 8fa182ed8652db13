import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UpdateWebhookRequest, WebhookEndpointView } from '@rollcall/contracts';
import { apiClient } from '../../../api/api-client';
import { webhookPath } from './use-webhook';
import { webhooksKey } from './use-webhooks';

export interface UpdateWebhookInput {
  id: string;
  changes: UpdateWebhookRequest;
}

export function updateWebhook({ id, changes }: UpdateWebhookInput): Promise<WebhookEndpointView> {
  return apiClient.patch<WebhookEndpointView>(webhookPath(id), changes);
}

/** Edits an endpoint, or disables / enables it (`enabled`). */
export function useUpdateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateWebhook,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhooksKey }),
  });
}
