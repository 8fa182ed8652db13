import { CreateOAuthClient } from '@rollcall/scim-oauth';
import type { TestApi, TestOrganization } from './test-api';

/** An RFC 6749 §5.2 error body of the token endpoint. */
export interface OAuthErrorJson {
  error: string;
  error_description: string;
}

export interface OAuthTokenJson {
  access_token: string;
  token_type: string;
  expires_in: number;
  scope: string;
}

/** RFC 6749 §2.3.1: each half form-urlencoded, then `id:secret` in base64. */
export function basicCredentials(clientId: string, clientSecret: string): string {
  const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${encode(clientId)}:${encode(clientSecret)}`).toString('base64')}`;
}

/** `POST /oauth/token` with a form body, as Entra's provisioning service sends it. */
export function requestToken(
  api: TestApi,
  form: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${api.baseUrl}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
  });
}

/** The access token of a successful token response; fails with the error body otherwise. */
export async function accessTokenOf(response: Response | Promise<Response>): Promise<string> {
  const settled = await response;
  const text = await settled.text();
  if (settled.status !== 200) throw new Error(`token request: ${settled.status} ${text}`);
  return (JSON.parse(text) as OAuthTokenJson).access_token;
}

/** A client_credentials grant with client_secret_basic. */
export function clientCredentialsToken(
  api: TestApi,
  clientId: string,
  clientSecret: string,
): Promise<string> {
  return accessTokenOf(
    requestToken(
      api,
      { grant_type: 'client_credentials', scope: 'scim' },
      { Authorization: basicCredentials(clientId, clientSecret) },
    ),
  );
}

/**
 * Caches an access token from `fetchToken` and asks for a new one a minute before it
 * expires, the way Entra's provisioning service renews its tokens.
 */
export function renewingBearer(fetchToken: () => Promise<Response>): () => Promise<string> {
  let current: { token: string; renewAt: number } | undefined;
  return async () => {
    if (!current || Date.now() >= current.renewAt) {
      const response = await fetchToken();
      const text = await response.text();
      if (response.status !== 200) throw new Error(`token request: ${response.status} ${text}`);
      const body = JSON.parse(text) as OAuthTokenJson;
      current = {
        token: body.access_token,
        renewAt: Date.now() + (body.expires_in - 60) * 1000,
      };
    }
    return `Bearer ${current.token}`;
  };
}

/**
 * The OAuth client credentials scheme for an organization: a client is created (through the
 * use case the dashboard calls, skipping a slow admin sign-in), and every request carries an
 * access token from /oauth/token.
 */
export async function authorizeWithClientCredentials(
  api: TestApi,
  org: TestOrganization,
): Promise<() => Promise<string>> {
  const { client, clientSecret } = await api.app.get(CreateOAuthClient).execute({
    organizationId: org.orgId,
    name: 'Entra provisioning',
    actor: 'admin:test@example.com',
  });
  return renewingBearer(() =>
    requestToken(
      api,
      { grant_type: 'client_credentials', scope: 'scim' },
      { Authorization: basicCredentials(client.clientId, clientSecret) },
    ),
  );
}
