import { useMutation } from '@tanstack/react-query';
import type {
  AdminSessionView,
  EnrolledSessionView,
  TwoFactorEnrolmentConfirmRequest,
  TwoFactorLoginRequest,
  TwoFactorSetupView,
} from '@rollcall/contracts';
import { apiClient } from '../../../api/api-client';
import { useAdoptSession } from './use-sign-in';

// A wrong or expired challenge answers 401: expected here, not a lost session.
const PUBLIC = { expectUnauthenticated: true } as const;

/** The second step of a password sign-in: a code or a recovery code opens the session. */
export function useTwoFactorSignIn() {
  const adopt = useAdoptSession();
  return useMutation({
    mutationFn: (request: TwoFactorLoginRequest) =>
      apiClient.post<AdminSessionView>('/api/auth/login/two-factor', request, PUBLIC),
    onSuccess: adopt,
  });
}

/** The org requires two-factor: the secret to enrol with, before any session exists. */
export function useTwoFactorEnrolmentSetup() {
  return useMutation({
    mutationFn: (challenge: string) =>
      apiClient.post<TwoFactorSetupView>('/api/auth/login/two-factor/setup', { challenge }, PUBLIC),
  });
}

/** Confirms enrolment; the session opens, and the recovery codes come back once. */
export function useTwoFactorEnrolmentConfirm() {
  return useMutation({
    mutationFn: (request: TwoFactorEnrolmentConfirmRequest) =>
      apiClient.post<EnrolledSessionView>('/api/auth/login/two-factor/confirm', request, PUBLIC),
  });
}
