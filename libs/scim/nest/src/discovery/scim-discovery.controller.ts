import { Controller, Get, Inject, Param, UseFilters } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  ScimError,
  listResponse,
  resourceTypesDocuments,
  schemaDocuments,
  serviceProviderConfigDocument,
} from '@rollcall/scim-core';
import { ScimErrorFilter } from '../http/scim-error.filter';
import {
  ScimDocumentResponse,
  ScimErrorResponse,
  ScimMediaTypes,
} from '../openapi/scim-openapi.decorators';
import { SCIM_BASE_PATH, SCIM_OPTIONS, scimBaseUrl, type ScimModuleOptions } from '../scim.options';

/**
 * RFC 7644 §4 discovery. Public on purpose: the documents describe the server, not an
 * organization, and clients (and people) read them before they have a token.
 */
@ApiTags('SCIM discovery')
@ScimMediaTypes()
@Controller(SCIM_BASE_PATH)
@UseFilters(ScimErrorFilter)
export class ScimDiscoveryController {
  private readonly baseUrl: string;

  constructor(@Inject(SCIM_OPTIONS) private readonly options: ScimModuleOptions) {
    this.baseUrl = scimBaseUrl(options);
  }

  @Get('ServiceProviderConfig')
  @ApiOperation({ summary: 'What this SCIM server supports (RFC 7644 §4)' })
  @ScimDocumentResponse('ScimServiceProviderConfig', 'The ServiceProviderConfig resource.')
  serviceProviderConfig() {
    return serviceProviderConfigDocument(this.baseUrl, {
      maxResults: this.options.maxResults,
      maxPayloadSize: this.options.maxPayloadBytes,
      documentationUri: `${this.options.publicUrl.replace(/\/+$/, '')}/api/docs`,
      authenticationSchemes: [
        {
          type: 'oauthbearertoken',
          name: 'OAuth Bearer Token',
          description:
            'The Secret Token shown in Single Sign-On settings → Provisioning, sent as `Authorization: Bearer <token>`.',
          specUri: 'https://www.rfc-editor.org/info/rfc6750',
          primary: true,
        },
        {
          type: 'oauthbearertoken',
          name: 'OAuth 2.0',
          description:
            'An access token from POST /oauth/token (client credentials, or a workload identity federation JWT), sent as `Authorization: Bearer <token>`.',
          specUri: 'https://www.rfc-editor.org/info/rfc6749',
          documentationUri: `${this.options.publicUrl.replace(/\/+$/, '')}/api/docs`,
        },
      ],
    });
  }

  @Get('ResourceTypes')
  @ApiOperation({ summary: 'The resource types served: User and Group' })
  @ScimDocumentResponse('ScimResourceTypeListResponse', 'Both resource types.')
  resourceTypes() {
    const all = resourceTypesDocuments(this.baseUrl);
    return listResponse(all, all.length, 1);
  }

  @Get('ResourceTypes/:id')
  @ApiOperation({ summary: 'One resource type' })
  @ApiParam({ name: 'id', example: 'User' })
  @ScimDocumentResponse('ScimResourceType', 'The resource type.')
  @ScimErrorResponse(404, [], 'No resource type with this id.')
  resourceType(@Param('id') id: string) {
    const found = resourceTypesDocuments(this.baseUrl).find((r) => r.id === id);
    if (!found) throw ScimError.notFound(`Resource type ${id} not found.`);
    return found;
  }

  @Get('Schemas')
  @ApiOperation({ summary: 'Every schema with every attribute and its characteristics' })
  @ScimDocumentResponse('ScimSchemaListResponse', 'Every schema.')
  schemas() {
    const all = schemaDocuments(this.baseUrl);
    return listResponse(all, all.length, 1);
  }

  @Get('Schemas/:id')
  @ApiOperation({ summary: 'One schema, by its URN' })
  @ApiParam({ name: 'id', example: 'urn:ietf:params:scim:schemas:extension:rollcall:2.0:User' })
  @ScimDocumentResponse('ScimSchema', 'The schema.')
  @ScimErrorResponse(404, [], 'No schema with this URN.')
  schema(@Param('id') id: string) {
    const found = schemaDocuments(this.baseUrl).find((s) => s.id === id);
    if (!found) throw ScimError.notFound(`Schema ${id} not found.`);
    return found;
  }
}
