import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** The claims an account of the IdP releases (besides `sub`). */
export interface IdpAccountClaims {
  email?: string;
  /** Any JSON value: providers that send "true"/"False" strings are part of what is tested. */
  email_verified?: boolean | string;
  name?: string;
  preferred_username?: string;
}

export interface GenericIdpOptions {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

/**
 * A real `oidc-provider` (Okta/Keycloak-like: one fixed issuer, PKCE required, a confidential
 * client) in a child `node` process: it is ESM-only, so Jest never imports it. Sign-in and
 * consent complete automatically as the account chosen with `loginAs`.
 */
export class GenericIdp {
  private constructor(
    private readonly child: ChildProcess,
    readonly issuer: string,
    readonly clientId: string,
    readonly clientSecret: string,
  ) {}

  static async start(options: GenericIdpOptions): Promise<GenericIdp> {
    const child = spawn(
      process.execPath,
      [join(__dirname, 'generic-idp.mjs'), JSON.stringify(options)],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const issuer = await new Promise<string>((resolve, reject) => {
      const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
      lines.once('line', (line) => resolve((JSON.parse(line) as { issuer: string }).issuer));
      child.once('exit', (code) => reject(new Error(`generic IdP exited (${code}): ${stderr}`)));
    });
    return new GenericIdp(child, issuer, options.clientId, options.clientSecret);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill();
    await exited;
  }

  /** Creates or replaces an account. */
  addAccount(sub: string, claims: IdpAccountClaims): Promise<void> {
    return this.control('/__test/accounts', { sub, claims });
  }

  /** The account the next interactive sign-in completes as. */
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
