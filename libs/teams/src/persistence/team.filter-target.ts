import { GROUP_SCHEMA_URN, type FilterTarget, type ScimSqlDialect } from '@rollcall/scim-core';

/** SCIM Group attributes → SQL over `teams t` (members through `team_members`). */
export function teamFilterTarget(dialect: ScimSqlDialect): FilterTarget {
  const dateTime = (column: string) =>
    ({ kind: 'column', type: 'dateTime', column, caseExact: false }) as const;
  return {
    dialect,
    coreSchema: GROUP_SCHEMA_URN,
    extensionSchemas: [],
    attributes: {
      id: { kind: 'column', type: 'string', column: 't.id', caseExact: true },
      externalid: { kind: 'column', type: 'string', column: 't.external_id', caseExact: true },
      displayname: {
        kind: 'column',
        type: 'string',
        column: 't.name',
        normalizedColumn: 't.name_normalized',
        caseExact: false,
      },
      'meta.created': dateTime('t.created_at'),
      'meta.lastmodified': dateTime('t.updated_at'),
      members: {
        kind: 'multi',
        table: 'team_members',
        alias: 'tm',
        correlation: 'tm.team_id = t.id',
        subAttributes: {
          value: { kind: 'column', type: 'string', column: 'tm.user_id', caseExact: true },
        },
      },
    },
  };
}
