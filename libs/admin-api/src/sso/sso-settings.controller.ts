import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Inject,
  Patch,
  Put,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  DeleteOidcProvider,
  DeleteSamlConnection,
  GetAdminAccountLinks,
  GetSamlConnection,
  GetSamlServiceProvider,
  SaveSamlConnection,
  GetEntraConnection,
  GetOidcProvider,
  GetSsoAvailability,
  GetSsoPolicy,
  SaveOidcProvider,
  SsoError,
  UpdateSsoPolicy,
  samlServiceProviderUrls,
  type AuthenticatedAdmin,
} from '@rollcall/sso';
import { ADMIN_API_OPTIONS, type AdminApiOptions } from '../admin-api.options';
import { CurrentAdminSession } from '../auth/current-admin.decorator';
import { adminBodyPipe } from '../http/admin-body.pipe';
import { AdminRoutes, AdminWrite } from '../http/admin-routes.decorator';
import { ApiErrorDto } from '../http/api-error.dto';
import {
  OidcProviderDto,
  SaveOidcProviderDto,
  oidcLinks,
  toOidcProviderDto,
} from './oidc-provider.dto';
import {
  SamlConnectionDto,
  SaveSamlConnectionDto,
  samlIdpInputOf,
  toSamlConnectionDto,
} from './saml-connection.dto';
import { SsoPolicyDto, UpdateSsoPolicyDto, toSsoPolicyDto } from './sso-policy.dto';
import { SsoStatusDto, toSsoStatusDto } from './sso.dto';

