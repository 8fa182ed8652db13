import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CreateApiKey, ListApiKeys, RevokeApiKey } from '@rollcall/organizations';
import type { AuthenticatedAdmin } from '@rollcall/sso';
import {
  CurrentAdmin,
  CurrentAdminSession,
  type AdminPrincipal,
} from '../auth/current-admin.decorator';
import { adminBodyPipe } from '../http/admin-body.pipe';
import { AdminRoutes, AdminWrite } from '../http/admin-routes.decorator';
import { ApiErrorDto } from '../http/api-error.dto';
import {
  ApiKeyListDto,
  CreateApiKeyDto,
  CreatedApiKeyDto,
  toApiKeyDto,
  toCreatedApiKeyDto,
} from './api-keys.dto';

/**
 * Keys a backend calls the directory endpoints with (`Authorization: Bearer rck_…`).
 * Managing them takes an admin session: a key cannot mint or revoke keys (403
 * SESSION_REQUIRED), so a leaked key cannot entrench itself.
 */
@ApiTags('Admin: API keys')
@Controller('api/api-keys')
@AdminRoutes()
@ApiForbiddenResponse({
  type: ApiErrorDto,
  description: 'SESSION_REQUIRED: called with an API key.',
})
export class ApiKeysController {
  constructor(
    private readonly createApiKey: CreateApiKey,
    private readonly listApiKeys: ListApiKeys,
    private readonly revokeApiKey: RevokeApiKey,
  ) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'The organization’s API keys, newest first',
    description: 'Live, expired and revoked ones with their prefix and last use; never the key.',
  })
  @ApiOkResponse({ type: ApiKeyListDto })
  async list(@CurrentAdmin() admin: AdminPrincipal): Promise<ApiKeyListDto> {
    const keys = await this.listApiKeys.execute(admin.organizationId);
    const now = new Date();
    return { apiKeys: keys.map((key) => toApiKeyDto(key, now)) };
  }

  @Post()
  @HttpCode(201)
  @Header('Cache-Control', 'no-store')
  @AdminWrite()
  @ApiOperation({
    summary: 'Create an API key',
    description:
      'The response is the only time the key is shown. `read` keys may call GET on users, teams, the provisioning log and role mappings; `read_write` keys may change them too.',
  })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  @ApiBadRequestResponse({
    type: ApiErrorDto,
    description:
      'BAD_REQUEST (validation), API_KEY_NAME_INVALID, API_KEY_EXPIRY_INVALID (in the past)',
  })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'API_KEY_NAME_TAKEN' })
  async create(
    @CurrentAdminSession() session: AuthenticatedAdmin,
    @Body(adminBodyPipe()) body: CreateApiKeyDto,
  ): Promise<CreatedApiKeyDto> {
    const issued = await this.createApiKey.execute({
      organizationId: session.organization.id,
      name: body.name,
      scope: body.scope,
      createdBy: session.admin.email,
      expiresAt: body.expiresAt ? new Date(body.expiresAt) : null,
    });
    return toCreatedApiKeyDto(issued);
  }

  @Delete(':id')
  @HttpCode(204)
  @AdminWrite()
  @ApiOperation({
    summary: 'Revoke an API key',
    description:
      'Requests with it are refused (401) from now on, by every replica. Revoking a revoked key succeeds.',
  })
  @ApiNoContentResponse({ description: 'Revoked.' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'API_KEY_NOT_FOUND' })
  async revoke(@CurrentAdmin() admin: AdminPrincipal, @Param('id') id: string): Promise<void> {
    await this.revokeApiKey.execute(admin.organizationId, id, admin.actor);
  }
}
