import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import type { OidcProviderView, SaveOidcProviderRequest } from '@rollcall/contracts';
import type { OidcProvider } from '@rollcall/sso';

/** The URLs a custom provider is reached through, built on PUBLIC_URL. */
export interface OidcLinks {
  redirectUri: string;
  signInUrl: string;
}

export class OidcProviderDto implements OidcProviderView {
  @ApiProperty({ example: 'Okta', description: 'Shown as “Sign in with {displayName}”.' })
  displayName!: string;

  @ApiProperty({ example: 'https://acme.okta.com' })
  issuer!: string;

  @ApiProperty({ example: '0oa1b2c3d4e5f6g7h8i9' })
  clientId!: string;

  @ApiProperty({
    example: 'https://rollcall.example.com/api/auth/oidc/callback',
    description: 'The redirect URI to register at the provider.',
  })
  redirectUri!: string;

  @ApiProperty({
    example: 'https://rollcall.example.com/api/auth/oidc/acme',
    description: 'The org’s sign-in link: starts the round trip with this provider.',
  })
  signInUrl!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ example: 'admin@acme.example' })
  updatedBy!: string;
}

export function toOidcProviderDto(provider: OidcProvider, links: OidcLinks): OidcProviderDto {
  return {
    displayName: provider.displayName,
    issuer: provider.issuer,
    clientId: provider.clientId,
    redirectUri: links.redirectUri,
    signInUrl: links.signInUrl,
    updatedAt: provider.updatedAt.toISOString(),
    updatedBy: provider.updatedByEmail,
  };
}

export class SaveOidcProviderDto implements SaveOidcProviderRequest {
  @ApiProperty({ example: 'Okta', minLength: 1, maxLength: 60 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  displayName!: string;

  @ApiProperty({
    example: 'https://acme.okta.com',
    maxLength: 512,
    description:
      'https (http only for localhost/127.0.0.1). Its discovery document is fetched and must name exactly this issuer.',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(512)
  issuer!: string;

  @ApiProperty({ maxLength: 255 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  clientId!: string;

  @ApiPropertyOptional({
    format: 'password',
    maxLength: 1024,
    description:
      'Required when creating; leave it out on an update to keep the stored one. Stored encrypted, never returned.',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  clientSecret?: string;
}

/** One callback for every org's provider: the round trip's state says which org it is for. */
export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';

export function oidcRedirectUri(publicUrl: string): string {
  return `${publicUrl}${OIDC_CALLBACK_PATH}`;
}

export function oidcLinks(publicUrl: string, organizationSlug: string): OidcLinks {
  return {
    redirectUri: oidcRedirectUri(publicUrl),
    signInUrl: `${publicUrl}/api/auth/oidc/${encodeURIComponent(organizationSlug)}`,
  };
}
