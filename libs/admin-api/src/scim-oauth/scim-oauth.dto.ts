import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString } from 'class-validator';
import {
  ACCESS_TOKEN_LIFETIME_MINUTES,
  CLIENT_SECRET_LIFETIME_DAYS,
  type CreateScimFederatedCredentialRequest,
  type CreateScimOAuthClientRequest,
  type CreateScimOAuthSecretRequest,
  type CreatedScimOAuthClientView,
  type CreatedScimOAuthSecretView,
  type ScimFederatedCredentialView,
  type ScimOAuthClientView,
  type ScimOAuthOverviewView,
  type ScimOAuthSecretView,
  type UpdateScimOAuthClientRequest,
} from '@rollcall/contracts';
import type {
  FederatedCredentialSummary,
  OAuthClientSecretSummary,
  OAuthClientSummary,
} from '@rollcall/scim-oauth';
import { isoDate, isoDateOrNull } from '../http/iso-date.format';
import { IsOmittable } from '../http/omittable.decorator';

const TOKEN_LIFETIME = {
  minimum: ACCESS_TOKEN_LIFETIME_MINUTES.min,
  maximum: ACCESS_TOKEN_LIFETIME_MINUTES.max,
  default: ACCESS_TOKEN_LIFETIME_MINUTES.default,
  description: 'Lifetime of the access tokens issued, in minutes.',
};
const SECRET_LIFETIME = {
  minimum: CLIENT_SECRET_LIFETIME_DAYS.min,
  maximum: CLIENT_SECRET_LIFETIME_DAYS.max,
  default: CLIENT_SECRET_LIFETIME_DAYS.default,
  description: 'Days until the client secret expires.',
};

export class ScimOAuthSecretDto implements ScimOAuthSecretView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'rccs_3kF9aQ1z', description: 'The visible start of the secret.' })
  prefix!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastUsedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revokedAt!: string | null;
}

export class ScimOAuthClientDto implements ScimOAuthClientView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Entra provisioning' })
  name!: string;

  @ApiProperty({ example: 'rcc_Xb3kQ9zLm2Pa', description: 'The client_id to paste into Entra.' })
  clientId!: string;

  @ApiProperty({ example: 60 })
  accessTokenLifetimeMinutes!: number;

  @ApiProperty({ type: [ScimOAuthSecretDto], description: 'Newest first; never the secrets.' })
  secrets!: ScimOAuthSecretDto[];

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastUsedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revokedAt!: string | null;
}

export class CreatedScimOAuthClientDto
  extends ScimOAuthClientDto
  implements CreatedScimOAuthClientView
{
  @ApiProperty({ description: 'The client secret. Shown this once: only its hash is kept.' })
  clientSecret!: string;
}

export class CreatedScimOAuthSecretDto implements CreatedScimOAuthSecretView {
  @ApiProperty({ type: ScimOAuthSecretDto })
  secret!: ScimOAuthSecretDto;

  @ApiProperty({ description: 'The client secret. Shown this once: only its hash is kept.' })
  clientSecret!: string;
}

export class ScimFederatedCredentialDto implements ScimFederatedCredentialView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Entra provisioning (workload identity)' })
  name!: string;

  @ApiProperty({ example: 'https://login.microsoftonline.com/{tenant-id}/v2.0' })
  issuer!: string;

  @ApiProperty({ description: 'The service principal (object) id Entra puts in `sub`.' })
  subject!: string;

  @ApiProperty({
    example: 'api://8eaef023-2b34-4da1-9baa-8bc8c9d6a490/rollcall-scim-5f0c…',
    description:
      'Assigned by Rollcall, unique to this credential: required in the assertions’ `aud`.',
  })
  audience!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Null: read from the issuer’s OpenID discovery document.',
  })
  jwksUri!: string | null;

  @ApiProperty({ example: 60 })
  accessTokenLifetimeMinutes!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastUsedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revokedAt!: string | null;
}

export class ScimOAuthOverviewDto implements ScimOAuthOverviewView {
  @ApiProperty({ example: 'https://rollcall.example.com/oauth/token' })
  tokenEndpoint!: string;

