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
import type { ScimPrincipal } from '@rollcall/organizations';
import {
  GROUP_RESOURCE_SCHEMAS,
  listResponse,
  projectResource,
  requestsAttribute,
  versionTag,
  type ScimJsonObject,
} from '@rollcall/scim-core';
import {
  DeleteTeam,
  GetTeam,
  ListTeams,
  PatchGroup,
  ProvisionGroup,
  ReadTeamMembers,
  ReplaceGroup,
  type Team,
} from '@rollcall/teams';
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
  SCIM_GROUP_EXAMPLE,
  SCIM_GROUP_PATCH_EXAMPLE,
  SCIM_GROUP_REMOVE_MEMBER_EXAMPLE,
  SCIM_GROUP_SEARCH_EXAMPLE,
} from './scim-group.examples';
import { renderScimGroup, renderScimMember } from './scim-group.renderer';

type QueryParams = Record<string, unknown>;

const AS_ENTRA_SENDS = 'As Microsoft Entra ID sends it';

/** RFC 7644 §3 for /Groups: a group is a team; members are users of the same organization. */
@ScimResourceController('Groups', 'SCIM Groups')
export class ScimGroupsController {
  private readonly baseUrl: string;

  constructor(
    @Inject(SCIM_OPTIONS) private readonly options: ScimModuleOptions,
    private readonly provisionGroup: ProvisionGroup,
    private readonly getTeam: GetTeam,
    private readonly listTeams: ListTeams,
    private readonly members: ReadTeamMembers,
    private readonly patchGroup: PatchGroup,
    private readonly replaceGroup: ReplaceGroup,
    private readonly deleteTeam: DeleteTeam,
  ) {
    this.baseUrl = scimBaseUrl(options);
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Create a group (a team managed by Entra)' })
  @ScimProjectionQuery()
  @ScimRequestBody('ScimGroup', { entra: { summary: AS_ENTRA_SENDS, value: SCIM_GROUP_EXAMPLE } })
  @ScimResourceResponse(201, 'ScimGroup', 'The group as stored, with its members.')
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
    const team = await this.provisionGroup.execute(
      principal.organizationId,
      body,
      scimActor(principal),
    );
    response.location(`${this.baseUrl}/Groups/${team.id}`);
    return this.withMembers(team, this.projection(query), response);
  }

  @Get()
  @ApiOperation({
    summary: 'List or filter groups',
    description:
      'Entra matches with `filter=displayName eq "…"` and `excludedAttributes=members`; with members excluded they are not read at all.',
  })
  @ScimListQuery('displayName eq "On-call Engineers"')
  @ScimDocumentResponse('ScimGroupListResponse', 'One page of groups.')
  @ScimFailureResponses({ badRequest: ['invalidFilter', 'invalidValue'] })
  list(@CurrentScimPrincipal() principal: ScimPrincipal, @Query() query: QueryParams) {
    return this.search(principal, query);
  }

