import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type {
  CreateScimTokenRequest,
  CreatedScimTokenView,
  ScimTokenView,
} from '@rollcall/contracts';
import type { IssuedScimToken, ScimTokenSummary } from '@rollcall/organizations';
import { isoDate, isoDateOrNull } from '../http/iso-date.format';

export class ScimTokenDto implements ScimTokenView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'rcs_3kF9a', description: 'The visible start of the secret.' })
  prefix!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Entra production' })
  label!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastUsedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revokedAt!: string | null;
}

export class ScimTokenListDto {
  @ApiProperty({ type: [ScimTokenDto] })
  tokens!: ScimTokenDto[];
}

export class CreatedScimTokenDto extends ScimTokenDto implements CreatedScimTokenView {
  @ApiProperty({
    description: 'The Secret Token to paste into Entra. Shown this once: only its hash is kept.',
  })
  token!: string;
}

export class CreateScimTokenDto implements CreateScimTokenRequest {
  @ApiPropertyOptional({ maxLength: 100, example: 'Entra production' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  label?: string;
}

export function toScimTokenDto(token: ScimTokenSummary): ScimTokenDto {
  return {
    id: token.id,
    prefix: token.prefix,
    label: token.label,
    createdAt: isoDate(token.createdAt),
    lastUsedAt: isoDateOrNull(token.lastUsedAt),
    revokedAt: isoDateOrNull(token.revokedAt),
  };
}

export function toCreatedScimTokenDto(
  token: IssuedScimToken,
  label: string | null,
): CreatedScimTokenDto {
  return {
    ...toScimTokenDto({ ...token, label, lastUsedAt: null, revokedAt: null }),
    token: token.token,
  };
}
