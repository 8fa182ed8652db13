import { Controller, Get, Header, Inject, Query, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { GetSsoAvailability, SignInWithMicrosoft, StartEntraAuthorization } from '@rollcall/sso';
import { ADMIN_API_OPTIONS, type AdminApiOptions } from '../admin-api.options';
import { readSessionCookie } from '../auth/session.cookie';
import { SignInProvidersDto } from './sso.dto';
import { browserBoundState } from './oidc-state.cookie';
import { RefusedSignInRecorder } from './refused-sign-in.recorder';
import { SignInStartLimitGuard } from './sign-in-start.limit.guard';
import { endSignInCallback, redirectToProvider } from './sso-sign-in.response';

/** Sign in with Microsoft, for org admins (dashboard session) and SCIM-provisioned members. */
@ApiTags('Sign in with Microsoft')
@Controller('api/auth')
export class MicrosoftSignInController {
  constructor(
    private readonly startAuthorization: StartEntraAuthorization,
    private readonly signIn: SignInWithMicrosoft,
    private readonly getAvailability: GetSsoAvailability,
    private readonly refusals: RefusedSignInRecorder,
    @Inject(ADMIN_API_OPTIONS) private readonly options: AdminApiOptions,
  ) {}

  @Get('providers')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Sign-in providers this server offers',
    description:
      'Public: the sign-in page shows `Sign in with Microsoft` as usable only when the server has an Entra app configured.',
  })
  @ApiOkResponse({ type: SignInProvidersDto })
  providers(): SignInProvidersDto {
    return { microsoft: this.getAvailability.execute().microsoft };
  }

  @Get('microsoft')
  @UseGuards(SignInStartLimitGuard)
  @ApiOperation({
    summary: 'Sign in with Microsoft: redirects to Microsoft',
    description:
      'Authorization code + PKCE S256, state and nonce against Entra’s `organizations` endpoint.',
  })
  @ApiFoundResponse({ description: 'To Microsoft.' })
  @ApiTooManyRequestsResponse({
    description:
      'TOO_MANY_ATTEMPTS: too many sign-ins started from this address (SIGN_IN_START_LIMIT).',
  })
  async start(@Req() request: Request, @Res() response: Response): Promise<void> {
    const started = await this.startAuthorization.execute({ purpose: 'sign_in' });
    redirectToProvider(response, started, this.secure(request));
  }

  @Get('microsoft/callback')
  @ApiOperation({
    summary: 'Microsoft returns here after sign-in',
    description:
      'Only an admin who linked this Microsoft account (tenant, `oid`) gets the dashboard session cookie and goes to `/`; a SCIM-provisioned member (linked by `oid`, or at first sign-in matched by UPN against userName, `oid` against externalId where the org maps objectId there, or an `email` with `xms_edov: true`; or created just in time for a verified address in one of the org’s JIT domains) gets a member session cookie. Refusals redirect to `/signin?error=<code>`: `account_deactivated`, `not_provisioned`, `identity_conflict` (recorded in the provisioning log), `tenant_not_connected`, `state_invalid`, `token_invalid`.',
  })
  @ApiFoundResponse({ description: 'To the dashboard, or to the sign-in page with an error.' })
  async callback(
    @Query() query: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await endSignInCallback(
      response,
      this.secure(request),
      () =>
        this.signIn.execute({
          state: browserBoundState(query['state'], request.headers.cookie, this.secure(request)),
          code: query['code'],
          error: query['error'],
          ipAddress: request.ip ?? null,
          userAgent: request.get('user-agent') ?? null,
          previousSessionSecret:
            readSessionCookie(request.headers.cookie, this.secure(request)) ?? null,
        }),
      (error) => {
        const id = (request as Request & { id?: unknown }).id;
        this.refusals.recordIfRefused(
          error,
          '/api/auth/microsoft/callback',
          id === undefined || id === null ? null : String(id),
        );
      },
    );
  }

  private secure(request: Request): boolean {
    return request.secure || this.options.publicUrl.startsWith('https:');
  }
}
