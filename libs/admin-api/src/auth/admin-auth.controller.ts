import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Inject,
  Post,
  Req,
  Res,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCookieAuth,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiUnsupportedMediaTypeResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  CompleteTwoFactorSignIn,
  EnrolTwoFactorAtSignIn,
  LogInAdmin,
  RevokeAdminSession,
  type AdminSignIn,
  type AuthenticatedAdmin,
} from '@rollcall/sso';
import { secondFactorOf } from '../account/second-factor.input';
import { TwoFactorSetupDto, toTwoFactorSetupDto } from '../account/account.dto';
import {
  EnrolledSessionDto,
  TwoFactorEnrolmentConfirmDto,
  TwoFactorEnrolmentDto,
  TwoFactorLoginDto,
  TwoFactorRequiredDto,
  TwoFactorSetupRequiredDto,
} from '../account/two-factor-login.dto';
import { ADMIN_API_OPTIONS, type AdminApiOptions } from '../admin-api.options';
import { ApiErrorDto } from '../http/api-error.dto';
import { ApiKeyErrorFilter } from '../http/api-key-error.filter';
import { RetryAfterInterceptor } from '../http/retry-after.interceptor';
import { AdminSessionDto, LoginRequestDto, toAdminSessionDto } from './admin-auth.dto';
import { AdminSessionGuard, CSRF_HEADER } from './admin-session.guard';
import { CurrentAdmin, CurrentAdminSession, type AdminPrincipal } from './current-admin.decorator';
import { JsonBodyGuard } from './json-body.guard';
import { adminBodyPipe } from '../http/admin-body.pipe';
import {
  ADMIN_SESSION_COOKIE,
  clearedSessionCookie,
  cookiesAreSecure,
  readSessionCookie,
  sessionCookie,
} from './session.cookie';

