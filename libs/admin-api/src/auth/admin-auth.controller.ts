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
  ApiForbiddenResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { LogInAdmin, RevokeAdminSession, type AuthenticatedAdmin } from '@rollcall/sso';
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
export class AdminAuthController {
  constructor(
    private readonly logInAdmin: LogInAdmin,
    private readonly revokeAdminSession: RevokeAdminSession,
    @Inject(ADMIN_API_OPTIONS) private readonly options: AdminApiOptions,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @UseGuards(JsonBodyGuard)
  @ApiOperation({
    summary: 'Sign in with e-mail and password',
    description: `Sets the \`${ADMIN_SESSION_COOKIE}\` cookie (HttpOnly, SameSite=Lax; named \`__Host-${ADMIN_SESSION_COOKIE}\` over HTTPS) and returns the CSRF token. Any session cookie sent along is revoked. Attempts are counted when they start: 10 per e-mail from one client address and 50 per client address within 15 minutes; beyond that sign-in is refused with 429 and Retry-After, and each further lockout of the same e-mail and address lasts twice as long (up to a day). Other addresses are not affected.`,
  })
  @ApiOkResponse({ type: AdminSessionDto })
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
  ): Promise<AdminSessionDto> {
    const signIn = await this.logInAdmin.execute({
      email: body.email,
      password: body.password,
      ipAddress: request.ip ?? null,
      userAgent: request.get('user-agent') ?? null,
      previousSessionSecret:
        readSessionCookie(request.headers.cookie, this.secureCookies(request)) ?? null,
    });
    response.append(
      'Set-Cookie',
      sessionCookie(signIn.sessionSecret, {
        secure: this.secureCookies(request),
        maxAgeSeconds: (signIn.expiresAt.getTime() - Date.now()) / 1000,
      }),
    );
    return toAdminSessionDto(signIn);
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

  private secureCookies(request: Request): boolean {
    return cookiesAreSecure(request, this.options.publicUrl);
  }
}
