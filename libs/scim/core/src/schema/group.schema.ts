import { attribute } from './attribute.factory';
import type { ScimSchemaDefinition } from './schema.types';
import { GROUP_SCHEMA_URN } from './scim-urns';

// RFC 7643 §4.2 and its §8.7.1 representation, with one deliberate difference: displayName
// is required and server-unique because Entra matches groups on it and a group is a team.
export const GROUP_SCHEMA: ScimSchemaDefinition = {
  id: GROUP_SCHEMA_URN,
  name: 'Group',
  description: 'Group',
  attributes: [
    attribute({
      name: 'displayName',
      required: true,
      uniqueness: 'server',
      description: 'A human-readable name for the Group. REQUIRED.',
    }),
    attribute({
      name: 'members',
      type: 'complex',
      multiValued: true,
      description: 'A list of members of the Group.',
      subAttributes: [
        attribute({
          name: 'value',
          mutability: 'immutable',
          description: 'Identifier of the member of this Group.',
        }),
        attribute({
          name: '$ref',
          type: 'reference',
          referenceTypes: ['User', 'Group'],
          mutability: 'immutable',
          description: 'The URI corresponding to a SCIM resource that is a member of this Group.',
        }),
        // §4.2 lists `display` for members although the §8.7.1 listing omits it.
        attribute({
          name: 'display',
          mutability: 'readOnly',
          description: 'A human-readable name, primarily used for display purposes. READ-ONLY.',
        }),
        attribute({
          name: 'type',
          mutability: 'immutable',
          canonicalValues: ['User', 'Group'],
          description: "A label indicating the type of resource, e.g., 'User' or 'Group'.",
        }),
      ],
    }),
  ],
};
