import { authorizeWithClientCredentials } from './oauth-token.client';
import type { TestApi, TestOrganization } from './test-api';
import { authorizeWithWorkloadIdentity } from './workload-identity-issuer';

/**
 * One way Microsoft Entra ID's provisioning service can authenticate to /scim/v2. Suites that
 * must hold for every scheme (the validator replay) run once per entry of SCIM_AUTH_SCHEMES.
 */
export interface ScimAuthScheme {
  /** Shown in test names, e.g. "secret token". */
  name: string;
  /**
   * Prepares the scheme for an organization of a started TestApi (registers a client, a
   * trusted issuer, …) and returns a function giving the current `Authorization` header
   * value. It is called before every request, so a scheme may renew short-lived tokens.
   */
  authorize(api: TestApi, org: TestOrganization): Promise<() => Promise<string>>;
}

export const SCIM_AUTH_SCHEMES: ScimAuthScheme[] = [
  {
    // The long-lived Secret Token shown in Single Sign-On settings → Provisioning.
    name: 'secret token',
    authorize: (_api, org) => Promise.resolve(() => Promise.resolve(`Bearer ${org.scimToken}`)),
  },
  {
    // OAuth 2.0 client credentials (client_secret_basic) at /oauth/token.
    name: 'oauth client credentials',
    authorize: authorizeWithClientCredentials,
  },
  {
    // RFC 7523: a JWT from a local issuer standing in for the customer's Entra tenant.
    name: 'workload identity federation',
    authorize: authorizeWithWorkloadIdentity,
  },
];
