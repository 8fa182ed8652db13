import {
  Body,
  Controller,
  Get,
  Header,
  Inject,
  Param,
  Post,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import {
  ApiConsumes,
  ApiFoundResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { GetSamlServiceProvider, SignInWithSaml, StartSamlSignIn } from '@rollcall/sso';
import { ADMIN_API_OPTIONS, type AdminApiOptions } from '../admin-api.options';
import { readSessionCookie } from '../auth/session.cookie';
import { ApiErrorDto } from '../http/api-error.dto';
import { RefusedSignInRecorder, requestIdOf } from './refused-sign-in.recorder';
import { SignInStartLimitGuard } from './sign-in-start.limit.guard';
import { endSignInCallback } from './sso-sign-in.response';

/**
 * SAML 2.0 single sign-on, per organization: its SP metadata, its Assertion Consumer Service
 * (HTTP-POST; SP- and IdP-initiated), and the SP-initiated start (HTTP-Redirect).
 */
@ApiTags('Sign in with SAML')
@Controller()
export class SamlSignInController {
  constructor(
    private readonly serviceProvider: GetSamlServiceProvider,
    private readonly startSignIn: StartSamlSignIn,
    private readonly signIn: SignInWithSaml,
    private readonly refusals: RefusedSignInRecorder,
    @Inject(ADMIN_API_OPTIONS) private readonly options: AdminApiOptions,
  ) {}

  @Get('saml/:orgSlug/metadata')
  @Header('Content-Type', 'application/samlmetadata+xml; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({
    summary: 'The organization’s SAML service-provider metadata (public)',
    description:
      'EntityDescriptor with entity id `PUBLIC_URL/saml/{orgSlug}`, the ACS `PUBLIC_URL/saml/{orgSlug}/acs` (HTTP-POST) and the certificate an IdP may encrypt assertions to. Upload it to an IdP that reads SP metadata.',
  })
  @ApiProduces('application/samlmetadata+xml')
  @ApiOkResponse({ description: 'The metadata XML.' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'SSO_ORGANIZATION_NOT_FOUND' })
  metadata(@Param('orgSlug') slug: string): Promise<string> {
    return this.serviceProvider.metadata(slug, this.options.publicUrl);
  }

  @Post('saml/:orgSlug/acs')
  @ApiOperation({
    summary: 'Assertion Consumer Service: the IdP posts its SAML response here',
    description:
      'HTTP-POST binding (`SAMLResponse`, optional `RelayState`), SP- or IdP-initiated. The response or its assertion must be signed by a configured certificate (SHA-256 family; SHA-1 only when allowed), name this org’s entity id as Audience and its ACS as Destination/Recipient, be within NotBefore/NotOnOrAfter (3 minutes’ skew), answer an open request of this org if it names one (InResponseTo, single-use), and not have been accepted before. Encrypted assertions are decrypted with the org’s SP key. Then: an admin who linked this account (IdP entity id, NameID) gets the dashboard session; a user linked to it, or matched once on the NameID or the asserted e-mail (userName or work e-mail), or created just in time, a member session. Refusals redirect to the org’s sign-in page, `/signin?error=<code>&org={orgSlug}`; a refused response to `/signin?error=saml_rejected&reason=<rule>&org={orgSlug}` and is recorded in the provisioning log.',
  })
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiFoundResponse({ description: 'To the dashboard, or to the sign-in page with an error.' })
  async acs(
    @Param('orgSlug') slug: string,
    @Body() body: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const secure = this.secure(request);
    const sessionSecret = readSessionCookie(request.headers.cookie, secure) ?? null;
    const samlResponse =
      typeof body === 'object' && body !== null
        ? (body as Record<string, unknown>)['SAMLResponse']
        : undefined;
    await endSignInCallback(
      response,
      secure,
      () =>
        this.signIn.execute({
          organizationSlug: slug,
          samlResponse,
          publicUrl: this.options.publicUrl,
          ipAddress: request.ip ?? null,
          userAgent: request.get('user-agent') ?? null,
          previousSessionSecret: sessionSecret,
        }),
      (error) => this.refusals.recordIfRefused(error, request.path, requestIdOf(request), 'POST'),
      slug,
    );
  }

  @Get('api/auth/saml/:orgSlug')
  @UseGuards(SignInStartLimitGuard)
  @ApiOperation({
    summary: 'Sign in with the organization’s SAML identity provider: redirects to it',
    description:
      'An AuthnRequest over the HTTP-Redirect binding; its ID is kept on the server (10 minutes, single-use), so the IdP’s cross-site POST back needs no cookie.',
  })
  @ApiFoundResponse({ description: 'To the identity provider.' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'SAML_PROVIDER_NOT_FOUND' })
  @ApiTooManyRequestsResponse({
    type: ApiErrorDto,
    description: 'TOO_MANY_ATTEMPTS: too many sign-ins started from this address.',
  })
  async start(@Param('orgSlug') slug: string, @Res() response: Response): Promise<void> {
    const started = await this.startSignIn.execute({
      publicUrl: this.options.publicUrl,
      purpose: 'saml_sign_in',
      organizationSlug: slug,
    });
    response.setHeader('Cache-Control', 'no-store');
    response.redirect(302, started.url);
  }

  private secure(request: Request): boolean {
    return request.secure || this.options.publicUrl.startsWith('https:');
  }
}
