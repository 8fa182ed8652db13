import {
  Controller,
  Get,
  Header,
  HttpCode,
  Inject,
  Post,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import {
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { RevokeMemberSession, type AuthenticatedMember } from '@rollcall/sso';
import { ADMIN_API_OPTIONS, type AdminApiOptions } from '../admin-api.options';
import { CSRF_HEADER } from '../auth/admin-session.guard';
import { CurrentMember, MemberSessionGuard } from '../auth/member-session.guard';
import { ApiErrorDto } from '../http/api-error.dto';
import { MEMBER_SESSION_COOKIE, memberSessionCookie } from './oidc-state.cookie';
import { MemberSessionDto } from './sso.dto';

/** The session of an org member signed in through SSO (Microsoft or the org's provider). */
@ApiTags('Member sessions')
@Controller('api/auth')
@UseGuards(MemberSessionGuard)
@ApiCookieAuth(MEMBER_SESSION_COOKIE)
@ApiUnauthorizedResponse({ type: ApiErrorDto, description: 'UNAUTHENTICATED' })
export class MemberSessionController {
  constructor(
    private readonly revokeMemberSession: RevokeMemberSession,
    @Inject(ADMIN_API_OPTIONS) private readonly options: AdminApiOptions,
  ) {}

  @Get('member-session')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'The signed-in member, and the CSRF token for their state-changing calls',
    description: 'Ends at once when SCIM deactivates or deletes the user.',
  })
  @ApiOkResponse({ type: MemberSessionDto })
  memberSession(@CurrentMember() member: AuthenticatedMember): MemberSessionDto {
    return {
      user: { id: member.user.id, userName: member.user.userName },
      organization: { id: member.organization.id, name: member.organization.name },
      csrfToken: member.csrfToken,
    };
  }

  @Post('member-logout')
  @HttpCode(204)
  @ApiHeader({ name: CSRF_HEADER, required: true, description: 'The session’s CSRF token.' })
  @ApiOperation({ summary: 'Member sign-out: revokes the session and clears the cookie' })
  @ApiNoContentResponse({ description: 'Signed out.' })
  @ApiForbiddenResponse({ type: ApiErrorDto, description: 'CSRF_TOKEN_INVALID' })
  async logout(
    @CurrentMember() member: AuthenticatedMember,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.revokeMemberSession.execute(member.sessionId);
    const secure = request.secure || this.options.publicUrl.startsWith('https:');
    response.append('Set-Cookie', memberSessionCookie('', 0, secure));
  }
}
