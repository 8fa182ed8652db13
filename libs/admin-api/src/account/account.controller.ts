import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Inject,
  Post,
  Req,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  ChangeAdminPassword,
  ConfirmTwoFactor,
  DisableTwoFactor,
  GetTwoFactorStatus,
  RegenerateRecoveryCodes,
  RevokeAllAdminSessions,
  StartTwoFactorSetup,
} from '@rollcall/sso';
import { ADMIN_API_OPTIONS, type AdminApiOptions } from '../admin-api.options';
import { CurrentAdmin, type AdminPrincipal } from '../auth/current-admin.decorator';
import { clearedSessionCookie, cookiesAreSecure } from '../auth/session.cookie';
import { adminBodyPipe } from '../http/admin-body.pipe';
import { AdminRoutes, AdminWrite } from '../http/admin-routes.decorator';
import { ApiErrorDto } from '../http/api-error.dto';
import { RetryAfterInterceptor } from '../http/retry-after.interceptor';
import {
  ChangePasswordDto,
  DisableTwoFactorDto,
  RecoveryCodesDto,
  TwoFactorCodeDto,
  TwoFactorSetupDto,
  TwoFactorStatusDto,
  toTwoFactorSetupDto,
  toTwoFactorStatusDto,
} from './account.dto';
import { secondFactorOf } from './second-factor.input';

const THROTTLED =
  'TOO_MANY_ATTEMPTS, with Retry-After: wrong passwords and codes count against the sign-in throttle of this e-mail and address.';

/** The signed-in admin's own security: password, sessions, two-factor sign-in. */
@ApiTags('Admin: your account')
@Controller('api/account')
@AdminRoutes()
@UseInterceptors(RetryAfterInterceptor)
export class AccountController {
  constructor(
    private readonly changePassword: ChangeAdminPassword,
    private readonly revokeAllSessions: RevokeAllAdminSessions,
    private readonly getTwoFactor: GetTwoFactorStatus,
    private readonly startSetup: StartTwoFactorSetup,
    private readonly confirmTwoFactor: ConfirmTwoFactor,
    private readonly disableTwoFactor: DisableTwoFactor,
    private readonly regenerateCodes: RegenerateRecoveryCodes,
    @Inject(ADMIN_API_OPTIONS) private readonly options: AdminApiOptions,
  ) {}

