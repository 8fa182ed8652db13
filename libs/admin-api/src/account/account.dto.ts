import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength, MinLength } from 'class-validator';
import type {
  ChangePasswordRequest,
  DisableTwoFactorRequest,
  RecoveryCodesView,
  TwoFactorCodeRequest,
  TwoFactorSetupView,
  TwoFactorStatusView,
} from '@rollcall/contracts';
import type { TwoFactorSetup, TwoFactorStatus } from '@rollcall/sso';
import { IsOmittable } from '../http/omittable.decorator';

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty({ format: 'password', maxLength: 1024 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  currentPassword!: string;

  @ApiProperty({ format: 'password', minLength: 8, maxLength: 1024 })
  @IsString()
  @MinLength(8)
  @MaxLength(1024)
  newPassword!: string;
}

export class TwoFactorStatusDto implements TwoFactorStatusView {
  @ApiProperty()
  enabled!: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  enabledAt!: string | null;

  @ApiProperty({ description: 'Unused recovery codes left.' })
  recoveryCodesLeft!: number;
}

export function toTwoFactorStatusDto(status: TwoFactorStatus): TwoFactorStatusDto {
  return {
    enabled: status.enabled,
    enabledAt: status.enabledAt?.toISOString() ?? null,
    recoveryCodesLeft: status.recoveryCodesLeft,
  };
}

export class TwoFactorSetupDto implements TwoFactorSetupView {
  @ApiProperty({ description: 'Base32 TOTP secret (SHA-1, 6 digits, 30 s).' })
  secret!: string;

  @ApiProperty({ example: 'otpauth://totp/Rollcall:admin%40acme.example?secret=…&issuer=Rollcall' })
  otpauthUrl!: string;
}

export function toTwoFactorSetupDto(setup: TwoFactorSetup): TwoFactorSetupDto {
  return { secret: setup.secret, otpauthUrl: setup.otpauthUrl };
}

export class TwoFactorCodeDto implements TwoFactorCodeRequest {
  @ApiProperty({ example: '123456', maxLength: 16 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(16)
  code!: string;
}

export class RecoveryCodesDto implements RecoveryCodesView {
  @ApiProperty({
    type: [String],
    description: 'Shown once; only their hashes are kept. Each works once.',
  })
  recoveryCodes!: string[];
}

export class DisableTwoFactorDto implements DisableTwoFactorRequest {
  @ApiProperty({ format: 'password', maxLength: 1024 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  password!: string;

  @ApiPropertyOptional({ description: 'A code from the app; or send recoveryCode.' })
  @IsOmittable()
  @IsString()
  @MaxLength(16)
  code?: string;

  @ApiPropertyOptional({ description: 'One of the recovery codes; or send code.' })
  @IsOmittable()
  @IsString()
  @MaxLength(64)
  recoveryCode?: string;
}
