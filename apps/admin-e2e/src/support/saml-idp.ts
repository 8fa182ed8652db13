import { mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { transformFileSync } from '@swc/core';

const WORKSPACE = resolve(__dirname, '../../../..');
const SAML_TESTING = join(WORKSPACE, 'libs/sso/src/saml/testing');

/** Microsoft Entra's default NameID format: the user principal name as an e-mail address. */
export const EMAIL_NAME_ID_FORMAT = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';

/** Who the test IdP says signed in, on its next `/sso` or `/initiate` answer. */
export interface SamlIdpAccount {
  nameId: string;
  nameIdFormat?: string;
  attributes?: Record<string, string | string[]>;
}

/** The part of `@rollcall/sso/testing`'s SamlIdp the browser tests drive. */
export interface SamlIdp {
  readonly baseUrl: string;
  readonly entityId: string;
  readonly ssoUrl: string;
  readonly metadataUrl: string;
  signInAs(account: SamlIdpAccount): void;
  /** A new signing key: the metadata lists old and new, responses are signed with the new one. */
  rolloverTo(): Promise<void>;
  stop(): Promise<void>;
}

interface SamlTestingModule {
  SamlIdp: { start(options?: { entityId?: string }): Promise<SamlIdp> };
  entraAttributes(nameId: string): Record<string, string>;
}

let loaded: SamlTestingModule | null = null;

/**
 * `libs/sso/src/saml/testing` (the `@rollcall/sso/testing` alias, which this compiled suite
 * cannot resolve), loaded into this process. Its files import each other relatively, so each
 * is compiled with swc into one temp folder under its own name; a `node_modules` link there
 * lets their packages (`@xmldom/xmldom`, `xml-crypto`, `selfsigned`…) resolve from the
 * workspace. Every file is required at once, so the folder is removed right after.
 */
function samlTesting(): SamlTestingModule {
  if (loaded) return loaded;
  const folder = mkdtempSync(join(tmpdir(), 'rollcall-saml-testing-'));
  try {
    symlinkSync(join(WORKSPACE, 'node_modules'), join(folder, 'node_modules'), 'dir');
    for (const file of readdirSync(SAML_TESTING)) {
      if (!file.endsWith('.ts') || file.endsWith('.spec.ts')) continue;
      const { code } = transformFileSync(join(SAML_TESTING, file), {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'commonjs' },
        sourceMaps: false,
      });
      writeFileSync(join(folder, `${basename(file, '.ts')}.js`), code);
    }
    loaded = require(join(folder, 'index.js')) as SamlTestingModule;
    return loaded;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * A real SAML 2.0 identity provider shaped like Microsoft Entra ID on a free loopback port:
 * signed federation metadata at `metadataUrl`; `GET /sso?SAMLRequest=…` (SP-initiated) and
 * `GET /initiate?acs=…&audience=…` (IdP-initiated) answer with a page that auto-posts a signed
 * response for the account chosen with `signInAs` to the ACS.
 */
export function startSamlIdp(): Promise<SamlIdp> {
  return samlTesting().SamlIdp.start();
}

/** The claims Entra sends by default for a user principal name (e-mail, names, object id). */
export function entraAttributes(nameId: string): Record<string, string> {
  return samlTesting().entraAttributes(nameId);
}
