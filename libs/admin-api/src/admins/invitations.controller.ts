import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Inject,
  Param,
  Post,
  Req,
  Res,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AcceptAdminInvitation, GetAdminInvitation } from '@rollcall/organizations';
import { LogInAdmin } from '@rollcall/sso';
import { ADMIN_API_OPTIONS, type AdminApiOptions } from '../admin-api.options';
import { TwoFactorSetupRequiredDto } from '../account/two-factor-login.dto';
import { AdminSessionDto, toAdminSessionDto } from '../auth/admin-auth.dto';
import { JsonBodyGuard } from '../auth/json-body.guard';
import { cookiesAreSecure, readSessionCookie, sessionCookie } from '../auth/session.cookie';
import { adminBodyPipe } from '../http/admin-body.pipe';
import { ApiErrorDto } from '../http/api-error.dto';
import { RetryAfterInterceptor } from '../http/retry-after.interceptor';
import { AdminManagementErrorFilter } from './admin-management-error.filter';
import { AcceptInvitationDto, InvitationPreviewDto, toInvitationPreviewDto } from './admins.dto';

/**
 * The invited person's side, without a session: the token in the link is the credential.
 * Unknown, used, withdrawn and expired links all answer 404 INVITATION_NOT_FOUND.
 */
@ApiTags('Admin: admins')
@Controller('api/invitations')
@UseFilters(AdminManagementErrorFilter)
@UseInterceptors(RetryAfterInterceptor)
export class InvitationsController {
  constructor(
    private readonly getInvitation: GetAdminInvitation,
    private readonly acceptInvitation: AcceptAdminInvitation,
    private readonly logInAdmin: LogInAdmin,
    @Inject(ADMIN_API_OPTIONS) private readonly options: AdminApiOptions,
  ) {}

  @Get(':token')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'What an invitation link offers: organization, e-mail, role' })
  @ApiOkResponse({ type: InvitationPreviewDto })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'INVITATION_NOT_FOUND' })
  async preview(@Param('token') token: string): Promise<InvitationPreviewDto> {
    return toInvitationPreviewDto(await this.getInvitation.execute(token));
  }

  @Post(':token/accept')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @UseGuards(JsonBodyGuard)
  @ApiOperation({
    summary: 'Accept an invitation: choose a password, become an admin, be signed in',
    description:
      'Answers like POST /api/auth/login: the session cookie and the CSRF token; or, where the organization requires two-factor sign-in, `{twoFactorSetupRequired, challenge}` to enrol an authenticator first (`POST /api/auth/login/two-factor/setup`). The link works once.',
  })
  @ApiExtraModels(TwoFactorSetupRequiredDto)
  @ApiOkResponse({
    schema: {
      oneOf: [
        { $ref: getSchemaPath(AdminSessionDto) },
        { $ref: getSchemaPath(TwoFactorSetupRequiredDto) },
      ],
    },
  })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'ADMIN_PASSWORD_TOO_SHORT' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'INVITATION_NOT_FOUND' })
  @ApiForbiddenResponse({
    type: ApiErrorDto,
    description:
      'SSO_REQUIRED: the admin was created, but the organization requires single sign-on.',
  })
  async accept(
    @Param('token') token: string,
    @Body(adminBodyPipe()) body: AcceptInvitationDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AdminSessionDto | TwoFactorSetupRequiredDto> {
    const admin = await this.acceptInvitation.execute({ token, password: body.password });
    const secure = cookiesAreSecure(request, this.options.publicUrl);
    // The same sign-in as the login form (throttling, the organization's SSO rule), with the
    // password just chosen.
    const result = await this.logInAdmin.execute({
      email: admin.email,
      password: body.password,
      ipAddress: request.ip ?? null,
      userAgent: request.get('user-agent') ?? null,
      previousSessionSecret: readSessionCookie(request.headers.cookie, secure) ?? null,
    });
    // A new admin has no authenticator yet: where the org requires one, they enrol first.
    if (result.outcome !== 'signed_in') {
      return { twoFactorSetupRequired: true, challenge: result.challenge };
    }
    const signIn = result.signIn;
    response.append(
      'Set-Cookie',
      sessionCookie(signIn.sessionSecret, {
        secure,
        maxAgeSeconds: (signIn.expiresAt.getTime() - Date.now()) / 1000,
      }),
    );
    return toAdminSessionDto(signIn);
  }
}
