export type ApiKeyErrorCode =
  | 'API_KEY_NAME_INVALID'
  | 'API_KEY_NAME_TAKEN'
  | 'API_KEY_EXPIRY_INVALID'
  | 'API_KEY_NOT_FOUND'
  /** The bearer is not a live key (unknown, revoked, expired). */
  | 'INVALID_API_KEY'
  /** A `read` key asked for a change. */
  | 'INSUFFICIENT_SCOPE'
  /** The endpoint takes an admin session only (key management, SSO, settings…). */
  | 'SESSION_REQUIRED';

/** A rule of API keys was broken; the admin API edge maps the code to its status. */
export class ApiKeyError extends Error {
  constructor(
    readonly code: ApiKeyErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiKeyError';
  }
}
