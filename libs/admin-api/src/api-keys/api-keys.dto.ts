import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import {
  API_KEY_SCOPE_NAMES,
  type ApiKeyListView,
  type ApiKeyScopeName,
  type ApiKeyStatusName,
  type ApiKeyView,
  type CreateApiKeyRequest,
  type CreatedApiKeyView,
} from '@rollcall/contracts';
import {
  API_KEY_NAME_MAX_LENGTH,
  apiKeyStatus,
  type ApiKeySummary,
  type IssuedApiKey,
} from '@rollcall/organizations';
import { isoDate, isoDateOrNull } from '../http/iso-date.format';

const STATUSES: readonly ApiKeyStatusName[] = ['live', 'expired', 'revoked'];

export class ApiKeyDto implements ApiKeyView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Billing backend' })
  name!: string;

  @ApiProperty({
    enum: API_KEY_SCOPE_NAMES,
    description: '`read`: GET only; `read_write`: changes too.',
  })
  scope!: ApiKeyScopeName;

  @ApiProperty({ example: 'rck_3kF9aZ1q', description: 'The visible start of the key.' })
  prefix!: string;

  @ApiProperty({ example: 'admin@example.com', description: 'The admin who created it.' })
  createdBy!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'To the minute.' })
  lastUsedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  expiresAt!: string | null;

  @ApiProperty({ enum: STATUSES })
  status!: ApiKeyStatusName;
}

export class ApiKeyListDto implements ApiKeyListView {
  @ApiProperty({ type: [ApiKeyDto] })
  apiKeys!: ApiKeyDto[];
}

export class CreateApiKeyDto implements CreateApiKeyRequest {
  @ApiProperty({
    minLength: 1,
    maxLength: API_KEY_NAME_MAX_LENGTH,
    example: 'Billing backend',
    description: 'Unique among the organization’s live keys; recorded as `api_key:<name>`.',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(API_KEY_NAME_MAX_LENGTH)
  name!: string;

  @ApiProperty({ enum: API_KEY_SCOPE_NAMES })
  @IsIn(API_KEY_SCOPE_NAMES)
  scope!: ApiKeyScopeName;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the key stops working; none: until revoked.',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  expiresAt?: string | null;
}

export class CreatedApiKeyDto implements CreatedApiKeyView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: API_KEY_SCOPE_NAMES })
  scope!: ApiKeyScopeName;

  @ApiProperty({
    example: 'rck_3kF9aZ1q…',
    description: 'Send as `Authorization: Bearer <key>`. Shown this once: only its hash is kept.',
  })
  key!: string;

  @ApiProperty({ example: 'rck_3kF9aZ1q' })
  prefix!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  expiresAt!: string | null;
}

export function toApiKeyDto(key: ApiKeySummary, now: Date): ApiKeyDto {
  return {
    id: key.id,
    name: key.name,
    scope: key.scope,
    prefix: key.prefix,
    createdBy: key.createdBy,
    createdAt: isoDate(key.createdAt),
    lastUsedAt: isoDateOrNull(key.lastUsedAt),
    expiresAt: isoDateOrNull(key.expiresAt),
    status: apiKeyStatus(key, now),
  };
}

export function toCreatedApiKeyDto(key: IssuedApiKey): CreatedApiKeyDto {
  return {
    id: key.id,
    name: key.name,
    scope: key.scope,
    key: key.key,
    prefix: key.prefix,
    createdAt: isoDate(key.createdAt),
    expiresAt: isoDateOrNull(key.expiresAt),
  };
}
