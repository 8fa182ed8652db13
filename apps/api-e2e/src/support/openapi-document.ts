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

/**
 * Where `value` breaks `schema` (type, required, enum, properties, items, allOf, $ref),
 * as JSON-pointer-like paths with the reason; empty when it conforms.
 */
export function schemaMismatches(
  document: OpenApiDocument,
  schema: OpenApiSchema,
  value: unknown,
  at = '',
): string[] {
  if (schema.$ref) {
    const target = resolveRef(document, schema.$ref) as OpenApiSchema | undefined;
    return target
      ? schemaMismatches(document, target, value, at)
      : [`${at}: unresolved ${schema.$ref}`];
  }
  const problems = (schema.allOf ?? []).flatMap((part) =>
    schemaMismatches(document, part, value, at),
  );
  const actual = typeOf(value);
  if (schema.type) {
    const fits = schema.type === actual || (schema.type === 'number' && actual === 'integer');
    if (!fits) return [...problems, `${at}: ${actual}, documented ${schema.type}`];
  }
  if (schema.enum && !schema.enum.some((allowed) => allowed === value)) {
    problems.push(`${at}: ${JSON.stringify(value)} not in ${JSON.stringify(schema.enum)}`);
  }
  if (actual === 'object') {
    const object = value as Record<string, unknown>;
    for (const name of schema.required ?? []) {
      if (!(name in object)) problems.push(`${at}/${name}: required, missing`);
    }
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      if (!(name in object)) continue;
      if (property.writeOnly) problems.push(`${at}/${name}: writeOnly, yet answered`);
      problems.push(...schemaMismatches(document, property, object[name], `${at}/${name}`));
    }
  }
  if (actual === 'array' && schema.items) {
    const items = schema.items;
    (value as unknown[]).forEach((item, i) =>
      problems.push(...schemaMismatches(document, items, item, `${at}/${i}`)),
    );
  }
  return problems;
}
