import type { FilterTarget, SqlDialect } from '../filter-sql.types';

// Test fixture: a users table `u` with a normalised user_name and an emails table `ue`,
// the way the directory store maps them.
export const ENTERPRISE_URN = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const ROLLCALL_URN = 'urn:ietf:params:scim:schemas:extension:rollcall:2.0:User';

export function aUserFilterTarget(dialect: SqlDialect): FilterTarget {
  return {
    dialect,
    coreSchema: 'urn:ietf:params:scim:schemas:core:2.0:User',
    extensionSchemas: [ENTERPRISE_URN, ROLLCALL_URN],
    attributes: {
      id: { kind: 'column', type: 'string', column: 'u.id', caseExact: true },
      externalid: { kind: 'column', type: 'string', column: 'u.external_id', caseExact: true },
      username: {
        kind: 'column',
        type: 'string',
        column: 'u.user_name',
        normalizedColumn: 'u.user_name_lower',
        caseExact: false,
      },
      displayname: { kind: 'column', type: 'string', column: 'u.display_name', caseExact: false },
      active: { kind: 'column', type: 'boolean', column: 'u.active', caseExact: false },
      'name.givenname': {
        kind: 'column',
        type: 'string',
        column: 'u.given_name',
        caseExact: false,
      },
      'name.familyname': {
        kind: 'column',
        type: 'string',
        column: 'u.family_name',
        caseExact: false,
      },
      'meta.lastmodified': {
        kind: 'column',
        type: 'dateTime',
        column: 'u.last_modified',
        caseExact: false,
      },
      logincount: { kind: 'column', type: 'integer', column: 'u.login_count', caseExact: false },
      emails: {
        kind: 'multi',
        table: 'user_emails',
        alias: 'ue',
        correlation: 'ue.user_id = u.id',
        subAttributes: {
          value: {
            kind: 'column',
            type: 'string',
            column: 'ue.value',
            normalizedColumn: 'ue.value_lower',
            caseExact: false,
          },
          type: { kind: 'column', type: 'string', column: 'ue.type', caseExact: false },
          primary: { kind: 'column', type: 'boolean', column: 'ue."primary"', caseExact: false },
        },
      },
      [`${ENTERPRISE_URN.toLowerCase()}:department`]: {
        kind: 'column',
        type: 'string',
        column: 'u.department',
        caseExact: false,
      },
      [`${ENTERPRISE_URN.toLowerCase()}:manager.value`]: {
        kind: 'column',
        type: 'string',
        column: 'u.manager_id',
        caseExact: true,
      },
      [`${ROLLCALL_URN.toLowerCase()}:rolename`]: {
        kind: 'column',
        type: 'string',
        column: 'u.role_name',
        caseExact: true,
      },
    },
  };
}
