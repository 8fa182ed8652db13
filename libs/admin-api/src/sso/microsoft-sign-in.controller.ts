import { Controller, Get, Header, Inject, Query, Req, Res } from '@nestjs/common';
import {
  ApiCookieAuth,
  ApiFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  AuthenticateMemberSession,
  GetSsoAvailability,
  SignInWithMicrosoft,
  SsoError,
  StartEntraAuthorization,
} from '@rollcall/sso';
import { ADMIN_API_OPTIONS, type AdminApiOptions } from '../admin-api.options';
import { readSessionCookie, sessionCookie } from '../auth/session.cookie';
import { ApiErrorDto } from '../http/api-error.dto';
import { callbackErrorCode } from './sso-callback.redirect';
import { MemberSessionDto, SignInProvidersDto } from './sso.dto';
import {
  MEMBER_SESSION_COOKIE,
  browserBoundState,
  clearedOidcStateCookie,
  memberSessionCookie,
  oidcStateCookie,
  readMemberSessionCookie,
} from './oidc-state.cookie';

const SIGN_IN_PAGE = '/signin';

/** Sign in with Microsoft, for org admins (dashboard session) and SCIM-provisioned members. */
@ApiTags('Sign in with Microsoft')
@Controller('api/auth')
export class MicrosoftSignInController {
  constructor(
    private readonly startAuthorization: StartEntraAuthorization,
    private readonly signIn: SignInWithMicrosoft,
    private readonly authenticateMember: AuthenticateMemberSession,
    private readonly getAvailability: GetSsoAvailability,
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
  @ApiOperation({
    summary: 'Sign in with Microsoft: redirects to Microsoft',
    description:
      'Authorization code + PKCE S256, state and nonce against Entra’s `organizations` endpoint.',
  })
  @ApiFoundResponse({ description: 'To Microsoft.' })
  async start(@Req() request: Request, @Res() response: Response): Promise<void> {
    const started = await this.startAuthorization.execute({ purpose: 'sign_in' });
    response.setHeader('Cache-Control', 'no-store');
    response.append('Set-Cookie', oidcStateCookie(started.state, this.secure(request)));
    response.redirect(302, started.url);
  }

  @Get('microsoft/callback')
  @ApiOperation({
    summary: 'Microsoft returns here after sign-in',
    description:
      'An org admin (matched by e-mail) gets the dashboard session cookie and goes to `/`; a SCIM-provisioned member (linked by `oid`, or at first sign-in matched by userName or work e-mail) gets a member session cookie. Refusals redirect to `/signin?error=<code>`: `account_deactivated`, `not_provisioned`, `tenant_not_connected`, `state_invalid`, `token_invalid`.',
  })
  @ApiFoundResponse({ description: 'To the dashboard, or to the sign-in page with an error.' })
  async callback(
    @Query() query: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const secure = this.secure(request);
    response.setHeader('Cache-Control', 'no-store');
    response.append('Set-Cookie', clearedOidcStateCookie(secure));
    let target = '/';
    try {
      const result = await this.signIn.execute({
        state: browserBoundState(query['state'], request.headers.cookie),
        code: query['code'],
        error: query['error'],
        ipAddress: request.ip ?? null,
        userAgent: request.get('user-agent') ?? null,
        previousSessionSecret: readSessionCookie(request.headers.cookie) ?? null,
      });
      const maxAgeSeconds = (result.session.expiresAt.getTime() - Date.now()) / 1000;
      response.append(
        'Set-Cookie',
        result.kind === 'admin'
          ? sessionCookie(result.session.sessionSecret, { secure, maxAgeSeconds })
          : memberSessionCookie(result.session.sessionSecret, maxAgeSeconds, secure),
      );
    } catch (error) {
      target = `${SIGN_IN_PAGE}?error=${callbackErrorCode(error)}`;
    }
    response.redirect(302, target);
  }

  @Get('member-session')
  @Header('Cache-Control', 'no-store')
  @ApiCookieAuth(MEMBER_SESSION_COOKIE)
  @ApiOperation({
    summary: 'The signed-in member',
    description: 'Ends at once when SCIM deactivates or deletes the user.',
  })
  @ApiOkResponse({ type: MemberSessionDto })
  @ApiUnauthorizedResponse({ type: ApiErrorDto, description: 'UNAUTHENTICATED' })
  async memberSession(@Req() request: Request): Promise<MemberSessionDto> {
    const member = await this.authenticateMember.execute(
      readMemberSessionCookie(request.headers.cookie),
    );
    if (!member) throw new SsoError('UNAUTHENTICATED', 'Sign in to continue.');
    return {
      user: { id: member.user.id, userName: member.user.userName },
      organization: { id: member.organization.id, name: member.organization.name },
    };
  }

  private secure(request: Request): boolean {
    return request.secure || this.options.publicUrl.startsWith('https:');
  }
}
