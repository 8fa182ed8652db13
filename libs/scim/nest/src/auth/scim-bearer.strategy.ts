import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-http-bearer';
import { AuthenticateScimToken, type ScimPrincipal } from '@rollcall/organizations';
import {
  AuthenticateScimAccessToken,
  looksLikeJwt,
  oauthEndpoints,
  type OAuthEndpoints,
} from '@rollcall/scim-oauth';
import { SCIM_OPTIONS, type ScimModuleOptions } from '../scim.options';

export const SCIM_BEARER_STRATEGY = 'scim-bearer';

/**
 * A SCIM request's bearer is either a Secret Token (`rcs_…`, looked up by hash) or an OAuth
 * access token from /oauth/token (a JWT, checked in memory). Both name one organization.
 */
@Injectable()
export class ScimBearerStrategy extends PassportStrategy(Strategy, SCIM_BEARER_STRATEGY) {
  private readonly endpoints: OAuthEndpoints;

  constructor(
    private readonly authenticateToken: AuthenticateScimToken,
    private readonly authenticateAccessToken: AuthenticateScimAccessToken,
    @Inject(SCIM_OPTIONS) options: ScimModuleOptions,
  ) {
    super();
    this.endpoints = oauthEndpoints(options.publicUrl);
  }

  async validate(token: string): Promise<ScimPrincipal | false> {
    if (looksLikeJwt(token)) {
      const principal = await this.authenticateAccessToken.execute(token, this.endpoints);
      if (!principal) return false;
      // The provisioning log names the credential (client_id or `wif_…`), never the token.
      return {
        organizationId: principal.organizationId,
        tokenId: principal.credentialId,
        tokenPrefix: principal.credentialLabel,
      };
    }
    return (await this.authenticateToken.execute(token)) ?? false;
  }
}
