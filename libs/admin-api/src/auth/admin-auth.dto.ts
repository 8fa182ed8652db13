import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { ADMIN_ROLE_NAMES, type AdminRoleName } from '@rollcall/contracts';
import type { AuthenticatedAdmin } from '@rollcall/sso';

export class LoginRequestDto {
  // Not @IsEmail: any address an admin was created with must be able to sign in, and a
  // malformed one simply matches nobody.
  @ApiProperty({ example: 'admin@acme.example', maxLength: 320 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(320)
  email!: string;

  @ApiProperty({ format: 'password', maxLength: 1024 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  password!: string;
}

export class SessionAdminDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'admin@acme.example' })
  email!: string;

  @ApiProperty({
    enum: ADMIN_ROLE_NAMES,
    description:
      'owner: everything, incl. managing admins; admin: all but that; viewer: read-only.',
  })
  role!: AdminRoleName;
}

export class SessionOrganizationDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Acme' })
  name!: string;

  @ApiProperty({ example: 'acme' })
  slug!: string;
}

export class AdminSessionDto {
  @ApiProperty({ type: SessionAdminDto })
  admin!: SessionAdminDto;

  @ApiProperty({ type: SessionOrganizationDto })
  organization!: SessionOrganizationDto;

  @ApiProperty({
    description:
      'Send it back as the X-CSRF-Token header on every POST, PUT, PATCH and DELETE of the admin API.',
  })
  csrfToken!: string;
}

export function toAdminSessionDto(session: AuthenticatedAdmin): AdminSessionDto {
  return {
    admin: { id: session.admin.id, email: session.admin.email, role: session.admin.role },
    organization: {
      id: session.organization.id,
      name: session.organization.name,
      slug: session.organization.slug,
    },
    csrfToken: session.csrfToken,
  };
}
