import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import {
  ENTRA_QUARANTINE_THRESHOLD,
  PROVISIONING_HEALTH_RANGES,
  type ProvisioningErrorCodeView,
  type ProvisioningHealthBucketView,
  type ProvisioningHealthRange,
  type ProvisioningHealthView,
} from '@rollcall/contracts';
import type { ProvisioningHealth } from '@rollcall/audit';
import { isoDate } from '../http/iso-date.format';

export class ProvisioningHealthQueryDto {
  @ApiPropertyOptional({ enum: PROVISIONING_HEALTH_RANGES, default: '24h' })
  @IsOptional()
  @IsIn(PROVISIONING_HEALTH_RANGES)
  range?: ProvisioningHealthRange;
}

export class ProvisioningHealthBucketDto implements ProvisioningHealthBucketView {
  @ApiProperty({ format: 'date-time', example: '2026-03-12T14:00:00.000Z' })
  start!: string;

  @ApiProperty({ example: 120 })
  requests!: number;

  @ApiProperty({ example: 3 })
  failures!: number;

  @ApiProperty({ example: 0.025 })
  failureRatio!: number;
}

export class ProvisioningErrorCodeDto implements ProvisioningErrorCodeView {
  @ApiProperty({ example: 409 })
  status!: number;

  @ApiProperty({ type: String, nullable: true, example: 'uniqueness' })
  scimType!: string | null;

  @ApiProperty({ example: 12 })
  count!: number;
}

export class ProvisioningHealthDto implements ProvisioningHealthView {
  @ApiProperty({ enum: PROVISIONING_HEALTH_RANGES })
  range!: ProvisioningHealthRange;

  @ApiProperty({ enum: ['hour', 'day'] })
  bucket!: 'hour' | 'day';

  @ApiProperty({ format: 'date-time', description: 'The first bucket’s start.' })
  since!: string;

  @ApiProperty({ example: 1200 })
  requests!: number;

  @ApiProperty({ example: 30 })
  failures!: number;

  @ApiProperty({ example: 0.025 })
  failureRatio!: number;

  @ApiProperty({ example: ENTRA_QUARANTINE_THRESHOLD })
  quarantineThreshold!: number;

  @ApiProperty({ type: [ProvisioningHealthBucketDto], description: 'Oldest first, zero-filled.' })
  buckets!: ProvisioningHealthBucketDto[];

  @ApiProperty({ type: [ProvisioningErrorCodeDto], description: 'At most 5, most frequent first.' })
  topErrors!: ProvisioningErrorCodeDto[];
}

export function toProvisioningHealthDto(health: ProvisioningHealth): ProvisioningHealthDto {
  return {
    range: health.range,
    bucket: health.unit,
    since: isoDate(health.since),
    requests: health.requests,
    failures: health.failures,
    failureRatio: health.failureRatio,
    quarantineThreshold: ENTRA_QUARANTINE_THRESHOLD,
    buckets: health.buckets.map((b) => ({
      start: isoDate(b.start),
      requests: b.requests,
      failures: b.failures,
      failureRatio: b.requests === 0 ? 0 : b.failures / b.requests,
    })),
    topErrors: health.topErrors.map((e) => ({ ...e })),
  };
}
