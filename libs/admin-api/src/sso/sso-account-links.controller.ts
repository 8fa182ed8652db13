import {
  Controller,
  Delete,
  HttpCode,
  Inject,
  Param,
  ParseEnumPipe,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  StartEntraAuthorization,
  StartOidcLink,
  StartSamlSignIn,
  UnlinkAdminAccount,
} from '@rollcall/sso';
import { ADMIN_API_OPTIONS, type AdminApiOptions } from '../admin-api.options';
import { OwnAccount } from '../admins/owner-only.decorator';
import { CurrentAdmin, type AdminPrincipal } from '../auth/current-admin.decorator';
import { AdminRoutes, AdminWrite } from '../http/admin-routes.decorator';
import { ApiErrorDto } from '../http/api-error.dto';
import { oidcRedirectUri } from './oidc-provider.dto';
import { oidcStateCookie } from './oidc-state.cookie';
import { AccountLinkStartDto } from './sso.dto';

enum LinkProvider {
  microsoft = 'microsoft',
  oidc = 'oidc',
  saml = 'saml',
}

/**
 * "Link my Microsoft account" / "Link my <provider> account": single sign-on opens a dashboard
 * session only for an admin who linked their account this way, from a session they opened
 * otherwise (a password, or an earlier link). A POST with the CSRF token, so no other site can
 * start a round trip that would link its own account to the admin; the answer holds the URL
 * to send the browser to, and the state cookie binds the callback to this browser.
 */
@ApiTags('Admin: single sign-on')
@Controller('api/sso')
@AdminRoutes()
export class SsoAccountLinksController {
  constructor(
    private readonly startEntra: StartEntraAuthorization,
    private readonly startOidc: StartOidcLink,
    private readonly startSaml: StartSamlSignIn,
    private readonly unlinkAccount: UnlinkAdminAccount,
    @Inject(ADMIN_API_OPTIONS) private readonly options: AdminApiOptions,
  ) {}

  @Post('microsoft/link')
  @OwnAccount()
  @HttpCode(200)
  @AdminWrite()
  @ApiOperation({
    summary: 'Link my Microsoft account: starts a round trip with Microsoft',
    description:
      'Microsoft returns to `/api/sso/microsoft/callback`, which links the account (of the connected tenant) to the signed-in admin and redirects to `/sso?linked=microsoft`, or to `/sso?error=<code>`.',
  })
  @ApiOkResponse({ type: AccountLinkStartDto })
  async linkMicrosoft(
    @CurrentAdmin() admin: AdminPrincipal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AccountLinkStartDto> {
    const started = await this.startEntra.execute({
      purpose: 'link_microsoft',
      organizationId: admin.organizationId,
      adminId: admin.adminId,
    });
    return this.handOver(started, request, response);
  }

  @Post('oidc/link')
  @OwnAccount()
  @HttpCode(200)
  @AdminWrite()
  @ApiOperation({
    summary: 'Link my account at the custom OIDC provider (also “Test & link” after saving it)',
    description:
      'The provider returns to `/api/auth/oidc/callback`, which links the account to the signed-in admin and redirects to `/sso?linked=oidc`, or to `/sso?error=<code>`.',
  })
  @ApiOkResponse({ type: AccountLinkStartDto })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'OIDC_PROVIDER_NOT_FOUND' })
  async linkOidc(
    @CurrentAdmin() admin: AdminPrincipal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AccountLinkStartDto> {
    const started = await this.startOidc.execute({
      organizationId: admin.organizationId,
      adminId: admin.adminId,
      redirectUri: oidcRedirectUri(this.options.publicUrl),
    });
    return this.handOver(started, request, response);
  }

  @Post('saml/link')
  @OwnAccount()
  @HttpCode(200)
  @AdminWrite()
  @ApiOperation({
    summary: 'Link my account at the SAML identity provider: starts an SP-initiated sign-in',
    description:
      'The IdP posts its response to the org’s ACS, which links the account (IdP entity id, NameID) to the admin who started this request and redirects to `/sso?linked=saml`, or to `/sso?error=<code>`. The request is single-use and bound to this admin on the server, since the IdP’s cross-site POST carries no session cookie.',
  })
  @ApiOkResponse({ type: AccountLinkStartDto })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'SAML_PROVIDER_NOT_FOUND' })
  async linkSaml(
    @CurrentAdmin() admin: AdminPrincipal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AccountLinkStartDto> {
    const started = await this.startSaml.execute({
      publicUrl: this.options.publicUrl,
      purpose: 'saml_link',
      admin: { adminId: admin.adminId, organizationId: admin.organizationId },
    });
    response.setHeader('Cache-Control', 'no-store');
    return { authorizationUrl: started.url };
  }

  @Delete('links/:provider')
  @OwnAccount()
  @HttpCode(204)
  @AdminWrite()
  @ApiOperation({ summary: 'Unlink my account of a provider: it no longer opens my session' })
  @ApiParam({ name: 'provider', enum: LinkProvider })
  @ApiNoContentResponse({ description: 'Unlinked.' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'SSO_LINK_NOT_FOUND' })
  async unlink(
    @CurrentAdmin() admin: AdminPrincipal,
    @Param('provider', new ParseEnumPipe(LinkProvider)) provider: LinkProvider,
  ): Promise<void> {
    await this.unlinkAccount.execute(admin.adminId, provider);
  }

  private handOver(
    started: { url: string; state: string },
    request: Request,
    response: Response,
  ): AccountLinkStartDto {
    const secure = request.secure || this.options.publicUrl.startsWith('https:');
    response.setHeader('Cache-Control', 'no-store');
    response.append('Set-Cookie', oidcStateCookie(started.state, secure));
    return { authorizationUrl: started.url };
  }
}
