import { Controller, Get, Header, Inject, Param, Query, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiFoundResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  AuthenticateAdminSession,
  GetOrganizationSignIn,
  GetSsoAvailability,
  SignInWithOidc,
  StartOidcSignIn,
  samlServiceProviderUrls,
} from '@rollcall/sso';
import { ADMIN_API_OPTIONS, type AdminApiOptions } from '../admin-api.options';
import { readSessionCookie } from '../auth/session.cookie';
import { ApiErrorDto } from '../http/api-error.dto';
import { oidcLinks, oidcRedirectUri } from './oidc-provider.dto';
import { RefusedSignInRecorder, requestIdOf } from './refused-sign-in.recorder';
import { OrganizationSignInDto } from './organization-sign-in.dto';
import { browserBoundState } from './oidc-state.cookie';
import { SignInStartLimitGuard } from './sign-in-start.limit.guard';
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
    private readonly authenticateAdmin: AuthenticateAdminSession,
    private readonly refusals: RefusedSignInRecorder,
    @Inject(ADMIN_API_OPTIONS) private readonly options: AdminApiOptions,
  ) {}

  @Get('providers/:orgSlug')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'What an organization’s sign-in page offers (public)',
    description:
      'For `/login?org={slug}`: the custom provider’s button, Microsoft, SAML, Require SSO.',
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
      saml: signIn.samlConnected
        ? {
            signInUrl: samlServiceProviderUrls(this.options.publicUrl, signIn.organization.slug)
              .signInUrl,
          }
        : null,
      requireSso: signIn.requireSso,
    };
  }

  // Declared before `oidc/:orgSlug`, which would otherwise take "callback" for a slug.
  @Get('oidc/callback')
  @ApiOperation({
    summary: 'Every org’s custom provider returns here',
    description:
      'The state names the org. Only an admin who linked this account (issuer, sub) gets the dashboard session; a user linked by (issuer, sub), or at first sign-in matched by an e-mail with `email_verified: true` against userName or work e-mail (never preferred_username), or created just in time for a verified address in one of the org’s JIT domains, gets a member session. Refusals redirect to `/signin?error=<code>`: `account_deactivated`, `not_provisioned`, `identity_conflict` (the address belongs to someone linked to another account; recorded in the provisioning log), `state_invalid`, `token_invalid`, `provider_not_found`, `provider_unavailable`. A round trip started by “Link my account” ends on `/sso?linked=oidc` or `/sso?error=<code>`.',
  })
  @ApiFoundResponse({ description: 'To the dashboard, or to the sign-in page with an error.' })
  async callback(
    @Query() query: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const sessionSecret = readSessionCookie(request.headers.cookie, this.secure(request)) ?? null;
    await endSignInCallback(
      response,
      this.secure(request),
      async () => {
        const admin = await this.authenticateAdmin.execute(sessionSecret);
        return this.signIn.execute({
          state: browserBoundState(query['state'], request.headers.cookie, this.secure(request)),
          code: query['code'],
          error: query['error'],
          iss: query['iss'],
          redirectUri: oidcRedirectUri(this.options.publicUrl),
          ipAddress: request.ip ?? null,
          userAgent: request.get('user-agent') ?? null,
          previousSessionSecret: sessionSecret,
          signedInAdmin: admin
            ? { adminId: admin.admin.id, organizationId: admin.organization.id }
            : null,
        });
      },
      (error) =>
        this.refusals.recordIfRefused(error, '/api/auth/oidc/callback', requestIdOf(request)),
    );
  }

  @Get('oidc/:orgSlug')
  @UseGuards(SignInStartLimitGuard)
  @ApiOperation({
    summary: 'Sign in with the organization’s custom OIDC provider: redirects to it',
    description: 'Authorization code + PKCE S256, state and nonce.',
  })
  @ApiFoundResponse({ description: 'To the provider.' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'OIDC_PROVIDER_NOT_FOUND' })
  @ApiTooManyRequestsResponse({
    type: ApiErrorDto,
    description:
      'TOO_MANY_ATTEMPTS: too many sign-ins started from this address (SIGN_IN_START_LIMIT).',
  })
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