/** Single Sign-On settings: status, the org's custom OIDC provider, and its sign-in policy. */
@ApiTags('Admin: single sign-on')
@Controller('api/sso')
@AdminRoutes()
export class SsoSettingsController {
  constructor(
    private readonly getAvailability: GetSsoAvailability,
    private readonly getConnection: GetEntraConnection,
    private readonly getOidcProvider: GetOidcProvider,
    private readonly getPolicy: GetSsoPolicy,
    private readonly saveOidcProvider: SaveOidcProvider,
    private readonly deleteOidcProvider: DeleteOidcProvider,
    private readonly updatePolicy: UpdateSsoPolicy,
    private readonly getLinks: GetAdminAccountLinks,
    private readonly getSaml: GetSamlConnection,
    private readonly saveSaml: SaveSamlConnection,
    private readonly deleteSaml: DeleteSamlConnection,
    private readonly getServiceProvider: GetSamlServiceProvider,
    @Inject(ADMIN_API_OPTIONS) private readonly options: AdminApiOptions,
  ) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'Single Sign-On status: Microsoft availability and tenant, the custom OIDC provider, the policy',
  })
  @ApiOkResponse({ type: SsoStatusDto })
  async status(@CurrentAdminSession() session: AuthenticatedAdmin): Promise<SsoStatusDto> {
    const organizationId = session.organization.id;
    const [connection, oidc, saml, samlServiceProvider, policy, myLinks] = await Promise.all([
      this.getConnection.execute(organizationId),
      this.getOidcProvider.execute(organizationId),
      this.getSaml.execute(organizationId),
      this.getServiceProvider.execute(session.organization, this.options.publicUrl),
      this.getPolicy.execute(organizationId),
      this.getLinks.execute(session.admin.id),
    ]);
    return toSsoStatusDto({
      availability: this.getAvailability.execute(),
      connection,
      oidc,
      policy,
      links: oidcLinks(this.options.publicUrl, session.organization.slug),
      saml,
      samlServiceProvider,
      myLinks,
    });
  }

  @Put('oidc')
  @AdminWrite()
  @ApiOperation({
    summary: 'Save the custom OIDC provider (Okta, Google Workspace, Keycloak, …)',
    description:
      'Creates or replaces it. The issuer’s discovery document is fetched first: an unreachable issuer (OIDC_DISCOVERY_FAILED), one that names another issuer (OIDC_ISSUER_MISMATCH) or a non-https issuer (OIDC_ISSUER_INVALID; http only for localhost/127.0.0.1) is refused. The client secret is stored encrypted and never returned; leave it out to keep the stored one.',
  })
  @ApiOkResponse({ type: OidcProviderDto })
  @ApiBadRequestResponse({
    type: ApiErrorDto,
    description:
      'OIDC_ISSUER_INVALID, OIDC_DISCOVERY_FAILED, OIDC_ISSUER_MISMATCH, OIDC_CLIENT_SECRET_REQUIRED, or a malformed body.',
  })
  async saveOidc(
    @CurrentAdminSession() session: AuthenticatedAdmin,
    @Body(adminBodyPipe()) body: SaveOidcProviderDto,
  ): Promise<OidcProviderDto> {
    const provider = await this.saveOidcProvider.execute({
      organizationId: session.organization.id,
      adminId: session.admin.id,
      displayName: body.displayName,
      issuer: body.issuer,
      clientId: body.clientId,
      clientSecret: body.clientSecret,
    });
    return toOidcProviderDto(
      provider,
      oidcLinks(this.options.publicUrl, session.organization.slug),
    );
  }

  @Delete('oidc')
  @HttpCode(204)
  @AdminWrite()
  @ApiOperation({
    summary: 'Remove the custom OIDC provider: its sign-in stops working',
    description: 'With no Microsoft tenant connected either, Require SSO is turned off.',
  })
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'OIDC_PROVIDER_NOT_FOUND' })
  async deleteOidc(@CurrentAdminSession() session: AuthenticatedAdmin): Promise<void> {
    await this.deleteOidcProvider.execute(session.organization.id, `admin:${session.admin.email}`);
  }

  @Put('saml')
  @AdminWrite()
  @ApiOperation({
    summary:
      'Save the SAML identity provider (Entra gallery-style app, Okta, PingFederate, ADFS, …)',
    description:
      'Exactly one of: `metadataUrl` (Entra’s App Federation Metadata URL; fetched now under the outbound policy and re-read daily, so a certificate rollover needs no action), `metadataXml` (the metadata document), or `idpEntityId` + `ssoUrl` + `certificates` (by hand). Several signing certificates may be trusted at once. `allowSha1` accepts SHA-1 signatures (off by default). Creates or replaces the connection; users and admins linked before stay linked.',
  })
  @ApiOkResponse({ type: SamlConnectionDto })
  @ApiBadRequestResponse({
    type: ApiErrorDto,
    description:
      'SAML_METADATA_INVALID (the metadata, a certificate or a URL is not usable; the message says why), SAML_METADATA_UNREACHABLE, or a malformed body.',
  })
  async saveSamlConnection(
    @CurrentAdminSession() session: AuthenticatedAdmin,
    @Body(adminBodyPipe()) body: SaveSamlConnectionDto,
  ): Promise<SamlConnectionDto> {
    const idp = samlIdpInputOf(body);
    if (!idp) {
      throw new SsoError(
        'SAML_METADATA_INVALID',
        'Give exactly one of: metadataUrl, metadataXml, or idpEntityId with ssoUrl and certificates.',
      );
    }
    const saved = await this.saveSaml.execute({
      organizationId: session.organization.id,
      adminId: session.admin.id,
      idp,
      allowSha1: body.allowSha1 ?? false,
    });
    return toSamlConnectionDto(
      saved,
      samlServiceProviderUrls(this.options.publicUrl, session.organization.slug).signInUrl,
    );
  }

  @Delete('saml')
  @HttpCode(204)
  @AdminWrite()
  @ApiOperation({
    summary: 'Remove the SAML identity provider: its sign-in stops working',
    description: 'With no other provider left, Require SSO is turned off.',
  })
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'SAML_PROVIDER_NOT_FOUND' })
  async deleteSamlConnection(@CurrentAdminSession() session: AuthenticatedAdmin): Promise<void> {
    await this.deleteSaml.execute(session.organization.id, `admin:${session.admin.email}`);
  }

  @Patch('policy')
  @AdminWrite()
  @ApiOperation({
    summary:
      'Change the sign-in policy (Require SSO, just-in-time creation and its domains, externalId = objectId)',
    description:
      'Only the fields sent change. Require SSO refuses passwords (SSO_REQUIRED) for every admin but the break-glass one (the org’s first admin) and needs a connected provider (else 409 SSO_PROVIDER_REQUIRED).',
  })
  @ApiOkResponse({ type: SsoPolicyDto })
  @ApiBadRequestResponse({
    type: ApiErrorDto,
    description: 'A value has the wrong type, or JIT_DOMAIN_INVALID.',
  })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'SSO_PROVIDER_REQUIRED' })
  async patchPolicy(
    @CurrentAdminSession() session: AuthenticatedAdmin,
    @Body(adminBodyPipe()) body: UpdateSsoPolicyDto,
  ): Promise<SsoPolicyDto> {
    return toSsoPolicyDto(
      await this.updatePolicy.execute(
        session.organization.id,
        {
          requireSso: body.requireSso,
          jitProvisioning: body.jitProvisioning,
          jitDomains: body.jitDomains,
          externalIdIsObjectId: body.externalIdIsObjectId,
          requireTwoFactor: body.requireTwoFactor,
        },
        `admin:${session.admin.email}`,
      ),
    );
  }
}
