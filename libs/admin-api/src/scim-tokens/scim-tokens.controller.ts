import {
  Body,
  Controller,
  DefaultValuePipe,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
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
  CreateScimToken,
  ListScimTokens,
  MAX_LIVE_SCIM_TOKENS,
  RevokeScimToken,
} from '@rollcall/organizations';
import { CurrentAdmin, type AdminPrincipal } from '../auth/current-admin.decorator';
import { adminBodyPipe } from '../http/admin-body.pipe';
import { AdminRoutes, AdminWrite } from '../http/admin-routes.decorator';
import { ApiErrorDto } from '../http/api-error.dto';
import {
  CreateScimTokenDto,
  CreatedScimTokenDto,
  ScimTokenListDto,
  toCreatedScimTokenDto,
  toScimTokenDto,
} from './scim-tokens.dto';

/** The Secret Tokens Entra authenticates with: issue, list, revoke (rotation = issue + revoke). */
@ApiTags('Admin: SCIM tokens')
@Controller('api/scim/tokens')
@AdminRoutes()
export class ScimTokensController {
  constructor(
    private readonly createScimToken: CreateScimToken,
    private readonly listScimTokens: ListScimTokens,
    private readonly revokeScimToken: RevokeScimToken,
  ) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'The organization’s SCIM tokens, newest first',
    description: 'Live and revoked ones, with their prefix and last use; never the secret.',
  })
  @ApiOkResponse({ type: ScimTokenListDto })
  async list(@CurrentAdmin() admin: AdminPrincipal): Promise<ScimTokenListDto> {
    const tokens = await this.listScimTokens.execute(admin.organizationId);
    return { tokens: tokens.map(toScimTokenDto) };
  }

  @Post()
  @HttpCode(201)
  @Header('Cache-Control', 'no-store')
  @AdminWrite()
  @ApiOperation({
    summary: 'Issue a Secret Token',
    description: `The response is the only time the token is shown. At most ${MAX_LIVE_SCIM_TOKENS} tokens are live at once, so Entra can switch to a new one before the old one is revoked.`,
  })
  @ApiCreatedResponse({ type: CreatedScimTokenDto })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'The label is not valid.' })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'SCIM_TOKEN_LIMIT_REACHED' })
  async create(
    @CurrentAdmin() admin: AdminPrincipal,
    // The body is optional: a bare POST issues an unlabelled token.
    @Body(new DefaultValuePipe({}), adminBodyPipe()) body: CreateScimTokenDto,
  ): Promise<CreatedScimTokenDto> {
    const label = body.label?.trim() || null;
    const issued = await this.createScimToken.execute(
      admin.organizationId,
      admin.actor,
      label ?? undefined,
    );
    return toCreatedScimTokenDto(issued, label);
  }

  @Delete(':id')
  @HttpCode(204)
  @AdminWrite()
  @ApiOperation({
    summary: 'Revoke a token',
    description: 'SCIM requests with it are refused (401) from now on.',
  })
  @ApiNoContentResponse({ description: 'Revoked.' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'SCIM_TOKEN_NOT_FOUND' })
  async revoke(@CurrentAdmin() admin: AdminPrincipal, @Param('id') id: string): Promise<void> {
    await this.revokeScimToken.execute({
      token: id,
      organizationId: admin.organizationId,
      actor: admin.actor,
    });
  }
}
