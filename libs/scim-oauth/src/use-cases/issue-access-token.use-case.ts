import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { accessTokenClaims, type AccessTokenSubject } from '../domain/access-token.claims';
import type { OAuthEndpoints } from '../domain/oauth-endpoints';
import { OAuthTokenError } from '../domain/oauth-token.error';
import { SCIM_SCOPE, type TokenGrant } from '../domain/token-request';
import { ClientSecretAuthenticator } from '../keys/client-secret.authenticator';
import {
  AssertionRejected,
  FederatedAssertionVerifier,
} from '../keys/federated-assertion.verifier';
import { SigningKeyRing } from '../keys/signing-key.ring';

export interface IssuedAccessToken {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  scope: typeof SCIM_SCOPE;
}

/**
 * The token endpoint's work: authenticate the grant (a client secret, or a federated JWT),
 * then sign a short-lived access token for that organization's SCIM API.
 */
@Injectable()
export class IssueAccessToken {
  private readonly logger = new Logger(IssueAccessToken.name);

  constructor(
    private readonly clientSecrets: ClientSecretAuthenticator,
    private readonly assertions: FederatedAssertionVerifier,
    private readonly keyRing: SigningKeyRing,
  ) {}

  async execute(
    grant: TokenGrant,
    endpoints: Pick<OAuthEndpoints, 'issuer' | 'scimAudience'>,
  ): Promise<IssuedAccessToken> {
    const subject = await this.authenticate(grant);
    const claims = accessTokenClaims(subject, {
      issuer: endpoints.issuer,
      audience: endpoints.scimAudience,
      now: new Date(),
      jti: randomUUID(),
    });
    return {
      accessToken: await this.keyRing.sign(claims),
      tokenType: 'Bearer',
      expiresIn: claims.exp - claims.iat,
      scope: SCIM_SCOPE,
    };
  }

  private async authenticate(grant: TokenGrant): Promise<AccessTokenSubject> {
    switch (grant.type) {
      case 'client_secret':
        return this.clientSecrets.authenticate(
          grant.clientId,
          grant.clientSecret,
          grant.method === 'client_secret_basic',
        );
      case 'jwt_bearer':
        try {
          return await this.assertions.verify(grant.assertion);
        } catch (error) {
          if (!(error instanceof AssertionRejected)) throw error;
          this.logger.debug({ reason: error.message }, 'JWT assertion refused');
          // RFC 7523 §3.1: a bad grant is invalid_grant; a bad client assertion invalid_client.
          throw grant.via === 'grant'
            ? new OAuthTokenError('invalid_grant', 'The assertion is not valid.')
            : new OAuthTokenError('invalid_client', 'Client authentication failed.');
        }
    }
  }
}
