// RFC 7643 §7: the attribute characteristics a schema definition carries. The same
// definitions produce the /Schemas documents and drive filter, PATCH and projection, so
// what we advertise is what we enforce.

export type ScimAttributeType =
  'string' | 'boolean' | 'decimal' | 'integer' | 'dateTime' | 'reference' | 'binary' | 'complex';

export type ScimMutability = 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';
export type ScimReturned = 'always' | 'never' | 'default' | 'request';
export type ScimUniqueness = 'none' | 'server' | 'global';

export interface ScimAttributeDefinition {
  name: string;
  type: ScimAttributeType;
  multiValued: boolean;
  description: string;
  required: boolean;
  caseExact: boolean;
  mutability: ScimMutability;
  returned: ScimReturned;
  uniqueness: ScimUniqueness;
  canonicalValues?: string[];
  referenceTypes?: string[];
  subAttributes?: ScimAttributeDefinition[];
}

export interface ScimSchemaDefinition {
  id: string;
  name: string;
  description: string;
  attributes: ScimAttributeDefinition[];
}

export interface ScimResourceTypeDefinition {
  id: string;
  name: string;
  endpoint: string;
  description: string;
  schema: string;
  schemaExtensions: { schema: string; required: boolean }[];
}
