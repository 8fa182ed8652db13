import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CLIENT_ASSERTION_TYPE_JWT_BEARER,
  GRANT_CLIENT_CREDENTIALS,
  GRANT_JWT_BEARER,
  SCIM_SCOPE,
} from '@rollcall/scim-oauth';

/** The form of `POST /oauth/token`, for the OpenAPI document (the parser reads the raw form). */
export class OAuthTokenRequestDto {
  @ApiProperty({ enum: [GRANT_CLIENT_CREDENTIALS, GRANT_JWT_BEARER] })
  grant_type!: string;

  @ApiPropertyOptional({ enum: [SCIM_SCOPE] })
  scope?: string;

  @ApiPropertyOptional({ description: 'client_secret_post: the client_id.', example: 'rcc_…' })
  client_id?: string;

  @ApiPropertyOptional({ description: 'client_secret_post: the client secret.' })
  client_secret?: string;

  @ApiPropertyOptional({ description: `${GRANT_JWT_BEARER}: the workload's signed JWT.` })
  assertion?: string;

  @ApiPropertyOptional({ enum: [CLIENT_ASSERTION_TYPE_JWT_BEARER] })
  client_assertion_type?: string;

  @ApiPropertyOptional({ description: 'A JWT from a federated credential’s issuer.' })
  client_assertion?: string;
}

export class OAuthTokenResponseDto {
  @ApiProperty({ description: 'A JWT for `Authorization: Bearer` on /scim/v2.' })
  access_token!: string;

  @ApiProperty({ enum: ['Bearer'] })
  token_type!: 'Bearer';

  @ApiProperty({ description: 'Seconds until the token expires (3600 to 21600).', example: 3600 })
  expires_in!: number;

  @ApiProperty({ enum: [SCIM_SCOPE] })
  scope!: string;
}

export class OAuthErrorDto {
  @ApiProperty({
    enum: [
      'invalid_request',
      'invalid_client',
      'invalid_grant',
      'unsupported_grant_type',
      'invalid_scope',
      'slow_down',
      'temporarily_unavailable',
      'server_error',
    ],
  })
  error!: string;

  @ApiProperty()
  error_description!: string;
}
