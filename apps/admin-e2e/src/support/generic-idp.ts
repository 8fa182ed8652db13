import { loadApiE2eSupport } from './api-e2e-support';

export interface IdpAccountClaims {
  email?: string;
  email_verified?: boolean;
  name?: string;
  preferred_username?: string;
}

/** The part of the HTTP e2e suite's GenericIdp the browser tests drive. */
export interface GenericIdp {
  readonly issuer: string;
  stop(): Promise<void>;
  /** Creates or replaces an account. */
  addAccount(sub: string, claims: IdpAccountClaims): Promise<void>;
  /** The account the next sign-in at the IdP completes as. */
  loginAs(sub: string): Promise<void>;
}

/**
 * A real OpenID Connect provider (`oidc-provider` in a child `node` process, like Okta or
 * Keycloak: one issuer, PKCE required, a confidential client) on a free loopback port. Sign-in
 * and consent complete on their own as the account chosen with `loginAs`.
 */
export function startGenericIdp(options: {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}): Promise<GenericIdp> {
  return loadApiE2eSupport<{
    GenericIdp: { start(o: typeof options): Promise<GenericIdp> };
  }>('oidc-provider/generic-idp.ts').GenericIdp.start(options);
}
