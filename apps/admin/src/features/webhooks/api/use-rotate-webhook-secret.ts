import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreatedWebhookView } from '@rollcall/contracts';
import { apiClient } from '../../../api/api-client';
import { webhookPath } from './use-webhook';
import { webhooksKey } from './use-webhooks';

/** A new signing secret, shown this once; the old one stops signing at once. */
export function rotateWebhookSecret(id: string): Promise<CreatedWebhookView> {
  return apiClient.post<CreatedWebhookView>(`${webhookPath(id)}/rotate-secret`);
}

export function useRotateWebhookSecret() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: rotateWebhookSecret,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhooksKey }),
  });
}
