export interface ScimModuleOptions {
  /** The public origin, e.g. `https://rollcall.example.com`; the Tenant URL is this + /scim/v2. */
  publicUrl: string;
  /** Largest page a list returns (advertised as filter.maxResults). */
  maxResults: number;
  /** Largest request body accepted, in bytes (advertised as bulk.maxPayloadSize). */
  maxPayloadBytes: number;
}

export const SCIM_OPTIONS = Symbol('SCIM_OPTIONS');
export const SCIM_BASE_PATH = 'scim/v2';

export function scimBaseUrl(options: ScimModuleOptions): string {
  return `${options.publicUrl.replace(/\/+$/, '')}/${SCIM_BASE_PATH}`;
}