  @Post('password')
  @HttpCode(204)
  @AdminWrite()
  @ApiOperation({
    summary: 'Change your password',
    description:
      'Every other session of yours ends (their cookies get 401); this one stays signed in.',
  })
  @ApiNoContentResponse({ description: 'Changed.' })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'The new password is too short.' })
  @ApiForbiddenResponse({ type: ApiErrorDto, description: 'CURRENT_PASSWORD_INCORRECT' })
  @ApiTooManyRequestsResponse({ type: ApiErrorDto, description: THROTTLED })
  async postPassword(
    @CurrentAdmin() admin: AdminPrincipal,
    @Body(adminBodyPipe()) body: ChangePasswordDto,
    @Req() request: Request,
  ): Promise<void> {
    await this.changePassword.execute({
      adminId: admin.adminId,
      sessionId: admin.sessionId,
      currentPassword: body.currentPassword,
      newPassword: body.newPassword,
      ipAddress: request.ip ?? null,
    });
  }

  @Post('sign-out-everywhere')
  @HttpCode(204)
  @AdminWrite()
  @ApiOperation({ summary: 'End every session of yours, this one included' })
  @ApiNoContentResponse({ description: 'Signed out everywhere; the cookie is cleared.' })
  async signOutEverywhere(
    @CurrentAdmin() admin: AdminPrincipal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.revokeAllSessions.execute(admin.adminId, admin.actor);
    response.append(
      'Set-Cookie',
      clearedSessionCookie(cookiesAreSecure(request, this.options.publicUrl)),
    );
  }

  @Get('two-factor')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Whether two-factor sign-in is on, and recovery codes left' })
  @ApiOkResponse({ type: TwoFactorStatusDto })
  async twoFactor(@CurrentAdmin() admin: AdminPrincipal): Promise<TwoFactorStatusDto> {
    return toTwoFactorStatusDto(await this.getTwoFactor.execute(admin.adminId));
  }

  @Post('two-factor/setup')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @AdminWrite()
  @ApiOperation({
    summary: 'Start two-factor setup: a new TOTP secret',
    description:
      'Pending until confirmed with a code; a new setup replaces an unconfirmed one. Issuer "Rollcall", label your e-mail.',
  })
  @ApiOkResponse({ type: TwoFactorSetupDto })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'TWO_FACTOR_ALREADY_ENABLED' })
  async setup(@CurrentAdmin() admin: AdminPrincipal): Promise<TwoFactorSetupDto> {
    return toTwoFactorSetupDto(await this.startSetup.execute(admin.adminId));
  }

  @Post('two-factor/confirm')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @AdminWrite()
  @ApiOperation({
    summary: 'Turn two-factor on with a first code',
    description: 'Returns 10 recovery codes, the only time they are shown.',
  })
  @ApiOkResponse({ type: RecoveryCodesDto })
  @ApiForbiddenResponse({ type: ApiErrorDto, description: 'TWO_FACTOR_CODE_INVALID' })
  @ApiConflictResponse({
    type: ApiErrorDto,
    description: 'TWO_FACTOR_ALREADY_ENABLED, TWO_FACTOR_SETUP_NOT_STARTED',
  })
  @ApiTooManyRequestsResponse({ type: ApiErrorDto, description: THROTTLED })
  async confirm(
    @CurrentAdmin() admin: AdminPrincipal,
    @Body(adminBodyPipe()) body: TwoFactorCodeDto,
    @Req() request: Request,
  ): Promise<RecoveryCodesDto> {
    const recoveryCodes = await this.confirmTwoFactor.execute({
      adminId: admin.adminId,
      code: body.code,
      ipAddress: request.ip ?? null,
    });
    return { recoveryCodes };
  }

  @Delete('two-factor')
  @HttpCode(204)
  @AdminWrite()
  @ApiOperation({
    summary: 'Turn two-factor off',
    description: 'Needs your password and a code (or a recovery code).',
  })
  @ApiNoContentResponse({ description: 'Off; the recovery codes are deleted.' })
  @ApiForbiddenResponse({
    type: ApiErrorDto,
    description: 'CURRENT_PASSWORD_INCORRECT, TWO_FACTOR_CODE_INVALID',
  })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'TWO_FACTOR_NOT_ENABLED' })
  @ApiTooManyRequestsResponse({ type: ApiErrorDto, description: THROTTLED })
  async disable(
    @CurrentAdmin() admin: AdminPrincipal,
    @Body(adminBodyPipe()) body: DisableTwoFactorDto,
    @Req() request: Request,
  ): Promise<void> {
    const factor = secondFactorOf(body);
    await this.disableTwoFactor.execute({
      adminId: admin.adminId,
      password: body.password,
      factor,
      ipAddress: request.ip ?? null,
    });
  }

  @Post('two-factor/recovery-codes')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @AdminWrite()
  @ApiOperation({
    summary: 'Replace your recovery codes',
    description: 'Needs a code from the app. Every earlier recovery code stops working.',
  })
  @ApiOkResponse({ type: RecoveryCodesDto })
  @ApiForbiddenResponse({ type: ApiErrorDto, description: 'TWO_FACTOR_CODE_INVALID' })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'TWO_FACTOR_NOT_ENABLED' })
  @ApiTooManyRequestsResponse({ type: ApiErrorDto, description: THROTTLED })
  async regenerate(
    @CurrentAdmin() admin: AdminPrincipal,
    @Body(adminBodyPipe()) body: TwoFactorCodeDto,
    @Req() request: Request,
  ): Promise<RecoveryCodesDto> {
    const recoveryCodes = await this.regenerateCodes.execute({
      adminId: admin.adminId,
      code: body.code,
      ipAddress: request.ip ?? null,
    });
    return { recoveryCodes };
  }
}
