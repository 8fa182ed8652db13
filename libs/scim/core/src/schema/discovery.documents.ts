import { COMMON_ATTRIBUTES } from './common.attributes';
import { ENTERPRISE_USER_SCHEMA } from './enterprise-user.schema';
import { GROUP_SCHEMA } from './group.schema';
import { RESOURCE_TYPES } from './resource-types';
import { ROLLCALL_USER_SCHEMA } from './rollcall-user.schema';
import type { ScimAttributeDefinition, ScimSchemaDefinition } from './schema.types';
import {
  RESOURCE_TYPE_SCHEMA_URN,
  SCHEMA_SCHEMA_URN,
  SERVICE_PROVIDER_CONFIG_SCHEMA_URN,
} from './scim-urns';
import { USER_SCHEMA } from './user.schema';

// RFC 7644 §4: the discovery endpoints. Pure functions of the base URL, so every replica
// answers the same and the controller only wraps the arrays in a ListResponse.

export const SCIM_SCHEMAS: readonly ScimSchemaDefinition[] = [
  USER_SCHEMA,
  ENTERPRISE_USER_SCHEMA,
  ROLLCALL_USER_SCHEMA,
  GROUP_SCHEMA,
];

export interface ScimAuthenticationScheme {
  type: string;
  name: string;
  description: string;
  specUri?: string;
  documentationUri?: string;
  primary?: boolean;
}

export interface ServiceProviderConfigOptions {
  maxResults: number;
  maxPayloadSize: number;
  authenticationSchemes: ScimAuthenticationScheme[];
  documentationUri?: string;
}

export interface ScimResourceMeta {
  resourceType: string;
  location: string;
}

export interface ServiceProviderConfigDocument {
  schemas: [typeof SERVICE_PROVIDER_CONFIG_SCHEMA_URN];
  documentationUri: string;
  patch: { supported: boolean };
  bulk: { supported: boolean; maxOperations: number; maxPayloadSize: number };
  filter: { supported: boolean; maxResults: number };
  changePassword: { supported: boolean };
  sort: { supported: boolean };
  etag: { supported: boolean };
  authenticationSchemes: ScimAuthenticationScheme[];
  meta: ScimResourceMeta;
}

export interface ResourceTypeDocument {
  schemas: [typeof RESOURCE_TYPE_SCHEMA_URN];
  id: string;
  name: string;
  endpoint: string;
  description: string;
  schema: string;
  schemaExtensions: { schema: string; required: boolean }[];
  meta: ScimResourceMeta;
}

export interface SchemaDocument {
  schemas: [typeof SCHEMA_SCHEMA_URN];
  id: string;
  name: string;
  description: string;
  attributes: ScimAttributeDefinition[];
  meta: ScimResourceMeta;
}

const DEFAULT_DOCUMENTATION_URI = 'https://www.rfc-editor.org/rfc/rfc7644';

function trimBaseUrl(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}

export function serviceProviderConfigDocument(
  baseUrl: string,
  opts: ServiceProviderConfigOptions,
): ServiceProviderConfigDocument {
  return {
    schemas: [SERVICE_PROVIDER_CONFIG_SCHEMA_URN],
    documentationUri: opts.documentationUri ?? DEFAULT_DOCUMENTATION_URI,
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: opts.maxPayloadSize },
    filter: { supported: true, maxResults: opts.maxResults },
    changePassword: { supported: false },
    sort: { supported: true },
    etag: { supported: true },
    authenticationSchemes: opts.authenticationSchemes.map((scheme) => ({ ...scheme })),
    meta: {
      resourceType: 'ServiceProviderConfig',
      location: `${trimBaseUrl(baseUrl)}/ServiceProviderConfig`,
    },
  };
}

export function resourceTypesDocuments(baseUrl: string): ResourceTypeDocument[] {
  const base = trimBaseUrl(baseUrl);
  return RESOURCE_TYPES.map((type) => ({
    schemas: [RESOURCE_TYPE_SCHEMA_URN],
    id: type.id,
    name: type.name,
    endpoint: type.endpoint,
    description: type.description,
    schema: type.schema,
    schemaExtensions: type.schemaExtensions.map((ext) => ({ ...ext })),
    meta: { resourceType: 'ResourceType', location: `${base}/ResourceTypes/${type.id}` },
  }));
}

// RFC 7643 §7: every characteristic is spelled out, in the RFC's order, so clients never
// have to know our defaults; copies keep callers from mutating the shared definitions.
function attributeDocument(attribute: ScimAttributeDefinition): ScimAttributeDefinition {
  return {
    name: attribute.name,
    type: attribute.type,
    multiValued: attribute.multiValued,
    description: attribute.description,
    required: attribute.required,
    ...(attribute.canonicalValues ? { canonicalValues: [...attribute.canonicalValues] } : {}),
    caseExact: attribute.caseExact,
    mutability: attribute.mutability,
    returned: attribute.returned,
    uniqueness: attribute.uniqueness,
    ...(attribute.referenceTypes ? { referenceTypes: [...attribute.referenceTypes] } : {}),
    ...(attribute.type === 'complex'
      ? { subAttributes: (attribute.subAttributes ?? []).map(attributeDocument) }
      : {}),
  };
}

// Entra's gallery validation (Schema_Discoverability_Test) flattens /Schemas and fails every
// mapped target attribute it cannot find there but `id`, and Entra maps objectId → externalId
// for users and groups by default. RFC 7643 §3.1 defines externalId outside any schema without
// forbidding its description, so the core resource schemas list it; `id` and `meta` stay out.
const DESCRIBED_COMMON_ATTRIBUTES = COMMON_ATTRIBUTES.filter((a) => a.name === 'externalId');
const RESOURCE_SCHEMA_IDS = new Set(RESOURCE_TYPES.map((type) => type.schema));

export function schemaDocuments(baseUrl: string): SchemaDocument[] {
  const base = trimBaseUrl(baseUrl);
  return SCIM_SCHEMAS.map((schema) => ({
    schemas: [SCHEMA_SCHEMA_URN],
    id: schema.id,
    name: schema.name,
    description: schema.description,
    attributes: [
      ...schema.attributes,
      ...(RESOURCE_SCHEMA_IDS.has(schema.id) ? DESCRIBED_COMMON_ATTRIBUTES : []),
    ].map(attributeDocument),
    meta: { resourceType: 'Schema', location: `${base}/Schemas/${schema.id}` },
  }));
}
