import type { ScimAttributeDefinition } from './schema.types';

type AttributeSpec = Pick<ScimAttributeDefinition, 'name' | 'description'> &
  Partial<Omit<ScimAttributeDefinition, 'name' | 'description'>>;

/**
 * One attribute definition with the RFC 7643 §2.2 defaults filled in (string, single-valued,
 * optional, case-insensitive, readWrite, returned by default, not unique), so the schema
 * files only spell out what differs from the RFC text.
 */
export function attribute(spec: AttributeSpec): ScimAttributeDefinition {
  return {
    name: spec.name,
    type: spec.type ?? 'string',
    multiValued: spec.multiValued ?? false,
    description: spec.description,
    required: spec.required ?? false,
    caseExact: spec.caseExact ?? false,
    mutability: spec.mutability ?? 'readWrite',
    returned: spec.returned ?? 'default',
    uniqueness: spec.uniqueness ?? 'none',
    ...(spec.canonicalValues ? { canonicalValues: spec.canonicalValues } : {}),
    ...(spec.referenceTypes ? { referenceTypes: spec.referenceTypes } : {}),
    ...(spec.subAttributes ? { subAttributes: spec.subAttributes } : {}),
  };
}

/** The `primary` flag every multi-valued complex attribute of RFC 7643 §2.4 carries. */
export function primaryAttribute(description: string): ScimAttributeDefinition {
  return attribute({ name: 'primary', type: 'boolean', description });
}
