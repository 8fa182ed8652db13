export { SCIM_ERROR_SCHEMA, ScimError, scimErrorBody } from './errors/scim-error';
export type { ScimErrorBody, ScimType } from './errors/scim-error';
export { entityTagsMatch, versionTag } from './etag/entity-tags';
export type { VersionPrecondition } from './etag/entity-tags';
export type {
  ScimAttributeDefinition,
  ScimAttributeType,
  ScimMutability,
  ScimResourceTypeDefinition,
  ScimReturned,
  ScimSchemaDefinition,
  ScimUniqueness,
} from './schema/schema.types';
export {
  resourceTypesDocuments,
  schemaDocuments,
  serviceProviderConfigDocument,
} from './schema/discovery.documents';
export { listResponse } from './list/list-response';
export type { ListResponse } from './list/list-response';
export { parseListQuery } from './list/list-query';
export type { ListQuery } from './list/list-query';
export {
  ENTERPRISE_USER_SCHEMA_URN,
  GROUP_SCHEMA_URN,
  LIST_RESPONSE_SCHEMA_URN,
  PATCH_OP_SCHEMA_URN,
  RESOURCE_TYPE_SCHEMA_URN,
  ROLLCALL_USER_SCHEMA_URN,
  SCHEMA_SCHEMA_URN,
  SEARCH_REQUEST_SCHEMA_URN,
  SERVICE_PROVIDER_CONFIG_SCHEMA_URN,
  USER_SCHEMA_URN,
} from './schema/scim-urns';
export { USER_SCHEMA } from './schema/user.schema';
export { ENTERPRISE_USER_SCHEMA } from './schema/enterprise-user.schema';
export { ROLLCALL_USER_SCHEMA } from './schema/rollcall-user.schema';
export { GROUP_SCHEMA } from './schema/group.schema';
export {
  GROUP_RESOURCE_SCHEMAS,
  USER_RESOURCE_SCHEMAS,
  resolveAttributePath,
} from './schema/attribute-lookup';
export type { ResolvedAttributePath, ScimResourceSchemas } from './schema/attribute-lookup';
export { projectResource, requestsAttribute } from './list/projection';
export type { ProjectionOptions } from './list/attribute-selection';
export { parseFilter } from './filter/filter.parser';
export type { FilterNode } from './filter/filter.types';
export { compileFilter } from './filter/filter-sql.compiler';
export { compileSortBy } from './filter/sort-by-sql.compiler';
export type {
  ColumnMapping,
  CompiledFilter,
  FilterTarget,
  MultiValuedMapping,
  SqlDialect as ScimSqlDialect,
} from './filter/filter-sql.types';
export { MAX_PATCH_OPERATIONS, parsePatchRequest } from './patch/patch-request.parser';
export { applyPatch } from './patch/patch.engine';
export { jsonEqual } from './patch/json-object.accessor';
export type { PatchOperation, ScimJsonObject } from './patch/patch.types';
export { splitMemberOperations } from './patch/member-operations.splitter';
export type { MemberOperation, SplitPatchOperations } from './patch/member-operations.splitter';
export { parseAttributePath } from './path/attribute-path.parser';
export type { AttributePath } from './path/attribute-path.types';
