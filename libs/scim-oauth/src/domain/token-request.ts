import { OAuthTokenError } from './oauth-token.error';

export const GRANT_CLIENT_CREDENTIALS = 'client_credentials';
/** RFC 7523 §2.1: a JWT as an authorization grant. */
export const GRANT_JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
/** RFC 7523 §2.2: a JWT as client authentication. */
export const CLIENT_ASSERTION_TYPE_JWT_BEARER =
  'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** The one scope there is: the organization's SCIM API. */
export const SCIM_SCOPE = 'scim';

export type TokenGrant =
  | {
      type: 'client_secret';
      method: 'client_secret_basic' | 'client_secret_post';
      clientId: string;
      clientSecret: string;
    }
  | {
      type: 'jwt_bearer';
      /** As the grant itself (RFC 7523 §2.1) or as a client assertion (§2.2). */
      via: 'grant' | 'client_assertion';
      assertion: string;
    };

/** The decoded form body: express gives strings, or arrays for repeated names. */
export type TokenRequestForm = Record<string, unknown>;

/**
 * Reads a token request (RFC 6749 §4.4, RFC 7523) into one grant: which kind, and the
 * credential presented. Everything malformed is refused here, before any lookup.
 */
export function parseTokenRequest(
  form: TokenRequestForm,
  authorization: string | undefined,
): TokenGrant {
  const param = (name: string): string | undefined => {
    const value = form[name];
    if (value === undefined) return undefined;
    // RFC 6749 §3.2: request parameters MUST NOT be included more than once.
    if (typeof value !== 'string') {
      throw new OAuthTokenError(
        'invalid_request',
        `The parameter ${name} is repeated or malformed.`,
      );
    }
    return value;
  };
  const grantType = param('grant_type');
  if (!grantType) throw new OAuthTokenError('invalid_request', 'grant_type is required.');
  checkScope(param('scope'));
  const basic = authorization === undefined ? undefined : parseBasic(authorization);
  const postedId = param('client_id');
  const postedSecret = param('client_secret');
  const assertionType = param('client_assertion_type');
  const clientAssertion = param('client_assertion');

  if (grantType === GRANT_JWT_BEARER) {
    const assertion = param('assertion');
    if (!assertion) throw new OAuthTokenError('invalid_request', 'assertion is required.');
    if (basic || postedSecret || clientAssertion) {
      throw new OAuthTokenError('invalid_request', 'Only the assertion authenticates this grant.');
    }
    return { type: 'jwt_bearer', via: 'grant', assertion };
  }
  if (grantType !== GRANT_CLIENT_CREDENTIALS) {
    throw new OAuthTokenError(
      'unsupported_grant_type',
      `Supported grant types: ${GRANT_CLIENT_CREDENTIALS}, ${GRANT_JWT_BEARER}.`,
    );
  }
  const methods = [basic, postedSecret, assertionType ?? clientAssertion].filter(
    (m) => m !== undefined,
  );
  // RFC 6749 §2.3: a client MUST NOT use more than one authentication method per request.
  if (methods.length > 1) {
    throw new OAuthTokenError('invalid_request', 'Use exactly one client authentication method.');
  }
  if (assertionType !== undefined || clientAssertion !== undefined) {
    if (assertionType !== CLIENT_ASSERTION_TYPE_JWT_BEARER) {
      throw new OAuthTokenError(
        'invalid_request',
        `client_assertion_type must be ${CLIENT_ASSERTION_TYPE_JWT_BEARER}.`,
      );
    }
    if (!clientAssertion) {
      throw new OAuthTokenError('invalid_request', 'client_assertion is required.');
    }
    return { type: 'jwt_bearer', via: 'client_assertion', assertion: clientAssertion };
  }
  if (basic) {
    if (postedId !== undefined && postedId !== basic.clientId) {
      throw new OAuthTokenError('invalid_request', 'client_id differs from the Basic credentials.');
    }
    return { type: 'client_secret', method: 'client_secret_basic', ...basic };
  }
  if (!postedId || !postedSecret) {
    throw new OAuthTokenError('invalid_client', 'Client authentication is required.');
  }
  return {
    type: 'client_secret',
    method: 'client_secret_post',
    clientId: postedId,
    clientSecret: postedSecret,
  };
}

function checkScope(scope: string | undefined): void {
  if (scope === undefined) return;
  const scopes = scope.split(' ').filter(Boolean);
  if (scopes.some((s) => s !== SCIM_SCOPE)) {
    throw new OAuthTokenError('invalid_scope', `The only scope is "${SCIM_SCOPE}".`);
  }
}

// RFC 6749 §2.3.1: client_id and client_secret are form-urlencoded before Basic encoding.
function parseBasic(authorization: string): { clientId: string; clientSecret: string } {
  const match = /^Basic +([A-Za-z0-9+/=._~-]+) *$/i.exec(authorization);
  const decoded = match?.[1] ? Buffer.from(match[1], 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  if (colon <= 0) {
    throw new OAuthTokenError('invalid_client', 'The Basic credentials are malformed.', true);
  }
  try {
    const formDecode = (value: string) => decodeURIComponent(value.replace(/\+/g, ' '));
    const clientId = formDecode(decoded.slice(0, colon));
    const clientSecret = formDecode(decoded.slice(colon + 1));
    if (!clientSecret) throw new Error('empty secret');
    return { clientId, clientSecret };
  } catch {
    throw new OAuthTokenError('invalid_client', 'The Basic credentials are malformed.', true);
  }
}
