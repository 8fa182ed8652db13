import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../api/api-client';
import { webhookKey, webhookPath } from './use-webhook';
import type { QueuedDeliveryView } from './use-send-test-event';

export interface ResendDeliveryInput {
  webhookId: string;
  deliveryId: string;
}

/** Sends the same event again as a new delivery (202); the receiver deduplicates on its id. */
export function resendDelivery({
  webhookId,
  deliveryId,
}: ResendDeliveryInput): Promise<QueuedDeliveryView> {
  return apiClient.post<QueuedDeliveryView>(
    `${webhookPath(webhookId)}/deliveries/${encodeURIComponent(deliveryId)}/resend`,
  );
}

export function useResendDelivery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resendDelivery,
    onSuccess: (_, { webhookId }) =>
      queryClient.invalidateQueries({ queryKey: webhookKey(webhookId) }),
  });
}
