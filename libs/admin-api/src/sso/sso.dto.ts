import { ApiProperty } from '@nestjs/swagger';
import type {
  MicrosoftConnectionView,
  SignInProvidersView,
  SsoStatusView,
} from '@rollcall/contracts';
import type { EntraConnection, SsoAvailability } from '@rollcall/sso';

export class MicrosoftConnectionDto implements MicrosoftConnectionView {
  @ApiProperty({ format: 'uuid', description: 'The Entra tenant id (`tid`).' })
  tenantId!: string;

  @ApiProperty({ example: 'admin@acme.example', description: 'The admin who connected it.' })
  connectedBy!: string;

  @ApiProperty({ format: 'date-time' })
  connectedAt!: string;
}

export class SsoStatusDto implements SsoStatusView {
  @ApiProperty({
    description:
      'The server has a Microsoft Entra app configured (ENTRA_CLIENT_ID, ENTRA_CLIENT_SECRET). When false, connecting answers SSO_NOT_CONFIGURED.',
  })
  microsoftConfigured!: boolean;

  @ApiProperty({
    type: MicrosoftConnectionDto,
    nullable: true,
    description: 'The connected Microsoft Entra tenant, or null.',
  })
  microsoft!: MicrosoftConnectionDto | null;
}

export function toSsoStatusDto(
  availability: SsoAvailability,
  connection: EntraConnection | null,
): SsoStatusDto {
  return {
    microsoftConfigured: availability.microsoft,
    microsoft: connection && {
      tenantId: connection.tenantId,
      connectedBy: connection.connectedByEmail,
      connectedAt: connection.connectedAt.toISOString(),
    },
  };
}

export class MemberSessionUserDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'ada@acme.example' })
  userName!: string;
}

export class MemberSessionOrganizationDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Acme' })
  name!: string;
}

export class MemberSessionDto {
  @ApiProperty({ type: MemberSessionUserDto })
  user!: MemberSessionUserDto;

  @ApiProperty({ type: MemberSessionOrganizationDto })
  organization!: MemberSessionOrganizationDto;
}

export class SignInProvidersDto implements SignInProvidersView {
  @ApiProperty({ description: 'Sign in with Microsoft is configured on this server.' })
  microsoft!: boolean;
}
