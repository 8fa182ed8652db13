/** Where Rollcall's authorization server lives, derived from the public origin. */
export interface OAuthEndpoints {
  /** `iss` of access tokens and the RFC 8414 issuer. */
  issuer: string;
  tokenEndpoint: string;
  jwksUri: string;
  /** `aud` of access tokens: the SCIM API they are good for. */
  scimAudience: string;
}

export function oauthEndpoints(publicUrl: string): OAuthEndpoints {
  const origin = publicUrl.replace(/\/+$/, '');
  return {
    issuer: origin,
    tokenEndpoint: `${origin}/oauth/token`,
    jwksUri: `${origin}/oauth/jwks`,
    scimAudience: `${origin}/scim/v2`,
  };
}

/** Three base64url segments: the shape of a JWS compact serialisation (RFC 7515 §7.1). */
export function looksLikeJwt(token: string): boolean {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(token);
}
