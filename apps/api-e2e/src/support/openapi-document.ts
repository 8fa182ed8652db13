// The OpenAPI document as a client generator reads it: typed just enough to walk it, with a
// schema matcher for the subset of JSON Schema the document uses, so the suites can check
// real answers against what the document promises.

export interface OpenApiSchema {
  $ref?: string;
  type?: string;
  properties?: Record<string, OpenApiSchema>;
  required?: string[];
  items?: OpenApiSchema;
  enum?: unknown[];
  allOf?: OpenApiSchema[];
  oneOf?: OpenApiSchema[];
  anyOf?: OpenApiSchema[];
  discriminator?: { propertyName: string; mapping?: Record<string, string> };
  additionalProperties?: boolean | OpenApiSchema;
  nullable?: boolean;
  format?: string;
  writeOnly?: boolean;
}

export interface OpenApiMediaType {
  schema?: OpenApiSchema;
  examples?: Record<string, { value?: unknown }>;
}

export interface OpenApiResponse {
  description?: unknown;
  headers?: Record<string, unknown>;
  content?: Record<string, OpenApiMediaType>;
}

export interface OpenApiOperation {
  operationId?: string;
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { required?: boolean; content?: Record<string, OpenApiMediaType> };
  responses?: Record<string, OpenApiResponse>;
  security?: Record<string, string[]>[];
}

export interface OpenApiSecurityScheme {
  type: string;
  scheme?: string;
  bearerFormat?: string;
  name?: string;
  in?: string;
  flows?: Record<string, { tokenUrl?: string; scopes?: Record<string, string> }>;
}

export interface OpenApiDocument {
  openapi: string;
  info: { title?: unknown; version?: unknown };
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: {
    schemas?: Record<string, OpenApiSchema>;
    securitySchemes?: Record<string, OpenApiSecurityScheme>;
  };
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export interface LocatedOperation {
  path: string;
  method: string;
  operation: OpenApiOperation;
}

export function operationsOf(document: OpenApiDocument): LocatedOperation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => HTTP_METHODS.includes(method))
      .map(([method, operation]) => ({ path, method, operation })),
  );
}

/** Every `$ref` anywhere in the document, with where it was found. */
export function refsOf(value: unknown, at = '#'): { at: string; ref: string }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => refsOf(item, `${at}/${i}`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) =>
    key === '$ref' && typeof child === 'string'
      ? [{ at, ref: child }]
      : refsOf(child, `${at}/${key}`),
  );
}

