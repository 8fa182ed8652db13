import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import {
  ADMIN_ROLE_NAMES,
  type AcceptInvitationRequest,
  type AdminInvitationView,
  type AdminRoleName,
  type AdminTeamView,
  type ChangeAdminRoleRequest,
  type CreatedAdminInvitationView,
  type InvitationPreviewView,
  type InviteAdminRequest,
  type OrganizationAdminView,
} from '@rollcall/contracts';
import type {
  AdminInvitation,
  AdminProfile,
  AdminTeam,
  InvitationPreview,
} from '@rollcall/organizations';
import { isoDate } from '../http/iso-date.format';

const ROLE_DESCRIPTION =
  '`owner`: everything, including managing admins; `admin`: everything but managing admins; `viewer`: read-only.';

export class OrganizationAdminDto implements OrganizationAdminView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'ada@acme.example' })
  email!: string;

  @ApiPropertyOptional()
  name?: string;

  @ApiProperty({ enum: ADMIN_ROLE_NAMES, description: ROLE_DESCRIPTION })
  role!: AdminRoleName;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Absent until the first sign-in.' })
  lastLoginAt?: string;

  @ApiProperty({ description: 'The admin making the request.' })
  isYou!: boolean;
}

export class AdminInvitationDto implements AdminInvitationView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'grace@acme.example' })
  email!: string;

  @ApiProperty({ enum: ADMIN_ROLE_NAMES })
  role!: AdminRoleName;

  @ApiProperty({ example: 'admin:ada@acme.example' })
  invitedBy!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;

  @ApiProperty({ description: 'The link no longer works; invite again for a new one.' })
  expired!: boolean;
}

export class AdminTeamDto implements AdminTeamView {
  @ApiProperty({ type: [OrganizationAdminDto] })
  admins!: OrganizationAdminDto[];

  @ApiProperty({ type: [AdminInvitationDto] })
  invitations!: AdminInvitationDto[];
}

export class InviteAdminDto implements InviteAdminRequest {
  @ApiProperty({ example: 'grace@acme.example', maxLength: 320 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(320)
  email!: string;

  @ApiProperty({ enum: ADMIN_ROLE_NAMES, description: ROLE_DESCRIPTION })
  @IsIn(ADMIN_ROLE_NAMES)
  role!: AdminRoleName;
}

export class CreatedAdminInvitationDto implements CreatedAdminInvitationView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty({ enum: ADMIN_ROLE_NAMES })
  role!: AdminRoleName;

  @ApiProperty({
    example: 'https://rollcall.example.com/invitations/3kF9aZ1q…',
    description: 'Single use, valid for 7 days. Pass it on yourself when `emailed` is false.',
  })
  link!: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;

  @ApiProperty({ description: 'Whether the link was e-mailed (SMTP_URL is set and it worked).' })
  emailed!: boolean;

  @ApiPropertyOptional({ description: 'Why the e-mail failed; the invitation is kept.' })
  mailError?: string;
}

export class ChangeAdminRoleDto implements ChangeAdminRoleRequest {
  @ApiProperty({ enum: ADMIN_ROLE_NAMES, description: ROLE_DESCRIPTION })
  @IsIn(ADMIN_ROLE_NAMES)
  role!: AdminRoleName;
}

export class InvitationPreviewDto implements InvitationPreviewView {
  @ApiProperty({ example: 'Acme' })
  organizationName!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty({ enum: ADMIN_ROLE_NAMES })
  role!: AdminRoleName;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;
}

export class AcceptInvitationDto implements AcceptInvitationRequest {
  @ApiProperty({ format: 'password', minLength: 8, maxLength: 1024 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  password!: string;
}

export function toOrganizationAdminDto(
  admin: AdminProfile,
  callerId: string,
): OrganizationAdminDto {
  return {
    id: admin.id,
    email: admin.email,
    role: admin.role,
    createdAt: isoDate(admin.createdAt),
    ...(admin.lastLoginAt ? { lastLoginAt: isoDate(admin.lastLoginAt) } : {}),
    isYou: admin.id === callerId,
  };
}

export function toAdminInvitationDto(invitation: AdminInvitation, now: Date): AdminInvitationDto {
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    invitedBy: invitation.invitedBy,
    createdAt: isoDate(invitation.createdAt),
    expiresAt: isoDate(invitation.expiresAt),
    expired: invitation.expiresAt.getTime() <= now.getTime(),
  };
}

export function toAdminTeamDto(team: AdminTeam, callerId: string, now: Date): AdminTeamDto {
  return {
    admins: team.admins.map((admin) => toOrganizationAdminDto(admin, callerId)),
    invitations: team.invitations.map((invitation) => toAdminInvitationDto(invitation, now)),
  };
}

export function toInvitationPreviewDto(preview: InvitationPreview): InvitationPreviewDto {
  return {
    organizationName: preview.organizationName,
    email: preview.invitation.email,
    role: preview.invitation.role,
    expiresAt: isoDate(preview.invitation.expiresAt),
  };
}