  @ApiProperty({ example: 'https://rollcall.example.com/oauth/jwks' })
  jwksUri!: string;

  @ApiProperty({ type: [ScimOAuthClientDto] })
  clients!: ScimOAuthClientDto[];

  @ApiProperty({ type: [ScimFederatedCredentialDto] })
  federatedCredentials!: ScimFederatedCredentialDto[];
}

// Ranges are checked by the domain (ACCESS_TOKEN_LIFETIME_INVALID, CLIENT_SECRET_LIFETIME_INVALID);
// the DTOs check types only, so each rule has one home and one error code.

export class CreateScimOAuthClientDto implements CreateScimOAuthClientRequest {
  @ApiProperty({ minLength: 1, maxLength: 100, example: 'Entra provisioning' })
  @IsString()
  name!: string;

  @ApiPropertyOptional(TOKEN_LIFETIME)
  @IsOptional()
  @IsInt()
  accessTokenLifetimeMinutes?: number;

  @ApiPropertyOptional(SECRET_LIFETIME)
  @IsOptional()
  @IsInt()
  secretLifetimeDays?: number;
}

export class UpdateScimOAuthClientDto implements UpdateScimOAuthClientRequest {
  @ApiPropertyOptional({ minLength: 1, maxLength: 100 })
  @IsOmittable()
  @IsString()
  name?: string;

  @ApiPropertyOptional(TOKEN_LIFETIME)
  @IsOmittable()
  @IsInt()
  accessTokenLifetimeMinutes?: number;
}

export class CreateScimOAuthSecretDto implements CreateScimOAuthSecretRequest {
  @ApiPropertyOptional(SECRET_LIFETIME)
  @IsOptional()
  @IsInt()
  lifetimeDays?: number;
}

export class CreateScimFederatedCredentialDto implements CreateScimFederatedCredentialRequest {
  @ApiProperty({ minLength: 1, maxLength: 100 })
  @IsString()
  name!: string;

  @ApiProperty({
    example: 'https://login.microsoftonline.com/{tenant-id}/v2.0',
    description: 'Exact `iss` of the presented JWTs; https.',
  })
  @IsString()
  issuer!: string;

  @ApiProperty({ description: 'Exact `sub` of the presented JWTs.' })
  @IsString()
  subject!: string;

  @ApiPropertyOptional({ description: 'Default: from the issuer’s discovery document.' })
  @IsOptional()
  @IsString()
  jwksUri?: string;

  @ApiPropertyOptional(TOKEN_LIFETIME)
  @IsOptional()
  @IsInt()
  accessTokenLifetimeMinutes?: number;
}

export function toSecretDto(secret: OAuthClientSecretSummary): ScimOAuthSecretDto {
  return {
    id: secret.id,
    prefix: secret.prefix,
    createdAt: isoDate(secret.createdAt),
    expiresAt: isoDate(secret.expiresAt),
    lastUsedAt: isoDateOrNull(secret.lastUsedAt),
    revokedAt: isoDateOrNull(secret.revokedAt),
  };
}

export function toClientDto(client: OAuthClientSummary): ScimOAuthClientDto {
  return {
    id: client.id,
    name: client.name,
    clientId: client.clientId,
    accessTokenLifetimeMinutes: client.accessTokenLifetimeMinutes,
    secrets: client.secrets.map(toSecretDto),
    createdAt: isoDate(client.createdAt),
    lastUsedAt: isoDateOrNull(client.lastUsedAt),
    revokedAt: isoDateOrNull(client.revokedAt),
  };
}

export function toFederatedCredentialDto(
  credential: FederatedCredentialSummary,
): ScimFederatedCredentialDto {
  return {
    id: credential.id,
    name: credential.name,
    issuer: credential.issuer,
    subject: credential.subject,
    audience: credential.audience,
    jwksUri: credential.jwksUri,
    accessTokenLifetimeMinutes: credential.accessTokenLifetimeMinutes,
    createdAt: isoDate(credential.createdAt),
    lastUsedAt: isoDateOrNull(credential.lastUsedAt),
    revokedAt: isoDateOrNull(credential.revokedAt),
  };
}
