import { applyDecorators } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiHeader,
  ApiProduces,
  ApiQuery,
  ApiResponse,
  type ExamplesObject,
  type HeadersObject,
  type SchemaObject,
} from '@nestjs/swagger';
import type { ScimType } from '@rollcall/scim-core';
import { scimSchemaRef, type ScimSchemaName } from './scim-resource.schemas';

/** RFC 7644 §3.1. Answers always carry it; requests may also say `application/json`. */
export const SCIM_MEDIA_TYPE = 'application/scim+json';

/** Every request and response body of a SCIM controller, in SCIM's media type. */
export function ScimMediaTypes(): ClassDecorator {
  // body-parsing reads application/json, application/scim+json and any other +json type.
  return applyDecorators(
    ApiConsumes(SCIM_MEDIA_TYPE, 'application/json'),
    ApiProduces(SCIM_MEDIA_TYPE),
  );
}

/** A request body of one of the SCIM component schemas, with Entra's real requests as examples. */
export function ScimRequestBody(
  schema: ScimSchemaName,
  examples: ExamplesObject,
  required = true,
): MethodDecorator {
  return ApiBody({ schema: scimSchemaRef(schema), examples, required });
}

/** RFC 7644 §3.9 on a single-resource request: which attributes the answer holds. */
export function ScimProjectionQuery(): MethodDecorator {
  return applyDecorators(
    ApiQuery({
      name: 'attributes',
      required: false,
      description: 'Comma-separated attributes to return (plus `id` and `schemas`).',
      example: 'userName,active',
    }),
    ApiQuery({
      name: 'excludedAttributes',
      required: false,
      description: 'Comma-separated attributes to leave out.',
      example: 'members',
    }),
  );
}

/** RFC 7644 §3.4.2 list parameters; names match case-insensitively. */
export function ScimListQuery(filterExample: string): MethodDecorator {
  return applyDecorators(
    ApiQuery({ name: 'filter', required: false, example: filterExample }),
    ApiQuery({ name: 'startIndex', required: false, schema: { type: 'integer', minimum: 1 } }),
    ApiQuery({
      name: 'count',
      required: false,
      description: 'Page size: 100 when absent, lowered to `filter.maxResults` when above it.',
      schema: { type: 'integer', minimum: 0 },
    }),
    ApiQuery({ name: 'sortBy', required: false, description: 'A simple attribute path.' }),
    ApiQuery({ name: 'sortOrder', required: false, enum: ['ascending', 'descending'] }),
    ScimProjectionQuery(),
  );
}

const RETRY_AFTER: HeadersObject = {
  'Retry-After': {
    description: 'Seconds to wait before retrying.',
    schema: { type: 'integer', minimum: 0 },
  },
};

const ETAG: HeadersObject = {
  ETag: {
    description: 'The resource’s version, as `meta.version`.',
    schema: { type: 'string', example: 'W/"3"' },
  },
};

/** A 200 or 201 answer with a resource, its ETag and (for 201) its Location. */
export function ScimResourceResponse(
  status: 200 | 201,
  schema: 'ScimUser' | 'ScimGroup',
  description: string,
): MethodDecorator {
  const headers: HeadersObject =
    status === 201
      ? {
          ...ETAG,
          Location: {
            description: 'The new resource’s URL (as `meta.location`).',
            schema: { type: 'string', format: 'uri' },
          },
        }
      : ETAG;
  return ApiResponse({ status, description, schema: scimSchemaRef(schema), headers });
}

/**
 * RFC 7644 §3.14 If-None-Match on GET of one resource: 304 without a body when the client's
 * copy is current.
 */
export function ScimNotModifiedResponse(): MethodDecorator {
  return applyDecorators(
    ApiHeader({
      name: 'If-None-Match',
      required: false,
      description:
        'Entity tags (or `*`) of the copy the client holds, compared weakly with `meta.version`.',
    }),
    ApiResponse({
      status: 304,
      description: 'The resource still has a tag the client sent in If-None-Match; no body.',
      headers: ETAG,
    }),
  );
}

/** A 200 answer with a SCIM document (a ListResponse or a discovery document). */
export function ScimDocumentResponse(schema: ScimSchemaName, description: string): MethodDecorator {
  return ApiResponse({ status: 200, description, schema: scimSchemaRef(schema) });
}

/**
 * The SCIM error envelope narrowed to one status and, where RFC 7644 §3.12 defines them, the
 * scimType values this operation can answer with it.
 */
function errorSchema(status: number, scimTypes: readonly ScimType[]): SchemaObject {
  return {
    allOf: [
      scimSchemaRef('ScimError'),
      {
        type: 'object',
        properties: {
          status: { type: 'string', enum: [String(status)] },
          ...(scimTypes.length > 0 ? { scimType: { type: 'string', enum: [...scimTypes] } } : {}),
        },
      },
    ],
  };
}

