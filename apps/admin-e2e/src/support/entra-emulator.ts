import { loadApiE2eSupport } from './api-e2e-support';

/** Who "signs in to Microsoft" on the emulator's next authorize request. */
export interface EmulatedAccount {
  tenantId: string;
  oid: string;
  preferredUsername: string;
  email?: string;
  /** `xms_edov`. */
  emailDomainVerified?: boolean;
  /** `wids`: directory role template ids; connecting a tenant needs an admin role. */
  wids?: string[];
}

/** Entra's Global Administrator role template id, as `wids` lists it. */
export const GLOBAL_ADMINISTRATOR = '62e90394-69f5-4237-9190-012177145e10';

/** The part of the api-e2e suite's EntraEmulator the browser tests drive. */
export interface EntraEmulator {
  readonly baseUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  account?: EmulatedAccount;
  stop(): Promise<void>;
}

/**
 * The Entra emulator of the HTTP e2e suite (multi-tenant discovery with the `{tenantid}` issuer
 * template, PKCE enforced, RS256 ID tokens with `tid`/`oid`/`wids`/`xms_edov`), in this process.
 */
export function startEntraEmulator(): Promise<EntraEmulator> {
  return loadApiE2eSupport<{ EntraEmulator: { start(): Promise<EntraEmulator> } }>(
    'oidc-emulator/entra-emulator.ts',
  ).EntraEmulator.start();
}

/** The API's environment for an Entra app registered at the emulator. */
export function entraEnv(emulator: EntraEmulator): Record<string, string> {
  return {
    ENTRA_CLIENT_ID: emulator.clientId,
    ENTRA_CLIENT_SECRET: emulator.clientSecret,
    ENTRA_AUTHORITY: emulator.baseUrl,
  };
}
