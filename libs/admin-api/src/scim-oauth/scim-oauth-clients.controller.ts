import {
  Body,
  Controller,
  DefaultValuePipe,
  Delete,
  Get,
  Header,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  CreateOAuthClient,
  CreateOAuthClientSecret,
  ListScimOAuthCredentials,
  MAX_LIVE_CLIENT_SECRETS,
  RevokeOAuthClient,
  RevokeOAuthClientSecret,
  UpdateOAuthClient,
  oauthEndpoints,
} from '@rollcall/scim-oauth';
import { ADMIN_API_OPTIONS, type AdminApiOptions } from '../admin-api.options';
import { CurrentAdmin, type AdminPrincipal } from '../auth/current-admin.decorator';
import { adminBodyPipe } from '../http/admin-body.pipe';
import { AdminRoutes, AdminWrite } from '../http/admin-routes.decorator';
import { ApiErrorDto } from '../http/api-error.dto';
import {
  CreateScimOAuthClientDto,
  CreateScimOAuthSecretDto,
  CreatedScimOAuthClientDto,
  CreatedScimOAuthSecretDto,
  ScimOAuthClientDto,
  ScimOAuthOverviewDto,
  UpdateScimOAuthClientDto,
  toClientDto,
  toFederatedCredentialDto,
  toSecretDto,
} from './scim-oauth.dto';

/**
 * OAuth clients Entra's provisioning service authenticates with (client credentials): create,
 * list, rename, rotate secrets (add one, switch Entra, revoke the old), revoke.
 */
