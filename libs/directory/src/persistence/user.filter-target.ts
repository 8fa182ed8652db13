import {
  ROLLCALL_USER_SCHEMA_URN,
  USER_RESOURCE_SCHEMAS,
  type FilterTarget,
  type ScimSqlDialect,
} from '@rollcall/scim-core';
import { jsonDocumentFilterTarget } from './json-document.filter-target';

const text = (column: string, caseExact: boolean, normalizedColumn?: string) =>
  ({ kind: 'column', type: 'string', column, caseExact, normalizedColumn }) as const;

/** SCIM User attributes → SQL over `users u`; the hot ones are indexed columns. */
function userFilterTarget(dialect: ScimSqlDialect): FilterTarget {
  return jsonDocumentFilterTarget(dialect, 'u.resource', USER_RESOURCE_SCHEMAS, {
    id: text('u.id', true),
    externalId: text('u.external_id', true),
    userName: text('u.user_name', false, 'u.user_name_normalized'),
    displayName: text('u.display_name', false),
    'name.givenName': text('u.given_name', false),
    'name.familyName': text('u.family_name', false),
    active: { kind: 'column', type: 'boolean', column: 'u.active', caseExact: false },
    'meta.created': { kind: 'column', type: 'dateTime', column: 'u.created_at', caseExact: false },
    'meta.lastModified': {
      kind: 'column',
      type: 'dateTime',
      column: 'u.updated_at',
      caseExact: false,
    },
    [`${ROLLCALL_USER_SCHEMA_URN}:roleName`]: text('u.role_name', false),
  });
}

const targets: Record<ScimSqlDialect, FilterTarget> = {
  sqlite: userFilterTarget('sqlite'),
  postgres: userFilterTarget('postgres'),
};

export function userFilterTargetFor(dialect: ScimSqlDialect): FilterTarget {
  return targets[dialect];
}
