import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';
import type {
  SamlCertificateView,
  SamlConfigurationSource,
  SamlConnectionView,
  SamlServiceProviderView,
  SaveSamlConnectionRequest,
} from '@rollcall/contracts';
import type { SamlConnection, SamlIdpInput, SamlServiceProvider } from '@rollcall/sso';

export class SamlCertificateDto implements SamlCertificateView {
  @ApiProperty({
    example: '3A:91:…:C4',
    description: 'SHA-256 of the DER, as Entra and Okta show it.',
  })
  fingerprintSha256!: string;

  @ApiProperty({ example: 'CN=Microsoft Azure Federated SSO Certificate' })
  subject!: string;

  @ApiProperty({ format: 'date-time' })
  notBefore!: string;

  @ApiProperty({ format: 'date-time' })
  notAfter!: string;

  @ApiProperty({
    enum: ['valid', 'expiring', 'expired', 'not_yet_valid'],
    description: '`expiring` from 30 days before `notAfter`.',
  })
  status!: SamlCertificateView['status'];

  @ApiProperty({ description: 'Whole days until `notAfter` (negative once expired).' })
  daysUntilExpiry!: number;
}

export class SamlServiceProviderDto implements SamlServiceProviderView {
  @ApiProperty({
    example: 'https://rollcall.example.com/saml/acme',
    description: 'Identifier (Entity ID).',
  })
  entityId!: string;

  @ApiProperty({
    example: 'https://rollcall.example.com/saml/acme/acs',
    description: 'Reply URL (Assertion Consumer Service URL), HTTP-POST binding.',
  })
  acsUrl!: string;

  @ApiProperty({ example: 'https://rollcall.example.com/sign-in?org=acme' })
  signOnUrl!: string;

  @ApiProperty({ example: 'https://rollcall.example.com/saml/acme/metadata' })
  metadataUrl!: string;

  @ApiProperty({ description: 'PEM of the certificate an IdP may encrypt assertions to.' })
  encryptionCertificate!: string;
}

export class SamlConnectionDto implements SamlConnectionView {
  @ApiProperty({ enum: ['metadata_url', 'metadata_xml', 'manual'] })
  source!: SamlConfigurationSource;

  @ApiProperty({ nullable: true, description: 'Re-read daily when set.' })
  metadataUrl!: string | null;

  @ApiProperty({ example: 'https://sts.windows.net/00000000-0000-0000-0000-000000000000/' })
  idpEntityId!: string;

  @ApiProperty({ description: 'Where SP-initiated sign-in sends the AuthnRequest.' })
  ssoUrl!: string;

  @ApiProperty({ type: [SamlCertificateDto] })
  certificates!: SamlCertificateDto[];

  @ApiProperty()
  allowSha1!: boolean;

  @ApiProperty({ format: 'date-time', nullable: true })
  metadataRefreshedAt!: string | null;

  @ApiProperty({ nullable: true })
  metadataRefreshError!: string | null;

  @ApiProperty({ example: 'https://rollcall.example.com/api/auth/saml/acme' })
  signInUrl!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ example: 'admin@acme.example' })
  updatedBy!: string;
}

export function toSamlServiceProviderDto(sp: SamlServiceProvider): SamlServiceProviderDto {
  return {
    entityId: sp.entityId,
    acsUrl: sp.acsUrl,
    signOnUrl: sp.signOnUrl,
    metadataUrl: sp.metadataUrl,
    encryptionCertificate: sp.encryptionCertificate,
  };
}

export function toSamlConnectionDto(
  connection: SamlConnection,
  signInUrl: string,
): SamlConnectionDto {
  return {
    source: connection.source,
    metadataUrl: connection.metadataUrl,
    idpEntityId: connection.idpEntityId,
    ssoUrl: connection.ssoUrl,
    certificates: connection.certificates.map((certificate) => ({
      fingerprintSha256: certificate.fingerprintSha256,
      subject: certificate.subject,
      notBefore: certificate.notBefore.toISOString(),
      notAfter: certificate.notAfter.toISOString(),
      status: certificate.status,
      daysUntilExpiry: certificate.daysUntilExpiry,
    })),
    allowSha1: connection.allowSha1,
    metadataRefreshedAt: connection.metadataRefreshedAt?.toISOString() ?? null,
    metadataRefreshError: connection.metadataRefreshError,
    signInUrl,
    updatedAt: connection.updatedAt.toISOString(),
    updatedBy: connection.updatedByEmail,
  };
}

export class SaveSamlConnectionDto implements SaveSamlConnectionRequest {
  @ApiPropertyOptional({
    maxLength: 2048,
    example:
      'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/federationmetadata/2007-06/federationmetadata.xml?appid=00000000-0000-0000-0000-000000000000',
    description:
      'Entra’s App Federation Metadata URL (Okta: the Metadata URL). Fetched now and daily; https only (private addresses refused).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  metadataUrl?: string;

  @ApiPropertyOptional({ maxLength: 524288, description: 'The IdP metadata document.' })
  @IsOptional()
  @IsString()
  @MaxLength(524_288)
  metadataXml?: string;

  @ApiPropertyOptional({ maxLength: 512, description: 'Manual: the IdP’s entity id.' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  idpEntityId?: string;

  @ApiPropertyOptional({ maxLength: 2048, description: 'Manual: the IdP’s sign-on URL (https).' })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  ssoUrl?: string;

  @ApiPropertyOptional({
    type: [String],
    description:
      'Manual: one to five signing certificates, PEM or base64 DER. Left out when updating a connection, the stored certificates stay.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @IsString({ each: true })
  @MaxLength(16_384, { each: true })
  certificates?: string[];

  @ApiPropertyOptional({ description: 'Accept SHA-1 signatures. Default false.' })
  @IsOptional()
  @IsBoolean()
  allowSha1?: boolean;
}

/** Exactly one way of giving the IdP, or null when the body mixes or lacks them. */
export function samlIdpInputOf(body: SaveSamlConnectionDto): SamlIdpInput | null {
  const manual = [body.idpEntityId, body.ssoUrl, body.certificates].filter((v) => v !== undefined);
  const modes = [body.metadataUrl !== undefined, body.metadataXml !== undefined, manual.length > 0];
  if (modes.filter(Boolean).length !== 1) return null;
  if (body.metadataUrl !== undefined)
    return { kind: 'metadata_url', metadataUrl: body.metadataUrl };
  if (body.metadataXml !== undefined)
    return { kind: 'metadata_xml', metadataXml: body.metadataXml };
  if (!body.idpEntityId || !body.ssoUrl) return null;
  return {
    kind: 'manual',
    idpEntityId: body.idpEntityId,
    ssoUrl: body.ssoUrl,
    ...(body.certificates ? { certificates: body.certificates } : {}),
  };
}
