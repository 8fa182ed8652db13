import type {
  ColumnMapping,
  FilterTarget,
  MultiValuedMapping,
  ScimAttributeDefinition,
  ScimResourceSchemas,
  ScimSqlDialect,
} from '@rollcall/scim-core';

/**
 * A filter target for resources stored as a JSON document: every attribute of the schemas
 * becomes a JSON expression (json_extract on SQLite, ->> on PostgreSQL), and every
 * multi-valued complex attribute an EXISTS over its array elements. Hot attributes are
 * overridden with real, indexed columns. The keys are schema constants, never client input.
 */
export function jsonDocumentFilterTarget(
  dialect: ScimSqlDialect,
  documentColumn: string,
  schemas: ScimResourceSchemas,
  columns: Record<string, ColumnMapping>,
): FilterTarget {
  const attributes: FilterTarget['attributes'] = {};
  const add = (prefix: string, path: string[], definitions: readonly ScimAttributeDefinition[]) => {
    for (const definition of definitions) {
      const key = `${prefix}${definition.name}`.toLowerCase();
      const at = [...path, definition.name];
      if (definition.multiValued && definition.type === 'complex') {
        attributes[key] = multiValued(dialect, documentColumn, at, definition);
      } else if (definition.type === 'complex') {
        for (const sub of definition.subAttributes ?? []) {
          attributes[`${key}.${sub.name.toLowerCase()}`] = scalar(
            jsonPath(dialect, documentColumn, [...at, sub.name], sub.type),
            sub,
          );
        }
      } else if (!definition.multiValued && definition.returned !== 'never') {
        attributes[key] = scalar(
          jsonPath(dialect, documentColumn, at, definition.type),
          definition,
        );
      }
    }
  };
  add('', [], schemas.core.attributes);
  for (const extension of schemas.extensions) {
    add(`${extension.id}:`, [extension.id], extension.attributes);
  }
  for (const [key, mapping] of Object.entries(columns)) attributes[key.toLowerCase()] = mapping;
  return {
    dialect,
    coreSchema: schemas.core.id,
    extensionSchemas: schemas.extensions.map((s) => s.id),
    attributes,
  };
}

function mappingType(type: ScimAttributeDefinition['type']): ColumnMapping['type'] {
  switch (type) {
    case 'boolean':
    case 'dateTime':
    case 'integer':
    case 'decimal':
    case 'reference':
    case 'string':
      return type;
    case 'binary':
    case 'complex':
      return 'string';
  }
}

function scalar(expression: string, definition: ScimAttributeDefinition): ColumnMapping {
  return {
    kind: 'column',
    type: mappingType(definition.type),
    column: expression,
    caseExact: definition.caseExact,
  };
}

function quoteKey(key: string): string {
  return key.replace(/'/g, "''").replace(/"/g, '\\"');
}

function sqlitePath(path: string[]): string {
  return `'$.${path.map((p) => `"${quoteKey(p)}"`).join('.')}'`;
}

function postgresChain(column: string, path: string[]): string {
  return column + path.map((p) => `->'${quoteKey(p)}'`).join('');
}

/** A JSON value as SQL: text for strings, typed for booleans and numbers. */
function jsonPath(
  dialect: ScimSqlDialect,
  column: string,
  path: string[],
  type: ScimAttributeDefinition['type'],
): string {
  if (dialect === 'sqlite') {
    // json_extract already yields 1/0 for JSON booleans and numbers for numbers.
    return `json_extract(${column}, ${sqlitePath(path)})`;
  }
  const parents = postgresChain(column, path.slice(0, -1));
  const text = `(${parents}->>'${quoteKey(path[path.length - 1] ?? '')}')`;
  if (type === 'boolean') return `(${text})::boolean`;
  if (type === 'integer' || type === 'decimal') return `(${text})::numeric`;
  return text;
}

function multiValued(
  dialect: ScimSqlDialect,
  column: string,
  path: string[],
  definition: ScimAttributeDefinition,
): MultiValuedMapping {
  const alias = `mv_${definition.name.replace(/[^A-Za-z0-9]/g, '').toLowerCase()}`;
  const array = postgresChain(column, path);
  const table =
    dialect === 'sqlite'
      ? `json_each(${column}, ${sqlitePath(path)})`
      : `jsonb_array_elements(CASE WHEN jsonb_typeof(${array}) = 'array' THEN ${array} ELSE '[]'::jsonb END)`;
  const subAttributes: Record<string, ColumnMapping> = {};
  for (const sub of definition.subAttributes ?? []) {
    subAttributes[sub.name.toLowerCase()] = scalar(
      jsonPath(dialect, `${alias}.value`, [sub.name], sub.type),
      sub,
    );
  }
  return { kind: 'multi', table, alias, correlation: '1 = 1', subAttributes };
}
