import type { ScimResourceTypeDefinition } from './schema.types';
import {
  ENTERPRISE_USER_SCHEMA_URN,
  GROUP_SCHEMA_URN,
  ROLLCALL_USER_SCHEMA_URN,
  USER_SCHEMA_URN,
} from './scim-urns';

// RFC 7643 §6. Extensions are optional: Entra only sends them when the admin maps one.
export const USER_RESOURCE_TYPE: ScimResourceTypeDefinition = {
  id: 'User',
  name: 'User',
  endpoint: '/Users',
  description: 'User Account',
  schema: USER_SCHEMA_URN,
  schemaExtensions: [
    { schema: ENTERPRISE_USER_SCHEMA_URN, required: false },
    { schema: ROLLCALL_USER_SCHEMA_URN, required: false },
  ],
};

export const GROUP_RESOURCE_TYPE: ScimResourceTypeDefinition = {
  id: 'Group',
  name: 'Group',
  endpoint: '/Groups',
  description: 'Group',
  schema: GROUP_SCHEMA_URN,
  schemaExtensions: [],
};

export const RESOURCE_TYPES: readonly ScimResourceTypeDefinition[] = [
  USER_RESOURCE_TYPE,
  GROUP_RESOURCE_TYPE,
];
