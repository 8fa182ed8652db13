import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type {
  EnrolledSessionView,
  TwoFactorEnrolmentConfirmRequest,
  TwoFactorEnrolmentRequest,
  TwoFactorLoginRequest,
} from '@rollcall/contracts';
import { AdminSessionDto } from '../auth/admin-auth.dto';
import { IsOmittable } from '../http/omittable.decorator';

const challengeProperty = {
  description: 'From the `POST /api/auth/login` answer; single use, valid for 10 minutes.',
  maxLength: 64,
};

/** A right password that is not enough yet: the second step, and no session cookie. */
export class TwoFactorRequiredDto {
  @ApiProperty({ enum: [true] })
  twoFactorRequired!: true;

  @ApiProperty(challengeProperty)
  challenge!: string;
}

/** The org requires two-factor and this admin has none: enrol first. */
export class TwoFactorSetupRequiredDto {
  @ApiProperty({ enum: [true] })
  twoFactorSetupRequired!: true;

  @ApiProperty(challengeProperty)
  challenge!: string;
}

export class TwoFactorLoginDto implements TwoFactorLoginRequest {
  @ApiProperty(challengeProperty)
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  challenge!: string;

  @ApiPropertyOptional({ example: '123456', description: 'Or send recoveryCode.' })
  @IsOmittable()
  @IsString()
  @MaxLength(16)
  code?: string;

  @ApiPropertyOptional({ description: 'One of the recovery codes (works once); or send code.' })
  @IsOmittable()
  @IsString()
  @MaxLength(64)
  recoveryCode?: string;
}

export class TwoFactorEnrolmentDto implements TwoFactorEnrolmentRequest {
  @ApiProperty(challengeProperty)
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  challenge!: string;
}

export class TwoFactorEnrolmentConfirmDto
  extends TwoFactorEnrolmentDto
  implements TwoFactorEnrolmentConfirmRequest
{
  @ApiProperty({ example: '123456', maxLength: 16 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(16)
  code!: string;
}

export class EnrolledSessionDto extends AdminSessionDto implements EnrolledSessionView {
  @ApiProperty({ type: [String], description: 'Shown once; each works once.' })
  recoveryCodes!: string[];
}
