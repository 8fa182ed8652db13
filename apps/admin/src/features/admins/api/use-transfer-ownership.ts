import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../api/api-client';

export function transferOwnership(id: string): Promise<void> {
  return apiClient.post<void>(`/api/admins/${encodeURIComponent(id)}/transfer-ownership`);
}

/**
 * They become an owner and the caller an admin. Every query is refetched: the session's
 * role changed, so the layout and this page drop their owner-only controls.
 */
export function useTransferOwnership() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: transferOwnership,
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
