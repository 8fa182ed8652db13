import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ACCESS_TOKEN_ALGORITHM,
  ASSERTION_ALGORITHMS,
  GRANT_CLIENT_CREDENTIALS,
  GRANT_JWT_BEARER,
  SCIM_SCOPE,
  SigningKeyRing,
  oauthEndpoints,
} from '@rollcall/scim-oauth';
import { SCIM_OPTIONS, type ScimModuleOptions } from '../scim.options';

/** What a client reads before asking for a token: RFC 8414 metadata and the public keys. */
@ApiTags('OAuth 2.0 (SCIM)')
@Controller()
export class OAuthMetadataController {
  constructor(
    @Inject(SCIM_OPTIONS) private readonly options: ScimModuleOptions,
    private readonly keyRing: SigningKeyRing,
  ) {}

  @Get('oauth/jwks')
  // Short enough that a rotated-in key is seen well before it signs (it is published 2 days ahead).
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({
    summary: 'Rollcall’s public signing keys (JWKS)',
    description: 'The keys access tokens are signed with; public halves only.',
  })
  @ApiOkResponse({ description: 'An RFC 7517 JWK Set.' })
  jwks() {
    return this.keyRing.jwks();
  }

  @Get('.well-known/oauth-authorization-server')
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({ summary: 'Authorization server metadata (RFC 8414)' })
  @ApiOkResponse({ description: 'Issuer, token endpoint, JWKS and what they support.' })
  metadata() {
    const endpoints = oauthEndpoints(this.options.publicUrl);
    return {
      issuer: endpoints.issuer,
      token_endpoint: endpoints.tokenEndpoint,
      jwks_uri: endpoints.jwksUri,
      scopes_supported: [SCIM_SCOPE],
      // No authorization endpoint: machine-to-machine grants only.
      response_types_supported: [],
      grant_types_supported: [GRANT_CLIENT_CREDENTIALS, GRANT_JWT_BEARER],
      token_endpoint_auth_methods_supported: [
        'client_secret_basic',
        'client_secret_post',
        'private_key_jwt',
      ],
      token_endpoint_auth_signing_alg_values_supported: ASSERTION_ALGORITHMS,
      access_token_signing_alg_values_supported: [ACCESS_TOKEN_ALGORITHM],
      service_documentation: `${endpoints.issuer}/api/docs`,
    };
  }
}