/** A local `#/components/...` reference, or undefined when it points nowhere. */
export function resolveRef(document: OpenApiDocument, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>(
      (node, part) =>
        typeof node === 'object' && node !== null
          ? (node as Record<string, unknown>)[part]
          : undefined,
      document,
    );
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export interface MatchOptions {
  /**
   * Also report properties the schema does not document (unless it allows additional ones):
   * holds a document to the whole of an answer, not only to what it lists.
   */
  closed?: boolean;
}

/** The schema a discriminated oneOf picks for `value`; undefined when there is none. */
function discriminated(schema: OpenApiSchema, value: unknown): OpenApiSchema | undefined {
  const discriminator = schema.discriminator;
  if (!schema.oneOf || !discriminator?.mapping) return undefined;
  const tag = (value as Record<string, unknown> | null)?.[discriminator.propertyName];
  const ref = typeof tag === 'string' ? discriminator.mapping[tag] : undefined;
  return ref === undefined ? undefined : { $ref: ref };
}

/**
 * The property names a schema documents for `value`, its allOf parts' and its discriminated
 * oneOf's pick included (an `allOf: [Event, {…}]` documents the picked event's names);
 * undefined: open-ended.
 */
function documentedNames(
  document: OpenApiDocument,
  schema: OpenApiSchema,
  value: unknown,
): Set<string> | undefined {
  if (schema.$ref) {
    const target = resolveRef(document, schema.$ref) as OpenApiSchema | undefined;
    return target && documentedNames(document, target, value);
  }
  if (schema.additionalProperties) return undefined;
  const picked = discriminated(schema, value);
  if (!schema.properties && !schema.allOf && !picked) return undefined;
  const names = new Set(Object.keys(schema.properties ?? {}));
  for (const part of [...(schema.allOf ?? []), ...(picked ? [picked] : [])]) {
    const partNames = documentedNames(document, part, value);
    if (!partNames) return undefined;
    for (const name of partNames) names.add(name);
  }
  return names;
}

/**
 * Where `value` breaks `schema` (type, nullable, format date-time, required, enum, properties,
 * additionalProperties, items, allOf, oneOf with or without a discriminator, anyOf, $ref), as
 * JSON-pointer-like paths with the reason; empty when it conforms.
 */
export function schemaMismatches(
  document: OpenApiDocument,
  schema: OpenApiSchema,
  value: unknown,
  at = '',
  options: MatchOptions = {},
): string[] {
  return mismatches(document, schema, value, at, options, options.closed === true);
}

function mismatches(
  document: OpenApiDocument,
  schema: OpenApiSchema,
  value: unknown,
  at: string,
  options: MatchOptions,
  closedHere: boolean,
): string[] {
  if (schema.$ref) {
    const target = resolveRef(document, schema.$ref) as OpenApiSchema | undefined;
    return target
      ? mismatches(document, target, value, at, options, closedHere)
      : [`${at}: unresolved ${schema.$ref}`];
  }
  if (value === null && schema.nullable) return [];
  const child = (part: OpenApiSchema, item: unknown, path: string, closed = options.closed) =>
    mismatches(document, part, item, path, options, closed === true);
  // allOf parts are checked open: each documents only some of the properties; this level,
  // which knows them all, checks for undocumented ones. The oneOf/anyOf of a level are as
  // closed as the level (an `Event` inside `allOf: [Event, {clientIp}]` is open there).
  const problems = (schema.allOf ?? []).flatMap((part) => child(part, value, at, false));
  problems.push(
    ...alternatives(document, schema, value, at, (part, item, path) =>
      child(part, item, path, closedHere),
    ),
  );
  const actual = typeOf(value);
  if (schema.type) {
    const fits = schema.type === actual || (schema.type === 'number' && actual === 'integer');
    if (!fits) return [...problems, `${at}: ${actual}, documented ${schema.type}`];
  }
  if (schema.enum && !schema.enum.some((allowed) => allowed === value)) {
    problems.push(`${at}: ${JSON.stringify(value)} not in ${JSON.stringify(schema.enum)}`);
  }
  if (schema.format === 'date-time' && actual === 'string' && !DATE_TIME.test(value as string)) {
    problems.push(`${at}: ${JSON.stringify(value)} is not a date-time`);
  }
  if (actual === 'object') {
    const object = value as Record<string, unknown>;
    for (const name of schema.required ?? []) {
      if (!(name in object)) problems.push(`${at}/${name}: required, missing`);
    }
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      if (!(name in object)) continue;
      if (property.writeOnly) problems.push(`${at}/${name}: writeOnly, yet answered`);
      problems.push(...child(property, object[name], `${at}/${name}`));
    }
    const extra = schema.additionalProperties;
    if (typeof extra === 'object') {
      for (const [name, item] of Object.entries(object)) {
        if (!(name in (schema.properties ?? {})))
          problems.push(...child(extra, item, `${at}/${name}`));
      }
    }
    const documented = closedHere ? documentedNames(document, schema, value) : undefined;
    for (const name of Object.keys(object)) {
      if (documented && !documented.has(name)) problems.push(`${at}/${name}: not documented`);
    }
  }
  if (actual === 'array' && schema.items) {
    const items = schema.items;
    (value as unknown[]).forEach((item, i) => problems.push(...child(items, item, `${at}/${i}`)));
  }
  return problems;
}

/** oneOf (the discriminator's pick, or exactly one that fits) and anyOf (at least one). */
function alternatives(
  document: OpenApiDocument,
  schema: OpenApiSchema,
  value: unknown,
  at: string,
  child: (part: OpenApiSchema, item: unknown, path: string) => string[],
): string[] {
  const problems: string[] = [];
  const discriminator = schema.discriminator;
  if (schema.oneOf && discriminator?.mapping) {
    const tag = (value as Record<string, unknown> | null)?.[discriminator.propertyName];
    const ref = typeof tag === 'string' ? discriminator.mapping[tag] : undefined;
    if (!ref) return [`${at}/${discriminator.propertyName}: ${JSON.stringify(tag)} not mapped`];
    if (!schema.oneOf.some((option) => option.$ref === ref)) {
      problems.push(`${at}: the discriminator maps ${String(tag)} outside oneOf`);
    }
    problems.push(...child({ $ref: ref }, value, at));
  } else if (schema.oneOf) {
    const results = schema.oneOf.map((option) => child(option, value, at));
    const fitting = results.filter((result) => result.length === 0).length;
    if (fitting !== 1) {
      problems.push(`${at}: fits ${fitting} of oneOf, not 1 (${results.flat().join('; ')})`);
    }
  }
  if (schema.anyOf) {
    const results = schema.anyOf.map((option) => child(option, value, at));
    if (!results.some((result) => result.length === 0)) {
      // Each alternative's reasons would repeat what the precise schema reports.
      problems.push(`${at}: fits none of its ${results.length} anyOf schemas`);
    }
  }
  return problems;
}