/** Sign-in of org admins to the dashboard: a session cookie plus a CSRF token. */
@ApiTags('Admin: authentication')
@Controller('api/auth')
@UseInterceptors(RetryAfterInterceptor)
@ApiExtraModels(AdminSessionDto, TwoFactorRequiredDto, TwoFactorSetupRequiredDto)
export class AdminAuthController {
  constructor(
    private readonly logInAdmin: LogInAdmin,
    private readonly completeTwoFactor: CompleteTwoFactorSignIn,
    private readonly enrolTwoFactor: EnrolTwoFactorAtSignIn,
    private readonly revokeAdminSession: RevokeAdminSession,
    @Inject(ADMIN_API_OPTIONS) private readonly options: AdminApiOptions,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @UseGuards(JsonBodyGuard)
  @ApiOperation({
    summary: 'Sign in with e-mail and password',
    description: `Sets the \`${ADMIN_SESSION_COOKIE}\` cookie (HttpOnly, SameSite=Lax; named \`__Host-${ADMIN_SESSION_COOKIE}\` over HTTPS) and returns the CSRF token. Any session cookie sent along is revoked. Attempts are counted when they start: 10 per e-mail from one client address and 50 per client address within 15 minutes; beyond that sign-in is refused with 429 and Retry-After, and each further lockout of the same e-mail and address lasts twice as long (up to a day). Other addresses are not affected. With two-factor on (or required by the organization), a right password answers \`twoFactorRequired\` (or \`twoFactorSetupRequired\`) with a challenge and sets no cookie: the session opens at the second step.`,
  })
  @ApiOkResponse({
    schema: {
      oneOf: [
        { $ref: getSchemaPath(AdminSessionDto) },
        { $ref: getSchemaPath(TwoFactorRequiredDto) },
        { $ref: getSchemaPath(TwoFactorSetupRequiredDto) },
      ],
    },
  })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'The body is malformed.' })
  @ApiUnauthorizedResponse({ type: ApiErrorDto, description: 'INVALID_CREDENTIALS' })
  @ApiForbiddenResponse({
    type: ApiErrorDto,
    description:
      'SSO_REQUIRED: the organization requires single sign-on and this is not its break-glass (first) admin.',
  })
  @ApiUnsupportedMediaTypeResponse({ type: ApiErrorDto, description: 'Not application/json.' })
  @ApiTooManyRequestsResponse({ type: ApiErrorDto, description: 'TOO_MANY_ATTEMPTS' })
  async login(
    @Body(adminBodyPipe()) body: LoginRequestDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AdminSessionDto | TwoFactorRequiredDto | TwoFactorSetupRequiredDto> {
    const result = await this.logInAdmin.execute({
      email: body.email,
      password: body.password,
      ipAddress: request.ip ?? null,
      userAgent: request.get('user-agent') ?? null,
      previousSessionSecret:
        readSessionCookie(request.headers.cookie, this.secureCookies(request)) ?? null,
    });
    switch (result.outcome) {
      case 'two_factor_required':
        return { twoFactorRequired: true, challenge: result.challenge };
      case 'two_factor_setup_required':
        return { twoFactorSetupRequired: true, challenge: result.challenge };
      case 'signed_in':
        return this.signedIn(result.signIn, request, response);
    }
  }

  @Post('login/two-factor')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @UseGuards(JsonBodyGuard)
  @ApiOperation({
    summary: 'Second step of a password sign-in: a TOTP or recovery code',
    description:
      'Opens the session like `POST /api/auth/login`. A wrong code leaves the challenge usable and counts against the sign-in throttle of the e-mail and address (then 429 with Retry-After); a right one spends it. A code (its 30 s step) and a recovery code are each accepted once.',
  })
  @ApiOkResponse({ type: AdminSessionDto })
  @ApiBadRequestResponse({
    type: ApiErrorDto,
    description: 'Not exactly one of code, recoveryCode.',
  })
  @ApiUnauthorizedResponse({ type: ApiErrorDto, description: 'TWO_FACTOR_CHALLENGE_INVALID' })
  @ApiForbiddenResponse({ type: ApiErrorDto, description: 'TWO_FACTOR_CODE_INVALID' })
  @ApiTooManyRequestsResponse({ type: ApiErrorDto, description: 'TOO_MANY_ATTEMPTS' })
  async loginTwoFactor(
    @Body(adminBodyPipe()) body: TwoFactorLoginDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AdminSessionDto> {
    const factor = secondFactorOf(body);
    const signIn = await this.completeTwoFactor.execute({
      challenge: body.challenge,
      factor,
      ipAddress: request.ip ?? null,
      userAgent: request.get('user-agent') ?? null,
      previousSessionSecret:
        readSessionCookie(request.headers.cookie, this.secureCookies(request)) ?? null,
    });
    return this.signedIn(signIn, request, response);
  }

  @Post('login/two-factor/setup')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @UseGuards(JsonBodyGuard)
  @ApiOperation({
    summary: 'Two-factor required by the organization: a TOTP secret to enrol with',
    description: 'For a `twoFactorSetupRequired` challenge; nothing is signed in yet.',
  })
  @ApiOkResponse({ type: TwoFactorSetupDto })
  @ApiUnauthorizedResponse({ type: ApiErrorDto, description: 'TWO_FACTOR_CHALLENGE_INVALID' })
  async loginTwoFactorSetup(
    @Body(adminBodyPipe()) body: TwoFactorEnrolmentDto,
  ): Promise<TwoFactorSetupDto> {
    return toTwoFactorSetupDto(await this.enrolTwoFactor.start(body.challenge));
  }

  @Post('login/two-factor/confirm')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @UseGuards(JsonBodyGuard)
  @ApiOperation({
    summary: 'Two-factor required by the organization: confirm enrolment and sign in',
    description:
      'Turns two-factor on, opens the session (cookie + csrfToken) and returns the recovery codes, the only time they are shown.',
  })
  @ApiOkResponse({ type: EnrolledSessionDto })
  @ApiUnauthorizedResponse({ type: ApiErrorDto, description: 'TWO_FACTOR_CHALLENGE_INVALID' })
  @ApiForbiddenResponse({ type: ApiErrorDto, description: 'TWO_FACTOR_CODE_INVALID' })
  @ApiTooManyRequestsResponse({ type: ApiErrorDto, description: 'TOO_MANY_ATTEMPTS' })
  async loginTwoFactorConfirm(
    @Body(adminBodyPipe()) body: TwoFactorEnrolmentConfirmDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<EnrolledSessionDto> {
    const enrolled = await this.enrolTwoFactor.execute({
      challenge: body.challenge,
      code: body.code,
      ipAddress: request.ip ?? null,
      userAgent: request.get('user-agent') ?? null,
      previousSessionSecret:
        readSessionCookie(request.headers.cookie, this.secureCookies(request)) ?? null,
    });
    return {
      ...this.signedIn(enrolled.signIn, request, response),
      recoveryCodes: enrolled.recoveryCodes,
    };
  }

  @Get('session')
  @Header('Cache-Control', 'no-store')
  @UseGuards(AdminSessionGuard)
  @UseFilters(ApiKeyErrorFilter)
  @ApiCookieAuth(ADMIN_SESSION_COOKIE)
  @ApiOperation({ summary: 'The signed-in admin, organization and CSRF token' })
  @ApiOkResponse({ type: AdminSessionDto })
  @ApiUnauthorizedResponse({ type: ApiErrorDto, description: 'UNAUTHENTICATED' })
  session(@CurrentAdminSession() session: AuthenticatedAdmin): AdminSessionDto {
    return toAdminSessionDto(session);
  }

  @Post('logout')
  @HttpCode(204)
  @UseGuards(AdminSessionGuard)
  @UseFilters(ApiKeyErrorFilter)
  @ApiCookieAuth(ADMIN_SESSION_COOKIE)
  @ApiHeader({ name: CSRF_HEADER, required: true, description: 'The session’s CSRF token.' })
  @ApiOperation({ summary: 'Sign out: revokes the session and clears the cookie' })
  @ApiNoContentResponse({ description: 'Signed out.' })
  @ApiUnauthorizedResponse({ type: ApiErrorDto, description: 'UNAUTHENTICATED' })
  @ApiForbiddenResponse({ type: ApiErrorDto, description: 'CSRF_TOKEN_INVALID' })
  async logout(
    @CurrentAdmin() admin: AdminPrincipal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.revokeAdminSession.execute(admin.sessionId);
    response.append('Set-Cookie', clearedSessionCookie(this.secureCookies(request)));
  }

  private signedIn(signIn: AdminSignIn, request: Request, response: Response): AdminSessionDto {
    response.append(
      'Set-Cookie',
      sessionCookie(signIn.sessionSecret, {
        secure: this.secureCookies(request),
        maxAgeSeconds: (signIn.expiresAt.getTime() - Date.now()) / 1000,
      }),
    );
    return toAdminSessionDto(signIn);
  }

  private secureCookies(request: Request): boolean {
    return cookiesAreSecure(request, this.options.publicUrl);
  }
}
