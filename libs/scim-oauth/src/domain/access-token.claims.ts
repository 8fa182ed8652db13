import { SCIM_SCOPE } from './token-request';

export type CredentialType = 'client' | 'federated';

/** What an access token says, beyond the registered claims jose sets. */
export interface AccessTokenClaims {
  iss: string;
  aud: string;
  /** The client_id, or the federated credential's id. */
  sub: string;
  org: string;
  /** The credential's row id: what revocation is checked against. */
  cid: string;
  ctype: CredentialType;
  /** The client secret that was presented, so revoking a secret ends its tokens too. */
  sid?: string;
  scope: typeof SCIM_SCOPE;
  iat: number;
  exp: number;
  jti: string;
}

export interface AccessTokenSubject {
  organizationId: string;
  credentialType: CredentialType;
  credentialId: string;
  /** The client_id, or the federated credential's id. */
  subject: string;
  secretId?: string;
  lifetimeMinutes: number;
}

/** The RFC 9068-style claims of an access token for one org's SCIM API. */
export function accessTokenClaims(
  subject: AccessTokenSubject,
  context: { issuer: string; audience: string; now: Date; jti: string },
): AccessTokenClaims {
  const iat = Math.floor(context.now.getTime() / 1000);
  return {
    iss: context.issuer,
    aud: context.audience,
    sub: subject.subject,
    org: subject.organizationId,
    cid: subject.credentialId,
    ctype: subject.credentialType,
    ...(subject.secretId ? { sid: subject.secretId } : {}),
    scope: SCIM_SCOPE,
    iat,
    exp: iat + subject.lifetimeMinutes * 60,
    jti: context.jti,
  };
}

/** Reads verified claims back into a subject; anything off-shape is not our token. */
export function readAccessTokenClaims(payload: Record<string, unknown>):
  | {
      organizationId: string;
      credentialType: CredentialType;
      credentialId: string;
      subject: string;
      secretId?: string;
    }
  | undefined {
  const { org, cid, ctype, sub, sid, scope } = payload;
  if (typeof org !== 'string' || typeof cid !== 'string' || typeof sub !== 'string')
    return undefined;
  if (ctype !== 'client' && ctype !== 'federated') return undefined;
  if (scope !== SCIM_SCOPE) return undefined;
  if (sid !== undefined && typeof sid !== 'string') return undefined;
  return {
    organizationId: org,
    credentialType: ctype,
    credentialId: cid,
    subject: sub,
    ...(sid ? { secretId: sid } : {}),
  };
}
