import { Injectable } from '@nestjs/common';
import { jwtVerify } from 'jose';
import { readAccessTokenClaims, type CredentialType } from '../domain/access-token.claims';
import type { OAuthEndpoints } from '../domain/oauth-endpoints';
import { CredentialStatusCache } from '../keys/credential-status.cache';
import {
  ACCESS_TOKEN_ALGORITHM,
  ACCESS_TOKEN_TYPE,
  SigningKeyRing,
} from '../keys/signing-key.ring';

/** The organization and credential behind a valid access token. */
export interface ScimAccessTokenPrincipal {
  organizationId: string;
  credentialType: CredentialType;
  credentialId: string;
  /** What the provisioning log shows: the client_id, or `wif_` + the credential id's start. */
  credentialLabel: string;
}

/**
 * Checks an access token on a SCIM request: signature, `iss`, `aud`, `exp` and `typ` in
 * memory, then whether its credential is still live through a 30-second cache, so the hot
 * path reads no table.
 */
@Injectable()
export class AuthenticateScimAccessToken {
  constructor(
    private readonly keyRing: SigningKeyRing,
    private readonly credentialStatus: CredentialStatusCache,
  ) {}

  async execute(
    token: string,
    endpoints: Pick<OAuthEndpoints, 'issuer' | 'scimAudience'>,
  ): Promise<ScimAccessTokenPrincipal | null> {
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(
        token,
        async (header) => {
          const key = await this.keyRing.verificationKey(header.kid);
          if (!key) throw new Error('unknown kid');
          return key;
        },
        {
          issuer: endpoints.issuer,
          audience: endpoints.scimAudience,
          algorithms: [ACCESS_TOKEN_ALGORITHM],
          typ: ACCESS_TOKEN_TYPE,
          requiredClaims: ['exp', 'iat', 'jti', 'sub'],
        },
      ));
    } catch {
      return null;
    }
    const claims = readAccessTokenClaims(payload);
    if (!claims) return null;
    if (!(await this.credentialStatus.isLive(claims))) return null;
    return {
      organizationId: claims.organizationId,
      credentialType: claims.credentialType,
      credentialId: claims.credentialId,
      credentialLabel:
        claims.credentialType === 'client'
          ? claims.subject.slice(0, 16)
          : `wif_${claims.credentialId.slice(0, 8)}`,
    };
  }
}
