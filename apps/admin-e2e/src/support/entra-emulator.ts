import { loadApiE2eSupport } from './api-e2e-support';

/** Who "signs in to Microsoft" on the emulator's next authorize request. */
export interface EmulatedAccount {
  tenantId: string;
  oid: string;
  preferredUsername: string;
  email?: string;
}

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
 * template, PKCE enforced, RS256 ID tokens with `tid`/`oid`), in this process.
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