export function ScimErrorResponse(
  status: number,
  scimTypes: readonly ScimType[],
  description: string,
  headers?: HeadersObject,
): MethodDecorator & ClassDecorator {
  return ApiResponse({
    status,
    description,
    schema: errorSchema(status, scimTypes),
    ...(headers ? { headers } : {}),
  });
}

/**
 * The scimTypes this server answers 400 with. RFC 7644's `tooMany` (the server caps `count`
 * instead), `invalidVers` (one protocol version) and `sensitive` are never sent.
 */
export type ScimBadRequestType = Extract<
  ScimType,
  'invalidFilter' | 'invalidSyntax' | 'invalidPath' | 'invalidValue' | 'noTarget' | 'mutability'
>;

/** What each 400 scimType means at this server, for the response's description. */
const BAD_REQUEST: Record<ScimBadRequestType, string> = {
  invalidFilter: '`invalidFilter`: the filter is malformed or names an unknown attribute.',
  invalidSyntax:
    '`invalidSyntax`: the body is not valid JSON, nests too deep, or is not the object expected (a PatchOp needs its schema and one or more `Operations`).',
  invalidPath: '`invalidPath`: a PATCH path is malformed or names an unknown attribute.',
  invalidValue:
    '`invalidValue`: a value or a query parameter is wrong (a missing or too long userName/displayName, an unknown roleName, a member not in this organization, a malformed `count`, `attributes`, `sortBy`, or a character that cannot be stored).',
  noTarget:
    '`noTarget`: `remove` without a path, or a value filter in the path that selects nothing.',
  mutability:
    '`mutability`: an attribute may not change (an `id` that differs from the URL, an immutable value, removing a required attribute).',
};

export interface ScimFailures {
  /** The scimTypes a 400 of this operation can carry. */
  badRequest: readonly ScimBadRequestType[];
  /** The operation reads a JSON body: 413 and 415, and 400 without scimType for a bad encoding. */
  readsBody?: boolean;
  /** 404 for an id that does not exist in the token's organization. */
  notFound?: boolean;
  /** 409 `uniqueness`: the userName or displayName is taken. */
  conflict?: boolean;
  /** The operation honours If-Match: 412 `preconditionFailed` when the tag is stale. */
  ifMatch?: boolean;
}

/**
 * The failures of an authenticated SCIM operation (see toScimErrorResponse): its own, plus
 * 401 without a valid token, 429 past a rate limit and 503 while the database is unavailable.
 */
export function ScimFailureResponses(failures: ScimFailures): MethodDecorator {
  const badRequest = failures.badRequest.map((type) => BAD_REQUEST[type]);
  if (failures.readsBody) {
    badRequest.push('Without scimType: a compressed body that does not decompress.');
  }
  return applyDecorators(
    ScimErrorResponse(400, failures.badRequest, badRequest.join('\n\n')),
    ScimErrorResponse(
      401,
      [],
      'No bearer token, or one that is unknown, revoked or expired, or provisioning is off for its organization.',
      {
        'WWW-Authenticate': {
          description:
            'RFC 6750 §3: `Bearer realm="scim"`, with `error="invalid_token"` when a token was sent.',
          schema: { type: 'string' },
        },
      },
    ),
    ...(failures.notFound
      ? [ScimErrorResponse(404, [], 'No such resource in the token’s organization.')]
      : []),
    ...(failures.conflict
      ? [
          ScimErrorResponse(
            409,
            ['uniqueness'],
            '`uniqueness`: another resource of the organization has this userName or displayName (compared case-insensitively).',
          ),
        ]
      : []),
    ...(failures.ifMatch
      ? [
          ApiHeader({
            name: 'If-Match',
            required: false,
            description:
              'Entity tags (or `*`) the resource must still have, compared weakly with `meta.version`; checked against the row locked for the write. Absent, nothing is checked.',
          }),
          ScimErrorResponse(
            412,
            ['preconditionFailed'],
            '`preconditionFailed`: the resource changed since the tag sent in If-Match; nothing was written.',
          ),
        ]
      : []),
    ...(failures.readsBody
      ? [
          ScimErrorResponse(413, [], 'The body is larger than `bulk.maxPayloadSize`.'),
          ScimErrorResponse(
            415,
            [],
            'The body’s charset is not UTF-8 (RFC 8259 §8.1) or its Content-Encoding is unknown.',
          ),
        ]
      : []),
    ScimErrorResponse(
      429,
      [],
      'Too many requests from this credential, or too many failed authentications from this address.',
      RETRY_AFTER,
    ),
    ScimErrorResponse(
      503,
      [],
      'The database is unavailable; retry after Retry-After.',
      RETRY_AFTER,
    ),
  );
}
