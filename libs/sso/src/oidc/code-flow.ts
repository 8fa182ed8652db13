import { generators, type AuthorizationParameters } from 'openid-client';
import { SsoError } from '../domain/sso.error';

/** The secrets of one round trip: `state` and `nonce`, and the PKCE verifier (RFC 7636). */
export interface RoundTripSecrets {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface CodeFlowRequest extends RoundTripSecrets {
  redirectUri: string;
  prompt?: 'consent' | 'select_account';
}

/**
 * Authorization-code request parameters for any provider. PKCE S256 always, advertised or not
 * (Entra's discovery document does not say it supports it, and it does).
 */
export function codeFlowParameters(request: CodeFlowRequest): AuthorizationParameters {
  return {
    scope: 'openid profile email',
    response_type: 'code',
    response_mode: 'query',
    redirect_uri: request.redirectUri,
    state: request.state,
    nonce: request.nonce,
    code_challenge: generators.codeChallenge(request.codeVerifier),
    code_challenge_method: 'S256',
    ...(request.prompt ? { prompt: request.prompt } : {}),
  };
}

/** A failed exchange or validation; the reason names no secret (openid-client's messages don't). */
export function invalidToken(providerName: string, error: unknown): SsoError {
  const reason = error instanceof Error ? error.message : String(error);
  return new SsoError(
    'SSO_TOKEN_INVALID',
    `${providerName} sign-in could not be verified: ${reason}`,
  );
}
