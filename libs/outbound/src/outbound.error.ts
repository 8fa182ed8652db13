export type OutboundErrorCode =
  | 'URL_INVALID'
  | 'ADDRESS_RESTRICTED'
  | 'REDIRECT_REFUSED'
  | 'RESPONSE_STATUS'
  | 'RESPONSE_TOO_LARGE'
  | 'RESPONSE_INVALID'
  | 'TIMEOUT'
  | 'NETWORK';

/**
 * An outbound fetch was refused or failed. The message is for the server log only and never
 * holds what the remote side sent; callers answer with their own generic text.
 */
export class OutboundError extends Error {
  constructor(
    readonly code: OutboundErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'OutboundError';
  }
}