  @Post('.search')
  @HttpCode(200)
  @ApiOperation({ summary: 'Search groups with a SearchRequest body (RFC 7644 §3.4.3)' })
  @ScimRequestBody(
    'ScimSearchRequest',
    { search: { summary: 'Match by displayName', value: SCIM_GROUP_SEARCH_EXAMPLE } },
    false,
  )
  @ScimDocumentResponse('ScimGroupListResponse', 'One page of groups.')
  @ScimFailureResponses({
    badRequest: ['invalidFilter', 'invalidSyntax', 'invalidValue'],
    readsBody: true,
  })
  async search(@CurrentScimPrincipal() principal: ScimPrincipal, @Body() request: QueryParams) {
    const query = listQueryOf(request, this.options);
    const { total, teams } = await this.listTeams.execute(principal.organizationId, query);
    const members = requestsAttribute(query, 'members', GROUP_RESOURCE_SCHEMAS)
      ? await this.members.ofTeams(
          principal.organizationId,
          teams.map((team) => team.id),
        )
      : undefined;
    const resources = teams.map((team) =>
      projectResource(
        {
          ...renderScimGroup(team, this.baseUrl),
          ...(members
            ? {
                members: (members.get(team.id) ?? []).map((m) => renderScimMember(m, this.baseUrl)),
              }
            : {}),
        },
        GROUP_RESOURCE_SCHEMAS,
        query,
      ),
    );
    return listResponse(resources, total, query.startIndex);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Get one group',
    description:
      'Members are streamed in chunks, so a 10,000-member group is never built in memory at once.',
  })
  @ScimProjectionQuery()
  @ScimResourceResponse(200, 'ScimGroup', 'The group, with its members unless excluded.')
  @ScimNotModifiedResponse()
  @ScimFailureResponses({ badRequest: ['invalidValue'], notFound: true })
  async get(
    @CurrentScimPrincipal() principal: ScimPrincipal,
    @Param('id') id: string,
    @Query() query: QueryParams,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const team = await this.getTeam.execute(principal.organizationId, id);
    if (answeredNotModified(ifNoneMatch, team, response)) return;
    const projection = this.projection(query);
    const head = this.head(team, projection, response);
    if (!requestsAttribute(projection, 'members', GROUP_RESOURCE_SCHEMAS)) {
      response.status(200).send(JSON.stringify(head));
      return;
    }
    // The head serialised without its closing brace, then the members array chunk by chunk.
    const opening = JSON.stringify(head);
    response.status(200);
    response.write(`${opening.slice(0, -1)}${opening.length > 2 ? ',' : ''}"members":[`);
    let first = true;
    for await (const chunk of this.members.chunks(team.organizationId, team.id)) {
      const text = chunk.map((m) => JSON.stringify(renderScimMember(m, this.baseUrl))).join(',');
      response.write(first ? text : `,${text}`);
      first = false;
    }
    response.end(']}');
  }

  @Put(':id')
  @ApiOperation({
    summary: 'Replace a group, members included',
    description: 'An `id` in the body must match the URL (else 400 `mutability`).',
  })
  @ScimProjectionQuery()
  @ScimRequestBody('ScimGroup', { entra: { summary: AS_ENTRA_SENDS, value: SCIM_GROUP_EXAMPLE } })
  @ScimResourceResponse(200, 'ScimGroup', 'The group as stored, with its members.')
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
    const team = await this.replaceGroup.execute(
      principal.organizationId,
      id,
      body,
      scimActor(principal),
      ifMatchPrecondition(ifMatch),
    );
    return this.withMembers(team, this.projection(query), response);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Update a group: members Add/Remove batches, displayName, externalId',
    description:
      'Answers 204 without a body, or 200 with the group when the `attributes` query parameter names at least one attribute (`excludedAttributes` alone still answers 204). Adding an existing member or removing an absent one is not an error.',
  })
  @ScimProjectionQuery()
  @ScimRequestBody('ScimPatchOp', {
    entra: { summary: AS_ENTRA_SENDS, value: SCIM_GROUP_PATCH_EXAMPLE },
    removeMember: {
      summary: 'Remove one member, as Entra does',
      value: SCIM_GROUP_REMOVE_MEMBER_EXAMPLE,
    },
  })
  @ApiNoContentResponse({ description: 'Applied; no body (no `attributes` query parameter).' })
  @ScimResourceResponse(200, 'ScimGroup', 'Applied; the group, when `attributes` is given.')
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
  ): Promise<ScimJsonObject | undefined> {
    const team = await this.patchGroup.execute(
      principal.organizationId,
      id,
      body,
      scimActor(principal),
      ifMatchPrecondition(ifMatch),
    );
    const projection = this.projection(query);
    if (projection.attributes.length === 0) {
      response.locals['scimResourceId'] = team.id;
      response.status(204);
      return undefined;
    }
    return this.withMembers(team, projection, response);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a group — its team and everything it owns',
    description:
      'Answers 204 at once. The team, its memberships and resources move to pending deletion for the organization’s retention window (restorable by an admin), or go at once when the window is 0.',
  })
  @ApiNoContentResponse({ description: 'Deleted (or pending deletion); no body.' })
  @ScimFailureResponses({ badRequest: ['invalidValue'], notFound: true, ifMatch: true })
  async remove(
    @CurrentScimPrincipal() principal: ScimPrincipal,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.deleteTeam.execute(
      principal.organizationId,
      id,
      scimActor(principal),
      ifMatchPrecondition(ifMatch),
    );
    response.locals['scimResourceId'] = id;
  }

  private projection(query: QueryParams): ScimProjection {
    return projectionOf(query, this.options);
  }

  private head(team: Team, projection: ScimProjection, response: Response): ScimJsonObject {
    response.locals['scimResourceId'] = team.id;
    response.setHeader('ETag', versionTag(team.version));
    return projectResource(renderScimGroup(team, this.baseUrl), GROUP_RESOURCE_SCHEMAS, projection);
  }

  private async withMembers(team: Team, projection: ScimProjection, response: Response) {
    const head = this.head(team, projection, response);
    if (!requestsAttribute(projection, 'members', GROUP_RESOURCE_SCHEMAS)) return head;
    const members = (await this.members.ofTeams(team.organizationId, [team.id])).get(team.id) ?? [];
    return { ...head, members: members.map((m) => renderScimMember(m, this.baseUrl)) };
  }
}
