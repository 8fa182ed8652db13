import {
  Body,
  Delete,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  DeleteUser,
  GetUser,
  ListUsers,
  PatchUser,
  ProvisionUser,
  ReplaceUser,
  type DirectoryUser,
} from '@rollcall/directory';
import type { ScimPrincipal } from '@rollcall/organizations';
import {
  USER_RESOURCE_SCHEMAS,
  listResponse,
  projectResource,
  requestsAttribute,
  versionTag,
  type ScimJsonObject,
} from '@rollcall/scim-core';
import { ListTeamsOfUsers, type UserTeam } from '@rollcall/teams';
import { CurrentScimPrincipal, scimActor } from '../auth/scim-principal.decorator';
import { ScimResourceController } from '../http/scim-resource-controller.decorator';
import { answeredNotModified, ifMatchPrecondition } from '../http/scim-preconditions';
import { listQueryOf, projectionOf, type ScimProjection } from '../http/scim-query';
import {
  ScimDocumentResponse,
  ScimFailureResponses,
  ScimListQuery,
  ScimNotModifiedResponse,
  ScimProjectionQuery,
  ScimRequestBody,
  ScimResourceResponse,
} from '../openapi/scim-openapi.decorators';
import { SCIM_OPTIONS, scimBaseUrl, type ScimModuleOptions } from '../scim.options';
import {
  SCIM_USER_EXAMPLE,
  SCIM_USER_PATCH_EXAMPLE,
  SCIM_USER_SEARCH_EXAMPLE,
} from './scim-user.examples';
import { renderScimUser } from './scim-user.renderer';

type QueryParams = Record<string, unknown>;

const AS_ENTRA_SENDS = 'As Microsoft Entra ID sends it';

/** RFC 7644 §3 for /Users, as Microsoft Entra ID's provisioning service calls it. */
@ScimResourceController('Users', 'SCIM Users')
export class ScimUsersController {
  private readonly baseUrl: string;

