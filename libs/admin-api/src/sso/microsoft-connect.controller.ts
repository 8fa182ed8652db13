import { Controller, Delete, Get, HttpCode, Inject, Query, Req, Res } from '@nestjs/common';
import {
  ApiFoundResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ConnectEntraTenant, DisconnectEntraTenant, StartEntraAuthorization } from '@rollcall/sso';
import { ADMIN_API_OPTIONS, type AdminApiOptions } from '../admin-api.options';
import { CurrentAdmin, type AdminPrincipal } from '../auth/current-admin.decorator';
import { AdminRoutes, AdminWrite } from '../http/admin-routes.decorator';
import { ApiErrorDto } from '../http/api-error.dto';
import { callbackErrorCode } from './sso-callback.redirect';
import { browserBoundState, clearedOidcStateCookie } from './oidc-state.cookie';
import { SSO_SETTINGS_PAGE, redirectToProvider } from './sso-sign-in.response';

/** Single Sign-On settings: connect the org's Microsoft Entra tenant (the reference flow). */
@ApiTags('Admin: single sign-on')
@Controller('api/sso')
@AdminRoutes()
export class MicrosoftConnectController {
  constructor(
    private readonly startAuthorization: StartEntraAuthorization,
    private readonly connectTenant: ConnectEntraTenant,
    private readonly disconnectTenant: DisconnectEntraTenant,
    @Inject(ADMIN_API_OPTIONS) private readonly options: AdminApiOptions,
  ) {}

  @Get('microsoft/connect')
  @ApiOperation({
    summary: 'Connect Microsoft Azure: redirects to Microsoft to sign in and grant permissions',
    description:
      'A browser navigation. Redirects to Entra’s `organizations` authorize endpoint (authorization code + PKCE S256, state, nonce, prompt=consent); Microsoft returns to `/api/sso/microsoft/callback`.',
  })
  @ApiFoundResponse({ description: 'To Microsoft.' })
  async connect(
    @CurrentAdmin() admin: AdminPrincipal,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const started = await this.startAuthorization.execute({
      purpose: 'connect',
      organizationId: admin.organizationId,
      adminId: admin.adminId,
    });
    redirectToProvider(response, started, this.secure(request));
  }

  @Get('microsoft/callback')
  @ApiOperation({
    summary: 'Microsoft returns here after connect',
    description:
      'Validates the round trip and the ID token. Connect: the account must hold Global Administrator, Privileged Role Administrator, Application Administrator or Cloud Application Administrator in the tenant (`wids`); the tenant (`tid`) is recorded and the account linked to the connecting admin; redirects to `/sso?connected=microsoft` (flash: “Microsoft Entra ID single sign-on was successfully connected.”). Link my Microsoft account: links it, redirects to `/sso?linked=microsoft`. Refusals: `/sso?error=<code>` (`admin_role_required`, `tenant_taken` — the other organization is not named —, `tenant_not_connected`, `state_invalid`, `token_invalid`, …).',
  })
  @ApiFoundResponse({ description: 'To the Single Sign-On settings page.' })
  async callback(
    @CurrentAdmin() admin: AdminPrincipal,
    @Query() query: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    let target: string;
    try {
      const done = await this.connectTenant.execute({
        state: browserBoundState(query['state'], request.headers.cookie, this.secure(request)),
        code: query['code'],
        error: query['error'],
        adminId: admin.adminId,
        organizationId: admin.organizationId,
      });
      target = `${SSO_SETTINGS_PAGE}?${done}=microsoft`;
    } catch (error) {
      target = `${SSO_SETTINGS_PAGE}?error=${callbackErrorCode(error)}`;
    }
    response.setHeader('Cache-Control', 'no-store');
    response.append('Set-Cookie', clearedOidcStateCookie(this.secure(request)));
    response.redirect(302, target);
  }

  @Delete('microsoft')
  @HttpCode(204)
  @AdminWrite()
  @ApiOperation({
    summary: 'Disconnect Microsoft Entra: Sign in with Microsoft stops working',
    description: 'With no custom OIDC provider left, Require SSO is turned off.',
  })
  @ApiNoContentResponse({ description: 'Disconnected.' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'SSO_NOT_CONNECTED' })
  async disconnect(@CurrentAdmin() admin: AdminPrincipal): Promise<void> {
    await this.disconnectTenant.execute(admin.organizationId, admin.actor);
  }

  private secure(request: Request): boolean {
    return request.secure || this.options.publicUrl.startsWith('https:');
  }
}
