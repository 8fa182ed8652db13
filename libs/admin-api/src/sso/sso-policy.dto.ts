import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, ValidateIf } from 'class-validator';
import type { SsoPolicyView, UpdateSsoPolicyRequest } from '@rollcall/contracts';
import type { SsoPolicy } from '@rollcall/sso';
import { IsOmittable } from '../http/omittable.decorator';

export class SsoPolicyDto implements SsoPolicyView {
  @ApiProperty({
    description:
      'Passwords are refused (SSO_REQUIRED) for every admin but the break-glass one: the org’s first admin.',
  })
  requireSso!: boolean;

  @ApiProperty({
    type: Boolean,
    nullable: true,
    description:
      'Just-in-time creation of unknown people who sign in through the org’s provider. null: on while SCIM provisioning is off, off while it is on.',
  })
  jitProvisioning!: boolean | null;

  @ApiProperty({ description: 'What applies now, with the default resolved.' })
  jitEffective!: boolean;
}

export function toSsoPolicyDto(policy: SsoPolicy): SsoPolicyDto {
  return {
    requireSso: policy.requireSso,
    jitProvisioning: policy.jitProvisioning,
    jitEffective: policy.jitEffective,
  };
}

export class UpdateSsoPolicyDto implements UpdateSsoPolicyRequest {
  @ApiPropertyOptional({ description: 'Needs a connected Microsoft tenant or custom provider.' })
  @IsOmittable()
  @IsBoolean()
  requireSso?: boolean;

  @ApiPropertyOptional({ type: Boolean, nullable: true, description: 'null restores the default.' })
  @ValidateIf((_object: object, value: unknown) => value !== undefined && value !== null)
  @IsBoolean()
  jitProvisioning?: boolean | null;
}
