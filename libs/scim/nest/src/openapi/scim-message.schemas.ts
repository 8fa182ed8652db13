import type { SchemaObject } from '@nestjs/swagger';
import {
  LIST_RESPONSE_SCHEMA_URN,
  MAX_PATCH_OPERATIONS,
  PATCH_OP_SCHEMA_URN,
  RESOURCE_TYPE_SCHEMA_URN,
  SCHEMA_SCHEMA_URN,
  SEARCH_REQUEST_SCHEMA_URN,
  SCIM_ERROR_SCHEMA,
  SERVICE_PROVIDER_CONFIG_SCHEMA_URN,
} from '@rollcall/scim-core';
import type { ScimSchemaName } from './scim-resource.schemas';

// RFC 7644's messages (PatchOp, SearchRequest, ListResponse, Error) and the discovery
// documents, as OpenAPI 3.0 schemas.

const PATCH_OPERATION: SchemaObject = {
  type: 'object',
  description:
    'RFC 7644 §3.5.2. `op` in any case (Entra sends "Add", "Replace", "Remove"). `path` may carry a value filter (`emails[type eq "work"].value`, `members[value eq "<id>"]`) or a URN prefix; without a path, `value` is an object of attributes. `remove` needs a path (else 400 `noTarget`); `add`/`replace` need a value (else 400 `invalidSyntax`).',
  required: ['op'],
  properties: {
    op: {
      type: 'string',
      enum: ['add', 'replace', 'remove', 'Add', 'Replace', 'Remove'],
      description: 'Case-insensitive.',
    },
    path: { type: 'string', example: 'emails[type eq "work"].value' },
    value: {
      description:
        'Any JSON value: a string, a boolean (or "True"/"False"), an object, or an array (e.g. `[{"value": "<user id>"}]` for members).',
    },
  },
};

const PATCH_OP: SchemaObject = {
  type: 'object',
  required: ['schemas', 'Operations'],
  description:
    'All operations apply in one transaction or none does (RFC 7644 §3.5.2). Attribute names match case-insensitively.',
  properties: {
    schemas: {
      type: 'array',
      items: { type: 'string', enum: [PATCH_OP_SCHEMA_URN] },
      minItems: 1,
    },
    Operations: {
      type: 'array',
      minItems: 1,
      maxItems: MAX_PATCH_OPERATIONS,
      items: { $ref: '#/components/schemas/ScimPatchOperation' },
    },
  },
};

const SEARCH_REQUEST: SchemaObject = {
  type: 'object',
  description:
    'RFC 7644 §3.4.3: the query parameters of GET, in a body. Parameter names match case-insensitively; `schemas` and unknown members are ignored.',
  properties: {
    schemas: { type: 'array', items: { type: 'string', enum: [SEARCH_REQUEST_SCHEMA_URN] } },
    filter: { type: 'string', example: 'userName eq "ada@contoso.example"' },
    startIndex: { type: 'integer', minimum: 1, default: 1, description: 'Below 1 reads as 1.' },
    count: {
      type: 'integer',
      minimum: 0,
      description:
        'Page size: 100 when absent; above the server’s filter.maxResults it is lowered to it.',
    },
    sortBy: { type: 'string', example: 'userName' },
    sortOrder: { type: 'string', enum: ['ascending', 'descending'], default: 'ascending' },
    attributes: { type: 'array', items: { type: 'string' } },
    excludedAttributes: { type: 'array', items: { type: 'string' } },
  },
};

function listResponseOf(resource: ScimSchemaName, description: string): SchemaObject {
  return {
    type: 'object',
    description,
    required: ['schemas', 'totalResults', 'startIndex', 'itemsPerPage', 'Resources'],
    properties: {
      schemas: { type: 'array', items: { type: 'string', enum: [LIST_RESPONSE_SCHEMA_URN] } },
      totalResults: { type: 'integer', minimum: 0 },
      startIndex: { type: 'integer', minimum: 1 },
      itemsPerPage: { type: 'integer', minimum: 0 },
      Resources: { type: 'array', items: { $ref: `#/components/schemas/${resource}` } },
    },
  };
}

const ERROR: SchemaObject = {
  type: 'object',
  description:
    'RFC 7644 §3.12: every SCIM failure. Each error response narrows `status` and lists the `scimType` values it can carry.',
  required: ['schemas', 'status'],
  properties: {
    schemas: { type: 'array', items: { type: 'string', enum: [SCIM_ERROR_SCHEMA] } },
    status: { type: 'string', description: 'The HTTP status, as a string.', example: '400' },
    scimType: {
      type: 'string',
      enum: [
        'invalidFilter',
        'tooMany',
        'uniqueness',
        'mutability',
        'invalidSyntax',
        'invalidPath',
        'noTarget',
        'invalidValue',
        'invalidVers',
        'sensitive',
        'preconditionFailed',
      ],
      description:
        'RFC 7644 Table 9 on 400 and 409 answers; `preconditionFailed` on a 412 (a stale If-Match).',
    },
    detail: { type: 'string', description: 'What went wrong, safe to log and show.' },
  },
};

