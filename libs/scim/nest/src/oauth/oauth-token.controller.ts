import { Controller, Header, HttpCode, Inject, Post, Req, UseFilters } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiSecurity,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import {
  IssueAccessToken,
  OAuthTokenError,
  oauthEndpoints,
  parseTokenRequest,
} from '@rollcall/scim-oauth';
import { ScimRateLimits } from '../auth/scim-rate-limits';
import { OAUTH_CLIENT_BASIC_AUTH } from '../openapi/scim-openapi.components';
import { SCIM_OPTIONS, type ScimModuleOptions } from '../scim.options';
import { OAuthErrorDto, OAuthTokenRequestDto, OAuthTokenResponseDto } from './oauth-token.dto';
import { OAuthTokenErrorFilter } from './oauth-token.error.filter';

const RETRY_AFTER = {
  'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer', minimum: 0 } },
};

/**
 * The token endpoint for Entra's provisioning service (RFC 6749 §4.4 client credentials,
 * RFC 7523 JWT bearer): the access token it issues authenticates /scim/v2 like a secret token.
 */
@ApiTags('OAuth 2.0 (SCIM)')
@Controller('oauth')
@UseFilters(OAuthTokenErrorFilter)
export class OAuthTokenController {
  constructor(
    @Inject(SCIM_OPTIONS) private readonly options: ScimModuleOptions,
    private readonly issueAccessToken: IssueAccessToken,
    private readonly limits: ScimRateLimits,
  ) {}

  @Post('token')
  @HttpCode(200)
  // RFC 6749 §5.1: tokens and errors alike must not be cached.
  @Header('Cache-Control', 'no-store')
  @Header('Pragma', 'no-cache')
  @ApiOperation({
    summary: 'Issue an access token for the SCIM API',
    description:
      'grant_type=client_credentials with client_secret_basic or client_secret_post, or a ' +
      'federated JWT as `assertion` (grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer) ' +
      'or as `client_assertion`. Errors follow RFC 6749 §5.2.',
  })
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody({ type: OAuthTokenRequestDto })
  // HTTP Basic (client_secret_basic) or nothing: the other methods authenticate in the form.
  @ApiSecurity(OAUTH_CLIENT_BASIC_AUTH)
  @ApiSecurity({})
  @ApiOkResponse({ type: OAuthTokenResponseDto })
  @ApiBadRequestResponse({
    type: OAuthErrorDto,
    description:
      'invalid_request (also for a body that is not application/x-www-form-urlencoded), invalid_grant, unsupported_grant_type or invalid_scope.',
  })
  @ApiUnauthorizedResponse({
    type: OAuthErrorDto,
    description: 'invalid_client, with a `WWW-Authenticate: Basic` challenge when Basic was used.',
    headers: { 'WWW-Authenticate': { schema: { type: 'string' } } },
  })
  @ApiPayloadTooLargeResponse({
    type: OAuthErrorDto,
    description: 'invalid_request: body too large.',
  })
  @ApiUnsupportedMediaTypeResponse({
    type: OAuthErrorDto,
    description:
      'invalid_request: the form’s charset is neither UTF-8 nor ISO-8859-1, or its Content-Encoding is unknown.',
  })
  @ApiTooManyRequestsResponse({
    type: OAuthErrorDto,
    description:
      'slow_down: too many failed requests from this address (AUTH_FAILURE_LIMIT_PER_MINUTE, default 20 a minute); see Retry-After.',
    headers: RETRY_AFTER,
  })
  @ApiServiceUnavailableResponse({
    type: OAuthErrorDto,
    description: 'temporarily_unavailable: the database is unavailable; see Retry-After.',
    headers: RETRY_AFTER,
  })
  async token(@Req() request: Request): Promise<OAuthTokenResponseDto> {
    try {
      return await this.issue(request);
    } catch (error) {
      // Past the address's limit the failure becomes a 429 (RateLimitedError) instead.
      if (error instanceof OAuthTokenError) await this.limits.authenticationFailed(request.ip);
      throw error;
    }
  }

  private async issue(request: Request): Promise<OAuthTokenResponseDto> {
    // RFC 6749 §3.2: the parameters come form-encoded, never as JSON or a query string.
    if (!request.is('application/x-www-form-urlencoded')) {
      throw new OAuthTokenError(
        'invalid_request',
        'Send the parameters as application/x-www-form-urlencoded.',
      );
    }
    const form = (request.body ?? {}) as Record<string, unknown>;
    const grant = parseTokenRequest(form, request.headers.authorization);
    const issued = await this.issueAccessToken.execute(
      grant,
      oauthEndpoints(this.options.publicUrl),
    );
    return {
      access_token: issued.accessToken,
      token_type: issued.tokenType,
      expires_in: issued.expiresIn,
      scope: issued.scope,
    };
  }
}
