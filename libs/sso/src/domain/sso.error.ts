export type SsoErrorCode =
  'INVALID_CREDENTIALS' | 'TOO_MANY_ATTEMPTS' | 'UNAUTHENTICATED' | 'CSRF_TOKEN_INVALID';

/** A rule of sign-in or sessions was broken; each API edge maps the code to its own status. */
export class SsoError extends Error {
  constructor(
    readonly code: SsoErrorCode,
    message: string,
    /** For TOO_MANY_ATTEMPTS: whole seconds until an attempt is accepted again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'SsoError';
  }
}
