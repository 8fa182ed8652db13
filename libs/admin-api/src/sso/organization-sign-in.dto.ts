import { ApiProperty } from '@nestjs/swagger';
import type { OrganizationSignInView } from '@rollcall/contracts';

export class SignInOrganizationDto {
  @ApiProperty({ example: 'Acme' })
  name!: string;

  @ApiProperty({ example: 'acme' })
  slug!: string;
}

export class SignInOidcButtonDto {
  @ApiProperty({ example: 'Okta' })
  displayName!: string;

  @ApiProperty({ example: 'https://rollcall.example.com/api/auth/oidc/acme' })
  signInUrl!: string;
}

export class SignInSamlButtonDto {
  @ApiProperty({ example: 'https://rollcall.example.com/api/auth/saml/acme' })
  signInUrl!: string;
}

export class OrganizationSignInDto implements OrganizationSignInView {
  @ApiProperty({ type: SignInOrganizationDto })
  organization!: SignInOrganizationDto;

  @ApiProperty({
    description:
      'Sign in with Microsoft is configured on this server and the org connected a tenant.',
  })
  microsoft!: boolean;

  @ApiProperty({ type: SignInOidcButtonDto, nullable: true })
  oidc!: SignInOidcButtonDto | null;

  @ApiProperty({
    type: SignInSamlButtonDto,
    nullable: true,
    description: 'The org has a SAML identity provider: its SP-initiated sign-in link.',
  })
  saml!: SignInSamlButtonDto | null;

  @ApiProperty({ description: 'Passwords are refused except for the break-glass admin.' })
  requireSso!: boolean;
}
