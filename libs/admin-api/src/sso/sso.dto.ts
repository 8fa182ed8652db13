import { ApiProperty } from '@nestjs/swagger';
import type {
  AccountLinkStartView,
  AdminAccountLinkView,
  MemberSessionView,
  MicrosoftConnectionView,
  SignInProvidersView,
  SsoProviderKind,
  SsoStatusView,
} from '@rollcall/contracts';
import type {
  AdminIdentityLink,
  EntraConnection,
  OidcProvider,
  SamlConnection,
  SamlServiceProvider,
  SsoAvailability,
  SsoPolicy,
} from '@rollcall/sso';
import { OidcProviderDto, toOidcProviderDto, type OidcLinks } from './oidc-provider.dto';
import {
  SamlConnectionDto,
  SamlServiceProviderDto,
  toSamlConnectionDto,
  toSamlServiceProviderDto,
} from './saml-connection.dto';
import { SsoPolicyDto, toSsoPolicyDto } from './sso-policy.dto';

export class MicrosoftConnectionDto implements MicrosoftConnectionView {
  @ApiProperty({ format: 'uuid', description: 'The Entra tenant id (`tid`).' })
  tenantId!: string;

  @ApiProperty({ example: 'admin@acme.example', description: 'The admin who connected it.' })
  connectedBy!: string;

  @ApiProperty({ format: 'date-time' })
  connectedAt!: string;
}

export class AdminAccountLinkDto implements AdminAccountLinkView {
  @ApiProperty({ example: 'ada@contoso.example', description: 'As the provider stated it.' })
  account!: string;

  @ApiProperty({ format: 'date-time' })
  linkedAt!: string;
}

export class MyAccountLinksDto {
  @ApiProperty({ type: AdminAccountLinkDto, nullable: true })
  microsoft!: AdminAccountLinkDto | null;

  @ApiProperty({ type: AdminAccountLinkDto, nullable: true })
  oidc!: AdminAccountLinkDto | null;

  @ApiProperty({ type: AdminAccountLinkDto, nullable: true })
  saml!: AdminAccountLinkDto | null;
}

export class AccountLinkStartDto implements AccountLinkStartView {
  @ApiProperty({ description: 'Send the browser here; the provider returns to Rollcall.' })
  authorizationUrl!: string;
}

export class SsoStatusDto implements SsoStatusView {
  @ApiProperty({
    description:
      'The server has a Microsoft Entra app configured (ENTRA_CLIENT_ID, ENTRA_CLIENT_SECRET). When false, connecting answers SSO_NOT_CONFIGURED.',
  })
  microsoftConfigured!: boolean;

  @ApiProperty({
    type: MicrosoftConnectionDto,
    nullable: true,
    description: 'The connected Microsoft Entra tenant, or null.',
  })
  microsoft!: MicrosoftConnectionDto | null;

  @ApiProperty({
    type: OidcProviderDto,
    nullable: true,
    description: 'The custom OIDC provider, or null.',
  })
  oidc!: OidcProviderDto | null;

  @ApiProperty({
    example: 'https://rollcall.example.com/api/auth/oidc/callback',
    description: 'The redirect URI to register at a custom provider (one for every org).',
  })
  oidcRedirectUri!: string;

  @ApiProperty({
    type: SamlConnectionDto,
    nullable: true,
    description: 'The SAML identity provider, or null.',
  })
  saml!: SamlConnectionDto | null;

  @ApiProperty({
    type: SamlServiceProviderDto,
    description: 'What the SAML identity provider needs (Basic SAML Configuration), always shown.',
  })
  samlServiceProvider!: SamlServiceProviderDto;

  @ApiProperty({ type: SsoPolicyDto })
  policy!: SsoPolicyDto;

  @ApiProperty({
    type: MyAccountLinksDto,
    description:
      'The signed-in admin’s linked accounts (for the connected tenant and the current provider). Single sign-on opens a dashboard session only for a linked account.',
  })
  myLinks!: MyAccountLinksDto;
}

export interface SsoStatusParts {
  availability: SsoAvailability;
  connection: EntraConnection | null;
  oidc: OidcProvider | null;
  policy: SsoPolicy;
  links: OidcLinks;
  saml: SamlConnection | null;
  samlServiceProvider: SamlServiceProvider;
  myLinks: AdminIdentityLink[];
}

export function toSsoStatusDto(parts: SsoStatusParts): SsoStatusDto {
  const { connection } = parts;
  return {
    microsoftConfigured: parts.availability.microsoft,
    microsoft: connection && {
      tenantId: connection.tenantId,
      connectedBy: connection.connectedByEmail,
      connectedAt: connection.connectedAt.toISOString(),
    },
    oidc: parts.oidc && toOidcProviderDto(parts.oidc, parts.links),
    oidcRedirectUri: parts.links.redirectUri,
    saml: parts.saml && toSamlConnectionDto(parts.saml, parts.samlServiceProvider.signInUrl),
    samlServiceProvider: toSamlServiceProviderDto(parts.samlServiceProvider),
    policy: toSsoPolicyDto(parts.policy),
    myLinks: {
      microsoft: linkOf(parts.myLinks, 'microsoft', connection?.tenantId),
      oidc: linkOf(parts.myLinks, 'oidc', parts.oidc?.issuer),
      saml: linkOf(parts.myLinks, 'saml', parts.saml?.idpEntityId),
    },
  };
}

function linkOf(
  links: AdminIdentityLink[],
  provider: SsoProviderKind,
  issuer: string | undefined,
): AdminAccountLinkDto | null {
  const link = links.find((l) => l.provider === provider && l.issuer === issuer);
  return link ? { account: link.label, linkedAt: link.linkedAt.toISOString() } : null;
}

export class MemberSessionUserDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'ada@acme.example' })
  userName!: string;
}

export class MemberSessionOrganizationDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Acme' })
  name!: string;
}

export class MemberSessionDto implements MemberSessionView {
  @ApiProperty({ type: MemberSessionUserDto })
  user!: MemberSessionUserDto;

  @ApiProperty({ type: MemberSessionOrganizationDto })
  organization!: MemberSessionOrganizationDto;

  @ApiProperty({
    description:
      'Send it back as the X-CSRF-Token header on every state-changing member call (e.g. member-logout).',
  })
  csrfToken!: string;
}

export class SignInProvidersDto implements SignInProvidersView {
  @ApiProperty({ description: 'Sign in with Microsoft is configured on this server.' })
  microsoft!: boolean;
}
