import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { transformFileSync } from '@swc/core';

const EMULATOR_SOURCE = resolve(
  __dirname,
  '../../../../apps/api-e2e/src/support/oidc-emulator/entra-emulator.ts',
);

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
 * template, PKCE enforced, RS256 ID tokens with `tid`/`oid`), in this process. That file lives
 * outside this project's `rootDir`, so it is compiled here with swc rather than copied.
 */
export function startEntraEmulator(): Promise<EntraEmulator> {
  const { code } = transformFileSync(EMULATOR_SOURCE, {
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
    sourceMaps: false,
  });
  const compiled = join(mkdtempSync(join(tmpdir(), 'rollcall-entra-emulator-')), 'emulator.js');
  writeFileSync(compiled, code);
  const loaded = require(compiled) as { EntraEmulator: { start(): Promise<EntraEmulator> } };
  return loaded.EntraEmulator.start();
}

/** The API's environment for an Entra app registered at the emulator. */
export function entraEnv(emulator: EntraEmulator): Record<string, string> {
  return {
    ENTRA_CLIENT_ID: emulator.clientId,
    ENTRA_CLIENT_SECRET: emulator.clientSecret,
    ENTRA_AUTHORITY: emulator.baseUrl,
  };
}
