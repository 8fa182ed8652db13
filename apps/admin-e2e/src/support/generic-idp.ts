import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const WORKSPACE = resolve(__dirname, '../../../..');
// The API suites' OpenID provider (oidc-provider, ESM-only) run as a plain `node` child: this
// project compiles with rootDir src and imports nothing from another project.
const GENERIC_IDP = join(WORKSPACE, 'apps/api-e2e/src/support/oidc-provider/generic-idp.mjs');

export interface IdpAccountClaims {
  email?: string;
  email_verified?: boolean;
  name?: string;
  preferred_username?: string;
}

/**
 * A real OpenID Connect provider (like Okta or Keycloak: one issuer, PKCE required, a
 * confidential client) on a free loopback port. Sign-in and consent complete on their own as
 * the account chosen with `loginAs`, so the browser goes straight back to Rollcall.
 */
export class GenericIdp {
  private constructor(
    private readonly child: ChildProcess,
    readonly issuer: string,
  ) {}

  static async start(options: {
    clientId: string;
    clientSecret: string;
    redirectUris: string[];
  }): Promise<GenericIdp> {
    const child = spawn(process.execPath, [GENERIC_IDP, JSON.stringify(options)], {
      cwd: WORKSPACE,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const issuer = await new Promise<string>((resolveIssuer, reject) => {
      const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
      lines.once('line', (line) => resolveIssuer((JSON.parse(line) as { issuer: string }).issuer));
      child.once('exit', (code) => reject(new Error(`the IdP exited (${code}): ${stderr}`)));
    });
    return new GenericIdp(child, issuer);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((done) => this.child.once('exit', () => done()));
    this.child.kill();
    await exited;
  }

  addAccount(sub: string, claims: IdpAccountClaims): Promise<void> {
    return this.control('/__test/accounts', { sub, claims });
  }

  /** The account the next sign-in at the IdP completes as. */
  loginAs(sub: string): Promise<void> {
    return this.control('/__test/login-as', { sub });
  }

  private async control(path: string, body: unknown): Promise<void> {
    const response = await fetch(`${this.issuer}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status !== 204) throw new Error(`IdP control ${path}: ${response.status}`);
  }
}
