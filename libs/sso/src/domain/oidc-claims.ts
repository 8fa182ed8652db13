import type { FederatedIdentity } from './federated-identity';

/**
 * A generic provider's ID token claims as an identity. `sub` is the stable key; the e-mail is a
 * match key only when `email_verified` is exactly boolean `true` (OpenID Connect Core §5.1):
 * missing, `false`, or a string such as "true" or "False" all count as unverified, since an
 * IdP that lets people type any address must not let them claim someone else's account.
 * `preferred_username` is never used to match (Core §5.1: "MUST NOT rely upon this value
 * being unique").
 */
export function oidcIdentity(issuer: string, claims: Record<string, unknown>): FederatedIdentity {
  const subject = stringClaim(claims['sub']) ?? '';
  const email = stringClaim(claims['email']);
  const verifiedEmail = email && claims['email_verified'] === true ? email : null;
  return {
    provider: 'oidc',
    issuer,
    subject,
    verifiedEmail,
    userPrincipalName: null,
    objectId: null,
    displayName: stringClaim(claims['name']),
    label: email ?? stringClaim(claims['preferred_username']) ?? subject,
  };
}

export function stringClaim(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}
