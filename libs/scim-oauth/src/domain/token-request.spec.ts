import { OAuthTokenError } from './oauth-token.error';
import {
  CLIENT_ASSERTION_TYPE_JWT_BEARER,
  GRANT_JWT_BEARER,
  parseTokenRequest,
} from './token-request';

function basic(id: string, secret: string): string {
  const encode = (v: string) => encodeURIComponent(v).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${encode(id)}:${encode(secret)}`).toString('base64')}`;
}

function refusal(form: Record<string, unknown>, authorization?: string): OAuthTokenError {
  try {
    parseTokenRequest(form, authorization);
  } catch (error) {
    if (error instanceof OAuthTokenError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('parseTokenRequest', () => {
  it('reads client_secret_basic, form-decoding both halves (RFC 6749 §2.3.1)', () => {
    expect(
      parseTokenRequest({ grant_type: 'client_credentials' }, basic('rcc_a b', 's:e+c/r%t')),
    ).toEqual({
      type: 'client_secret',
      method: 'client_secret_basic',
      clientId: 'rcc_a b',
      clientSecret: 's:e+c/r%t',
    });
  });

  it('reads client_secret_post', () => {
    expect(
      parseTokenRequest(
        {
          grant_type: 'client_credentials',
          client_id: 'rcc_x',
          client_secret: 'rccs_y',
          scope: 'scim',
        },
        undefined,
      ),
    ).toEqual({
      type: 'client_secret',
      method: 'client_secret_post',
      clientId: 'rcc_x',
      clientSecret: 'rccs_y',
    });
  });

  it('reads the JWT bearer grant and the JWT client assertion', () => {
    expect(
      parseTokenRequest({ grant_type: GRANT_JWT_BEARER, assertion: 'a.b.c' }, undefined),
    ).toEqual({ type: 'jwt_bearer', via: 'grant', assertion: 'a.b.c' });
    expect(
      parseTokenRequest(
        {
          grant_type: 'client_credentials',
          client_assertion_type: CLIENT_ASSERTION_TYPE_JWT_BEARER,
          client_assertion: 'a.b.c',
          client_id: 'anything',
        },
        undefined,
      ),
    ).toEqual({ type: 'jwt_bearer', via: 'client_assertion', assertion: 'a.b.c' });
  });

  it.each([
    ['no grant_type', {}, undefined, 'invalid_request'],
    ['an unknown grant', { grant_type: 'password' }, undefined, 'unsupported_grant_type'],
    [
      'authorization_code',
      { grant_type: 'authorization_code' },
      undefined,
      'unsupported_grant_type',
    ],
    [
      'a repeated parameter',
      { grant_type: ['client_credentials', 'client_credentials'] },
      undefined,
      'invalid_request',
    ],
    [
      'another scope',
      { grant_type: 'client_credentials', scope: 'scim admin' },
      basic('a', 'b'),
      'invalid_scope',
    ],
    ['no client authentication', { grant_type: 'client_credentials' }, undefined, 'invalid_client'],
    [
      'a client_id without secret',
      { grant_type: 'client_credentials', client_id: 'rcc_x' },
      undefined,
      'invalid_client',
    ],
    [
      'Basic and post together',
      { grant_type: 'client_credentials', client_id: 'a', client_secret: 'b' },
      basic('a', 'b'),
      'invalid_request',
    ],
    [
      'a secret and an assertion together',
      {
        grant_type: 'client_credentials',
        client_id: 'a',
        client_secret: 'b',
        client_assertion_type: CLIENT_ASSERTION_TYPE_JWT_BEARER,
        client_assertion: 'x.y.z',
      },
      undefined,
      'invalid_request',
    ],
    [
      'a wrong assertion type',
      {
        grant_type: 'client_credentials',
        client_assertion_type: 'urn:other',
        client_assertion: 'x.y.z',
      },
      undefined,
      'invalid_request',
    ],
    [
      'an assertion type without assertion',
      { grant_type: 'client_credentials', client_assertion_type: CLIENT_ASSERTION_TYPE_JWT_BEARER },
      undefined,
      'invalid_request',
    ],
    [
      'a JWT grant without assertion',
      { grant_type: GRANT_JWT_BEARER },
      undefined,
      'invalid_request',
    ],
    [
      'a JWT grant with a secret too',
      { grant_type: GRANT_JWT_BEARER, assertion: 'x.y.z' },
      basic('a', 'b'),
      'invalid_request',
    ],
    [
      'a client_id differing from Basic',
      { grant_type: 'client_credentials', client_id: 'other' },
      basic('a', 'b'),
      'invalid_request',
    ],
  ])('refuses %s', (_name, form, authorization, code) => {
    expect(refusal(form, authorization).code).toBe(code);
  });

  it.each([
    ['not Basic', 'Bearer abc'],
    ['no colon', `Basic ${Buffer.from('justanid').toString('base64')}`],
    ['an empty secret', `Basic ${Buffer.from('rcc_x:').toString('base64')}`],
    ['bad percent-encoding', `Basic ${Buffer.from('rcc_x:%E0%A4%A').toString('base64')}`],
  ])(
    'answers malformed Basic credentials (%s) with invalid_client and a Basic challenge',
    (_n, header) => {
      const error = refusal({ grant_type: 'client_credentials' }, header);
      expect(error.code).toBe('invalid_client');
      expect(error.basicChallenge).toBe(true);
    },
  );

  it('never repeats the secret in an error description', () => {
    const error = refusal(
      { grant_type: 'client_credentials', client_id: 'a', client_secret: 'rccs_SECRET' },
      basic('a', 'rccs_SECRET'),
    );
    expect(error.description).not.toContain('SECRET');
  });
});
