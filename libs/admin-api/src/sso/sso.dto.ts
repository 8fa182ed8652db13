import { ApiProperty } from '@nestjs/swagger';
import type { EntraConnection } from '@rollcall/sso';

export class MicrosoftConnectionDto {
  @ApiProperty({ format: 'uuid', description: 'The Entra tenant id (`tid`).' })
  tenantId!: string;

  @ApiProperty({ example: 'admin@acme.example', description: 'The admin who connected it.' })
  connectedBy!: string;

  @ApiProperty({ format: 'date-time' })
  connectedAt!: string;
}

export class SsoStatusDto {
  @ApiProperty({
    type: MicrosoftConnectionDto,
    nullable: true,
    description: 'The connected Microsoft Entra tenant, or null.',
  })
  microsoft!: MicrosoftConnectionDto | null;
}

export function toSsoStatusDto(connection: EntraConnection | null): SsoStatusDto {
  return {
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
