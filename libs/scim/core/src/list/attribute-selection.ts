import {
  findResourceSchema,
  resolveAttributePath,
  type ScimResourceSchemas,
} from '../schema/attribute-lookup';
import type { ScimAttributeDefinition } from '../schema/schema.types';

export interface ProjectionOptions {
  attributes: string[];
  excludedAttributes: string[];
}

export interface NamedAttributes {
  /** Keyed by `<schema urn>|<attribute name>`, lower-cased; `subs` are lower-cased names. */
  attributes: Map<string, { whole: boolean; subs: Set<string> }>;
  /** Lower-cased URNs named on their own, e.g. `excludedAttributes=<enterprise urn>`. */
  schemas: Set<string>;
}

export interface AttributePlan {
  include: boolean;
  keepSub: (sub: ScimAttributeDefinition) => boolean;
  /** Whether sub-attribute keys the schema does not define survive. */
  keepUnknownSubs: boolean;
}

const DROP: AttributePlan = { include: false, keepSub: () => false, keepUnknownSubs: false };

function attributeKey(schemaUrn: string, name: string): string {
  return `${schemaUrn}|${name}`.toLowerCase();
}

// Unknown names are ignored rather than refused (RFC 7644 §3.9 leaves it open, and clients
// ask for attributes of extensions we do not serve).
function nameAttributes(resourceSchemas: ScimResourceSchemas, paths: string[]): NamedAttributes {
  const named: NamedAttributes = { attributes: new Map(), schemas: new Set() };
  for (const path of paths) {
    const schema = findResourceSchema(resourceSchemas, path);
    if (schema) {
      named.schemas.add(schema.id.toLowerCase());
      continue;
    }
    const resolved = resolveAttributePath(resourceSchemas, path);
    if (!resolved) continue;
    const key = attributeKey(resolved.schemaUrn, resolved.attribute.name);
    const entry = named.attributes.get(key) ?? { whole: false, subs: new Set<string>() };
    if (resolved.subAttribute) entry.subs.add(resolved.subAttribute.name.toLowerCase());
    else entry.whole = true;
    named.attributes.set(key, entry);
  }
  return named;
}

export interface AttributeSelection {
  requested: NamedAttributes;
  excluded: NamedAttributes;
  /** `attributes` named something we know: return only that (RFC 7644 §3.9). */
  restricted: boolean;
  /** Each definition's plan under this selection, worked out once (definitions are shared). */
  readonly plans: Map<ScimAttributeDefinition, AttributePlan>;
}

/** The selection without parameters (almost every request) is the same each time: kept. */
const defaultSelections = new WeakMap<ScimResourceSchemas, AttributeSelection>();
/** A page renders many resources with one query's options: their selection is made once. */
const selectionsByOptions = new WeakMap<
  ProjectionOptions,
  Map<ScimResourceSchemas, AttributeSelection>
>();

function buildSelection(
  resourceSchemas: ScimResourceSchemas,
  opts: ProjectionOptions,
): AttributeSelection {
  const requested = nameAttributes(resourceSchemas, opts.attributes);
  return {
    requested,
    excluded: nameAttributes(resourceSchemas, opts.excludedAttributes),
    restricted: requested.attributes.size > 0 || requested.schemas.size > 0,
    plans: new Map(),
  };
}

export function selectAttributes(
  resourceSchemas: ScimResourceSchemas,
  opts: ProjectionOptions,
): AttributeSelection {
  if (opts.attributes.length === 0 && opts.excludedAttributes.length === 0) {
    let selection = defaultSelections.get(resourceSchemas);
    if (!selection) {
      selection = buildSelection(resourceSchemas, opts);
      defaultSelections.set(resourceSchemas, selection);
    }
    return selection;
  }
  let bySchemas = selectionsByOptions.get(opts);
  if (!bySchemas) {
    bySchemas = new Map();
    selectionsByOptions.set(opts, bySchemas);
  }
  let selection = bySchemas.get(resourceSchemas);
  if (!selection) {
    selection = buildSelection(resourceSchemas, opts);
    bySchemas.set(resourceSchemas, selection);
  }
  return selection;
}

// RFC 7643 §7 `returned`: always wins over any parameter, never is never sent, request only
// when named; RFC 7644 §3.9: `attributes` restricts to what is named, `excludedAttributes`
// removes from the default set. Given both, the exclusion is applied last.
export function planAttribute(
  selection: AttributeSelection,
  schemaUrn: string,
  definition: ScimAttributeDefinition,
): AttributePlan {
  let plan = selection.plans.get(definition);
  if (!plan) {
    plan = makePlan(selection, schemaUrn, definition);
    selection.plans.set(definition, plan);
  }
  return plan;
}

function makePlan(
  selection: AttributeSelection,
  schemaUrn: string,
  definition: ScimAttributeDefinition,
): AttributePlan {
  if (definition.returned === 'never') return DROP;
  const keepAll: AttributePlan = {
    include: true,
    keepSub: (sub) => sub.returned !== 'never',
    keepUnknownSubs: true,
  };
  if (definition.returned === 'always') return keepAll;

  const key = attributeKey(schemaUrn, definition.name);
  const schemaKey = schemaUrn.toLowerCase();
  const excluded = selection.excluded.attributes.get(key);
  if (excluded?.whole || selection.excluded.schemas.has(schemaKey)) return DROP;
  const excludedSubs = excluded?.subs ?? new Set<string>();
  const notExcluded = (sub: ScimAttributeDefinition): boolean =>
    sub.returned === 'always' || !excludedSubs.has(sub.name.toLowerCase());

  if (selection.restricted) {
    const requested = selection.requested.attributes.get(key);
    const wholeRequested = requested?.whole === true || selection.requested.schemas.has(schemaKey);
    if (wholeRequested) {
      return { ...keepAll, keepSub: (sub) => keepAll.keepSub(sub) && notExcluded(sub) };
    }
    if (!requested) return DROP;
    return {
      include: true,
      keepSub: (sub) =>
        sub.returned === 'always' ||
        (sub.returned !== 'never' &&
          requested.subs.has(sub.name.toLowerCase()) &&
          notExcluded(sub)),
      keepUnknownSubs: false,
    };
  }

  if (definition.returned === 'request') return DROP;
  return {
    include: true,
    keepSub: (sub) => sub.returned !== 'never' && sub.returned !== 'request' && notExcluded(sub),
    keepUnknownSubs: true,
  };
}
