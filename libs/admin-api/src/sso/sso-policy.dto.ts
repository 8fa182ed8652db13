import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsString, MaxLength, ValidateIf } from 'class-validator';
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

  @ApiProperty({
    description: 'What applies now: the default resolved, and at least one JIT domain listed.',
  })
  jitEffective!: boolean;

  @ApiProperty({
    type: [String],
    example: ['contoso.com'],
    description:
      'The org’s own e-mail domains: a person is created just in time only with a verified e-mail in one of them (it becomes their userName). Empty: nobody is.',
  })
  jitDomains!: string[];

  @ApiProperty({
    description:
      'The org’s Entra provisioning maps objectId to externalId, so a Microsoft sign-in’s `oid` may match it. Off by default (Entra maps mailNickname there).',
  })
  externalIdIsObjectId!: boolean;

  @ApiProperty({
    description:
      'Password sign-ins need a TOTP code; an admin without two-factor sets it up before the session opens. Single sign-on is exempt (the identity provider does MFA). Off by default.',
  })
  requireTwoFactor!: boolean;
}

export function toSsoPolicyDto(policy: SsoPolicy): SsoPolicyDto {
  return {
    requireSso: policy.requireSso,
    jitProvisioning: policy.jitProvisioning,
    jitEffective: policy.jitEffective,
    jitDomains: policy.jitDomains,
    externalIdIsObjectId: policy.externalIdIsObjectId,
    requireTwoFactor: policy.requireTwoFactor,
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

  @ApiPropertyOptional({
    type: [String],
    description: 'Replaces the list. Domain names only, at most 50 (else 400 JIT_DOMAIN_INVALID).',
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(253, { each: true })
  jitDomains?: string[];

  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  externalIdIsObjectId?: boolean;

  @ApiPropertyOptional({ description: 'Require two-factor (TOTP) for password sign-ins.' })
  @IsOmittable()
  @IsBoolean()
  requireTwoFactor?: boolean;
}