  constructor(
    @Inject(SCIM_OPTIONS) private readonly options: ScimModuleOptions,
    private readonly provisionUser: ProvisionUser,
    private readonly getUser: GetUser,
    private readonly listUsers: ListUsers,
    private readonly replaceUser: ReplaceUser,
    private readonly patchUser: PatchUser,
    private readonly deleteUser: DeleteUser,
    private readonly teamsOfUsers: ListTeamsOfUsers,
  ) {
    this.baseUrl = scimBaseUrl(options);
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Create a user (201 with Location; 409 uniqueness on a taken userName)',
  })
  @ScimProjectionQuery()
  @ScimRequestBody('ScimUser', { entra: { summary: AS_ENTRA_SENDS, value: SCIM_USER_EXAMPLE } })
  @ScimResourceResponse(201, 'ScimUser', 'The user as stored.')
  @ScimFailureResponses({
    badRequest: ['invalidSyntax', 'invalidValue'],
    readsBody: true,
    conflict: true,
  })
  async create(
    @CurrentScimPrincipal() principal: ScimPrincipal,
    @Body() body: unknown,
    @Query() query: QueryParams,
    @Res({ passthrough: true }) response: Response,
  ) {
    const user = await this.provisionUser.execute(
      principal.organizationId,
      body,
      scimActor(principal),
    );
    response.location(`${this.baseUrl}/Users/${user.id}`);
    return this.one(user, query, response);
  }

  @Get()
  @ApiOperation({
    summary: 'List or filter users',
    description:
      'Entra matches with `filter=userName eq "…"` (Test Connection uses a random value and expects an empty list). The full RFC 7644 filter grammar is supported.',
  })
  @ScimListQuery('userName eq "ada@example.com"')
  @ScimDocumentResponse('ScimUserListResponse', 'One page of users.')
  @ScimFailureResponses({ badRequest: ['invalidFilter', 'invalidValue'] })
  list(@CurrentScimPrincipal() principal: ScimPrincipal, @Query() query: QueryParams) {
    return this.search(principal, query);
  }

  @Post('.search')
  @HttpCode(200)
  @ApiOperation({ summary: 'Search users with a SearchRequest body (RFC 7644 §3.4.3)' })
  @ScimRequestBody(
    'ScimSearchRequest',
    { search: { summary: 'Match by userName', value: SCIM_USER_SEARCH_EXAMPLE } },
    false,
  )
  @ScimDocumentResponse('ScimUserListResponse', 'One page of users.')
  @ScimFailureResponses({
    badRequest: ['invalidFilter', 'invalidSyntax', 'invalidValue'],
    readsBody: true,
  })
  async search(@CurrentScimPrincipal() principal: ScimPrincipal, @Body() request: QueryParams) {
    const query = listQueryOf(request, this.options);
    const { total, users } = await this.listUsers.execute(principal.organizationId, query);
    const groups = await this.groupsOf(principal.organizationId, users, query);
    return listResponse(
      users.map((user) =>
        projectResource(
          renderScimUser(user, this.baseUrl, groups?.get(user.id)),
          USER_RESOURCE_SCHEMAS,
          query,
        ),
      ),
      total,
      query.startIndex,
    );
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get one user' })
  @ScimProjectionQuery()
  @ScimResourceResponse(200, 'ScimUser', 'The user.')
  @ScimNotModifiedResponse()
  @ScimFailureResponses({ badRequest: ['invalidValue'], notFound: true })
  async get(
    @CurrentScimPrincipal() principal: ScimPrincipal,
    @Param('id') id: string,
    @Query() query: QueryParams,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const user = await this.getUser.execute(principal.organizationId, id);
    if (answeredNotModified(ifNoneMatch, user, response)) return;
    // Written here, not returned: Nest would set its route status over a 304.
    const body = await this.one(user, query, response);
    response.status(200).send(JSON.stringify(body));
  }

  @Put(':id')
  @ApiOperation({
    summary: 'Replace a user',
    description:
      'Attributes left out are cleared. An `id` in the body must match the URL (else 400 `mutability`).',
  })
  @ScimProjectionQuery()
  @ScimRequestBody('ScimUser', { entra: { summary: AS_ENTRA_SENDS, value: SCIM_USER_EXAMPLE } })
  @ScimResourceResponse(200, 'ScimUser', 'The user as stored.')
  @ScimFailureResponses({
    badRequest: ['invalidSyntax', 'invalidValue', 'mutability'],
    readsBody: true,
    notFound: true,
    conflict: true,
    ifMatch: true,
  })
  async replace(
    @CurrentScimPrincipal() principal: ScimPrincipal,
    @Param('id') id: string,
    @Body() body: unknown,
    @Query() query: QueryParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const user = await this.replaceUser.execute(
      principal.organizationId,
      id,
      body,
      scimActor(principal),
      ifMatchPrecondition(ifMatch),
    );
    return this.one(user, query, response);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Update a user with PATCH operations',
    description:
      'Accepts Entra’s shapes: any-case `op`, value-filter paths, URN-qualified paths, no-path value objects, "True"/"False" booleans. `active: false` deactivates the member.',
  })
  @ScimProjectionQuery()
  @ScimRequestBody('ScimPatchOp', {
    entra: { summary: AS_ENTRA_SENDS, value: SCIM_USER_PATCH_EXAMPLE },
  })
  @ScimResourceResponse(200, 'ScimUser', 'The user after every operation (always 200 with a body).')
  @ScimFailureResponses({
    badRequest: ['invalidSyntax', 'invalidPath', 'invalidValue', 'noTarget', 'mutability'],
    readsBody: true,
    notFound: true,
    conflict: true,
    ifMatch: true,
  })
  async patch(
    @CurrentScimPrincipal() principal: ScimPrincipal,
    @Param('id') id: string,
    @Body() body: unknown,
    @Query() query: QueryParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const user = await this.patchUser.execute(
      principal.organizationId,
      id,
      body,
      scimActor(principal),
      ifMatchPrecondition(ifMatch),
    );
    return this.one(user, query, response);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a user (their memberships go, their teams keep their resources)',
  })
  @ApiNoContentResponse({ description: 'Deleted; no body.' })
  @ScimFailureResponses({ badRequest: ['invalidValue'], notFound: true, ifMatch: true })
  async remove(
    @CurrentScimPrincipal() principal: ScimPrincipal,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.deleteUser.execute(
      principal.organizationId,
      id,
      scimActor(principal),
      ifMatchPrecondition(ifMatch),
    );
    response.locals['scimResourceId'] = id;
  }

  private async one(
    user: DirectoryUser,
    query: QueryParams,
    response: Response,
  ): Promise<ScimJsonObject> {
    const projection = projectionOf(query, this.options);
    const groups = await this.groupsOf(user.organizationId, [user], projection);
    response.locals['scimResourceId'] = user.id;
    response.setHeader('ETag', versionTag(user.version));
    return projectResource(
      renderScimUser(user, this.baseUrl, groups?.get(user.id)),
      USER_RESOURCE_SCHEMAS,
      projection,
    );
  }

  /** The read-only `groups` attribute, in one query for the page, only when it is returned. */
  private async groupsOf(
    organizationId: string,
    users: readonly DirectoryUser[],
    projection: ScimProjection,
  ): Promise<Map<string, UserTeam[]> | undefined> {
    if (users.length === 0 || !requestsAttribute(projection, 'groups', USER_RESOURCE_SCHEMAS)) {
      return undefined;
    }
    return this.teamsOfUsers.execute(
      organizationId,
      users.map((user) => user.id),
    );
  }
}
