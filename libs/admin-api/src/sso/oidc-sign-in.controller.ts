import { Controller, Get, Header, Inject, Param, Query, Req, Res } from '@nestjs/common';
import {
  ApiFoundResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  GetOrganizationSignIn,
  GetSsoAvailability,
  SignInWithOidc,
  StartOidcSignIn,
} from '@rollcall/sso';
import { ADMIN_API_OPTIONS, type AdminApiOptions } from '../admin-api.options';
import { readSessionCookie } from '../auth/session.cookie';
import { ApiErrorDto } from '../http/api-error.dto';
import { oidcLinks, oidcRedirectUri } from './oidc-provider.dto';
import { OrganizationSignInDto } from './organization-sign-in.dto';
import { browserBoundState } from './oidc-state.cookie';
import { endSignInCallback, redirectToProvider } from './sso-sign-in.response';

/** Sign-in through an org's custom OpenID Connect provider, and the org's sign-in page data. */
@ApiTags('Sign in with OIDC')
@Controller('api/auth')
export class OidcSignInController {
  constructor(
    private readonly startSignIn: StartOidcSignIn,
    private readonly signIn: SignInWithOidc,
    private readonly getOrganizationSignIn: GetOrganizationSignIn,
    private readonly getAvailability: GetSsoAvailability,
    @Inject(ADMIN_API_OPTIONS) private readonly options: AdminApiOptions,
  ) {}

  @Get('providers/:orgSlug')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'What an organization’s sign-in page offers (public)',
    description: 'For `/login?org={slug}`: the custom provider’s button, Microsoft, Require SSO.',
  })
  @ApiOkResponse({ type: OrganizationSignInDto })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'SSO_ORGANIZATION_NOT_FOUND' })
  async organizationProviders(@Param('orgSlug') slug: string): Promise<OrganizationSignInDto> {
    const signIn = await this.getOrganizationSignIn.execute(slug);
    return {
      organization: signIn.organization,
      microsoft: signIn.microsoftConnected && this.getAvailability.execute().microsoft,
      oidc: signIn.oidc && {
        displayName: signIn.oidc.displayName,
        signInUrl: oidcLinks(this.options.publicUrl, signIn.organization.slug).signInUrl,
      },
      requireSso: signIn.requireSso,
    };
  }

  // Declared before `oidc/:orgSlug`, which would otherwise take "callback" for a slug.
  @Get('oidc/callback')
  @ApiOperation({
    summary: 'Every org’s custom provider returns here',
    description:
      'The state names the org. An org admin (by verified e-mail) gets the dashboard session; a user linked by (issuer, sub), or at first sign-in matched by verified e-mail / preferred_username against userName or work e-mail, or created just in time when the policy allows it, gets a member session. Refusals redirect to `/signin?error=<code>`: `account_deactivated`, `not_provisioned`, `state_invalid`, `token_invalid`, `provider_not_found`, `provider_unavailable`.',
  })
  @ApiFoundResponse({ description: 'To the dashboard, or to the sign-in page with an error.' })
  async callback(
    @Query() query: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await endSignInCallback(response, this.secure(request), () =>
      this.signIn.execute({
        state: browserBoundState(query['state'], request.headers.cookie),
        code: query['code'],
        error: query['error'],
        iss: query['iss'],
        redirectUri: oidcRedirectUri(this.options.publicUrl),
        ipAddress: request.ip ?? null,
        userAgent: request.get('user-agent') ?? null,
        previousSessionSecret: readSessionCookie(request.headers.cookie) ?? null,
      }),
    );
  }

  @Get('oidc/:orgSlug')
  @ApiOperation({
    summary: 'Sign in with the organization’s custom OIDC provider: redirects to it',
    description: 'Authorization code + PKCE S256, state and nonce.',
  })
  @ApiFoundResponse({ description: 'To the provider.' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'OIDC_PROVIDER_NOT_FOUND' })
  async start(
    @Param('orgSlug') slug: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const started = await this.startSignIn.execute({
      organizationSlug: slug,
      redirectUri: oidcRedirectUri(this.options.publicUrl),
    });
    redirectToProvider(response, started, this.secure(request));
  }

  private secure(request: Request): boolean {
    return request.secure || this.options.publicUrl.startsWith('https:');
  }
}