@ApiTags('Admin: SCIM OAuth')
@Controller('api/scim/oauth')
@AdminRoutes()
export class ScimOAuthClientsController {
  constructor(
    @Inject(ADMIN_API_OPTIONS) private readonly options: AdminApiOptions,
    private readonly listCredentials: ListScimOAuthCredentials,
    private readonly createClient: CreateOAuthClient,
    private readonly updateClient: UpdateOAuthClient,
    private readonly revokeClient: RevokeOAuthClient,
    private readonly createSecret: CreateOAuthClientSecret,
    private readonly revokeSecret: RevokeOAuthClientSecret,
  ) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'What to paste into Entra, and the organization’s OAuth clients and federated credentials',
    description: 'Newest first, with prefixes and last use; never a secret.',
  })
  @ApiOkResponse({ type: ScimOAuthOverviewDto })
  async overview(@CurrentAdmin() admin: AdminPrincipal): Promise<ScimOAuthOverviewDto> {
    const endpoints = oauthEndpoints(this.options.publicUrl);
    const { clients, federatedCredentials } = await this.listCredentials.execute(
      admin.organizationId,
    );
    return {
      tokenEndpoint: endpoints.tokenEndpoint,
      jwksUri: endpoints.jwksUri,
      clients: clients.map(toClientDto),
      federatedCredentials: federatedCredentials.map(toFederatedCredentialDto),
    };
  }

  @Post('clients')
  @HttpCode(201)
  @Header('Cache-Control', 'no-store')
  @AdminWrite()
  @ApiOperation({
    summary: 'Create an OAuth client with its first secret',
    description: 'The response is the only time the client secret is shown.',
  })
  @ApiCreatedResponse({ type: CreatedScimOAuthClientDto })
  @ApiBadRequestResponse({
    type: ApiErrorDto,
    description:
      'BAD_REQUEST, OAUTH_CLIENT_NAME_INVALID, ACCESS_TOKEN_LIFETIME_INVALID, CLIENT_SECRET_LIFETIME_INVALID',
  })
  async create(
    @CurrentAdmin() admin: AdminPrincipal,
    @Body(adminBodyPipe()) body: CreateScimOAuthClientDto,
  ): Promise<CreatedScimOAuthClientDto> {
    const created = await this.createClient.execute({
      organizationId: admin.organizationId,
      actor: admin.actor,
      name: body.name,
      accessTokenLifetimeMinutes: body.accessTokenLifetimeMinutes,
      secretLifetimeDays: body.secretLifetimeDays,
    });
    return { ...toClientDto(created.client), clientSecret: created.clientSecret };
  }

  @Patch('clients/:id')
  @AdminWrite()
  @ApiOperation({
    summary: 'Rename a client or change its access token lifetime',
    description: 'A new lifetime applies to tokens issued from now on.',
  })
  @ApiOkResponse({ type: ScimOAuthClientDto })
  @ApiBadRequestResponse({ type: ApiErrorDto })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'OAUTH_CLIENT_NOT_FOUND' })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'OAUTH_CLIENT_REVOKED' })
  async update(
    @CurrentAdmin() admin: AdminPrincipal,
    @Param('id') id: string,
    @Body(adminBodyPipe()) body: UpdateScimOAuthClientDto,
  ): Promise<ScimOAuthClientDto> {
    return toClientDto(
      await this.updateClient.execute({
        organizationId: admin.organizationId,
        actor: admin.actor,
        id,
        name: body.name,
        accessTokenLifetimeMinutes: body.accessTokenLifetimeMinutes,
      }),
    );
  }

  @Delete('clients/:id')
  @HttpCode(204)
  @AdminWrite()
  @ApiOperation({
    summary: 'Revoke a client',
    description: 'No new tokens, and the access tokens it holds are refused (401) from now on.',
  })
  @ApiNoContentResponse({ description: 'Revoked.' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'OAUTH_CLIENT_NOT_FOUND' })
  async revoke(@CurrentAdmin() admin: AdminPrincipal, @Param('id') id: string): Promise<void> {
    await this.revokeClient.execute({
      organizationId: admin.organizationId,
      id,
      actor: admin.actor,
    });
  }

  @Post('clients/:id/secrets')
  @HttpCode(201)
  @Header('Cache-Control', 'no-store')
  @AdminWrite()
  @ApiOperation({
    summary: 'Add a client secret (rotation)',
    description: `The response is the only time the secret is shown. At most ${MAX_LIVE_CLIENT_SECRETS} live secrets per client.`,
  })
  @ApiCreatedResponse({ type: CreatedScimOAuthSecretDto })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'CLIENT_SECRET_LIFETIME_INVALID' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'OAUTH_CLIENT_NOT_FOUND' })
  @ApiConflictResponse({
    type: ApiErrorDto,
    description: 'OAUTH_CLIENT_REVOKED, OAUTH_CLIENT_SECRET_LIMIT_REACHED',
  })
  async addSecret(
    @CurrentAdmin() admin: AdminPrincipal,
    @Param('id') id: string,
    // The body is optional: a bare POST adds a secret with the default lifetime.
    @Body(new DefaultValuePipe({}), adminBodyPipe()) body: CreateScimOAuthSecretDto,
  ): Promise<CreatedScimOAuthSecretDto> {
    const created = await this.createSecret.execute({
      organizationId: admin.organizationId,
      actor: admin.actor,
      clientId: id,
      lifetimeDays: body.lifetimeDays,
    });
    return { secret: toSecretDto(created.secret), clientSecret: created.clientSecret };
  }

  @Delete('clients/:id/secrets/:secretId')
  @HttpCode(204)
  @AdminWrite()
  @ApiOperation({
    summary: 'Revoke a client secret',
    description: 'It gets no new tokens, and the access tokens issued with it are refused.',
  })
  @ApiNoContentResponse({ description: 'Revoked.' })
  @ApiNotFoundResponse({
    type: ApiErrorDto,
    description: 'OAUTH_CLIENT_NOT_FOUND, OAUTH_CLIENT_SECRET_NOT_FOUND',
  })
  async revokeClientSecret(
    @CurrentAdmin() admin: AdminPrincipal,
    @Param('id') id: string,
    @Param('secretId') secretId: string,
  ): Promise<void> {
    await this.revokeSecret.execute({
      organizationId: admin.organizationId,
      actor: admin.actor,
      clientId: id,
      secretId,
    });
  }
}
