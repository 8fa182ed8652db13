/** RFC 6749 §5.2 error codes of the token endpoint. */
export type OAuthTokenErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unsupported_grant_type'
  | 'invalid_scope';

/**
 * The token endpoint refuses a request. The description is safe to show: it never says which
 * half of a credential was wrong and never repeats a secret or an assertion.
 */
export class OAuthTokenError extends Error {
  constructor(
    readonly code: OAuthTokenErrorCode,
    readonly description: string,
    /** The client authenticated with HTTP Basic: RFC 6749 §5.2 wants a Basic challenge on 401. */
    readonly basicChallenge = false,
  ) {
    super(description);
    this.name = 'OAuthTokenError';
  }
}
