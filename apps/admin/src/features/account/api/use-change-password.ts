import { useMutation } from '@tanstack/react-query';
import type { ChangePasswordRequest } from '@rollcall/contracts';
import { apiClient } from '../../../api/api-client';

export function useChangePassword() {
  return useMutation({
    mutationFn: (request: ChangePasswordRequest) =>
      apiClient.post<void>('/api/account/password', request),
  });
}
