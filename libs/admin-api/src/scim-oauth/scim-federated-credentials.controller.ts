import { Body, Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CreateFederatedCredential, RevokeFederatedCredential } from '@rollcall/scim-oauth';
import { CurrentAdmin, type AdminPrincipal } from '../auth/current-admin.decorator';
import { adminBodyPipe } from '../http/admin-body.pipe';
import { AdminRoutes, AdminWrite } from '../http/admin-routes.decorator';
import { ApiErrorDto } from '../http/api-error.dto';
import {
  CreateScimFederatedCredentialDto,
  ScimFederatedCredentialDto,
  toFederatedCredentialDto,
} from './scim-oauth.dto';

/**
 * Workload identity federation (RFC 7523): trusted issuers whose signed JWTs are exchanged at
 * /oauth/token for access tokens to this organization's SCIM API. Listed by GET /api/scim/oauth.
 */
@ApiTags('Admin: SCIM OAuth')
@Controller('api/scim/oauth/federated-credentials')
@AdminRoutes()
export class ScimFederatedCredentialsController {
  constructor(
    private readonly createCredential: CreateFederatedCredential,
    private readonly revokeCredential: RevokeFederatedCredential,
  ) {}

  @Post()
  @HttpCode(201)
  @AdminWrite()
  @ApiOperation({
    summary: 'Trust a workload identity (issuer + subject)',
    description:
      'For Entra: the tenant’s issuer (`https://login.microsoftonline.com/{tenant}/v2.0`) and the provisioning service principal id as subject. Rollcall assigns the audience (`audience` in the answer), different for every credential: give it to Entra as the Application ID URI of the workload identity app, so its assertions carry it in `aud`. Unique per organization: another organization trusting the same issuer and subject is neither refused nor revealed.',
  })
  @ApiCreatedResponse({ type: ScimFederatedCredentialDto })
  @ApiBadRequestResponse({
    type: ApiErrorDto,
    description: 'BAD_REQUEST, FEDERATED_CREDENTIAL_INVALID, ACCESS_TOKEN_LIFETIME_INVALID',
  })
  @ApiConflictResponse({
    type: ApiErrorDto,
    description: 'FEDERATED_CREDENTIAL_TAKEN: this organization already trusts the pair.',
  })
  async create(
    @CurrentAdmin() admin: AdminPrincipal,
    @Body(adminBodyPipe()) body: CreateScimFederatedCredentialDto,
  ): Promise<ScimFederatedCredentialDto> {
    const created = await this.createCredential.execute({
      organizationId: admin.organizationId,
      actor: admin.actor,
      name: body.name,
      issuer: body.issuer,
      subject: body.subject,
      jwksUri: body.jwksUri,
      accessTokenLifetimeMinutes: body.accessTokenLifetimeMinutes,
    });
    return toFederatedCredentialDto(created);
  }

  @Delete(':id')
  @HttpCode(204)
  @AdminWrite()
  @ApiOperation({
    summary: 'Revoke a federated credential',
    description: 'No more exchanges, and the access tokens it got are refused from now on.',
  })
  @ApiNoContentResponse({ description: 'Revoked.' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'FEDERATED_CREDENTIAL_NOT_FOUND' })
  async revoke(@CurrentAdmin() admin: AdminPrincipal, @Param('id') id: string): Promise<void> {
    await this.revokeCredential.execute({
      organizationId: admin.organizationId,
      id,
      actor: admin.actor,
    });
  }
}
