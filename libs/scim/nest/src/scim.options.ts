export interface ScimModuleOptions {
  /** The public origin, e.g. `https://rollcall.example.com`; the Tenant URL is this + /scim/v2. */
  publicUrl: string;
  /** Largest page a list returns (advertised as filter.maxResults). */
  maxResults: number;
  /** Largest request body accepted, in bytes (advertised as bulk.maxPayloadSize). */
  maxPayloadBytes: number;
  rateLimits: ScimRateLimitOptions;
}

export interface ScimRateLimitOptions {
  /** Requests a second per credential; 0 turns the limit off. */
  perSecond: number;
  /** Requests a minute a credential may make beyond `perSecond`. */
  burstPerMinute: number;
  /** Failed authentications a minute per client address, at /scim/v2 and /oauth/token together. */
  authFailuresPerMinute: number;
}

export const SCIM_OPTIONS = Symbol('SCIM_OPTIONS');
export const SCIM_BASE_PATH = 'scim/v2';

export function scimBaseUrl(options: ScimModuleOptions): string {
  return `${options.publicUrl.replace(/\/+$/, '')}/${SCIM_BASE_PATH}`;
}