/** Discovery documents: the core shape, described; the full model is RFC 7643 §5–7. */
function discoveryDocument(urn: string, description: string): SchemaObject {
  return {
    type: 'object',
    description,
    required: ['schemas'],
    properties: {
      schemas: { type: 'array', items: { type: 'string', enum: [urn] } },
      meta: {
        type: 'object',
        properties: { resourceType: { type: 'string' }, location: { type: 'string' } },
      },
    },
  };
}

const SERVICE_PROVIDER_CONFIG: SchemaObject = {
  ...discoveryDocument(
    SERVICE_PROVIDER_CONFIG_SCHEMA_URN,
    'RFC 7643 §5: patch, filter (with maxResults), sort and etag (If-Match, If-None-Match) are supported; bulk and changePassword are not.',
  ),
  required: ['schemas', 'patch', 'bulk', 'filter', 'changePassword', 'sort', 'etag'],
  properties: {
    schemas: {
      type: 'array',
      items: { type: 'string', enum: [SERVICE_PROVIDER_CONFIG_SCHEMA_URN] },
    },
    documentationUri: { type: 'string', format: 'uri' },
    patch: { $ref: '#/components/schemas/ScimSupported' },
    bulk: { type: 'object', properties: { supported: { type: 'boolean' } } },
    filter: {
      type: 'object',
      properties: { supported: { type: 'boolean' }, maxResults: { type: 'integer' } },
    },
    changePassword: { $ref: '#/components/schemas/ScimSupported' },
    sort: { $ref: '#/components/schemas/ScimSupported' },
    etag: { $ref: '#/components/schemas/ScimSupported' },
    authenticationSchemes: { type: 'array', items: { type: 'object' } },
  },
};

const RESOURCE_TYPE: SchemaObject = {
  ...discoveryDocument(RESOURCE_TYPE_SCHEMA_URN, 'RFC 7643 §6: User or Group.'),
  required: ['schemas', 'id', 'name', 'endpoint', 'schema'],
  properties: {
    schemas: { type: 'array', items: { type: 'string', enum: [RESOURCE_TYPE_SCHEMA_URN] } },
    id: { type: 'string', enum: ['User', 'Group'] },
    name: { type: 'string' },
    endpoint: { type: 'string', example: '/Users' },
    description: { type: 'string' },
    schema: { type: 'string' },
    schemaExtensions: {
      type: 'array',
      items: {
        type: 'object',
        properties: { schema: { type: 'string' }, required: { type: 'boolean' } },
      },
    },
  },
};

const SCHEMA: SchemaObject = {
  ...discoveryDocument(
    SCHEMA_SCHEMA_URN,
    'RFC 7643 §7: a schema with every attribute and its characteristics (type, mutability, returned, uniqueness, canonicalValues, subAttributes).',
  ),
  required: ['schemas', 'id', 'attributes'],
  properties: {
    schemas: { type: 'array', items: { type: 'string', enum: [SCHEMA_SCHEMA_URN] } },
    id: { type: 'string', example: 'urn:ietf:params:scim:schemas:core:2.0:User' },
    name: { type: 'string' },
    description: { type: 'string' },
    attributes: { type: 'array', items: { type: 'object' } },
  },
};

export const SCIM_MESSAGE_SCHEMAS: Partial<Record<ScimSchemaName | 'ScimSupported', SchemaObject>> =
  {
    ScimPatchOperation: PATCH_OPERATION,
    ScimPatchOp: PATCH_OP,
    ScimSearchRequest: SEARCH_REQUEST,
    ScimUserListResponse: listResponseOf('ScimUser', 'RFC 7644 §3.4.2: one page of users.'),
    ScimGroupListResponse: listResponseOf(
      'ScimGroup',
      'RFC 7644 §3.4.2: one page of groups (`members` left out with `excludedAttributes=members`).',
    ),
    ScimError: ERROR,
    ScimSupported: {
      type: 'object',
      required: ['supported'],
      properties: { supported: { type: 'boolean' } },
    },
    ScimServiceProviderConfig: SERVICE_PROVIDER_CONFIG,
    ScimResourceType: RESOURCE_TYPE,
    ScimSchema: SCHEMA,
    ScimResourceTypeListResponse: listResponseOf('ScimResourceType', 'Every resource type.'),
    ScimSchemaListResponse: listResponseOf('ScimSchema', 'Every schema.'),
  };
