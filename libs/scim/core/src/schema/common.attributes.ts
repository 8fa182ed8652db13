import { attribute } from './attribute.factory';
import type { ScimAttributeDefinition } from './schema.types';

// RFC 7643 §3.1: attributes every resource carries, defined outside any schema (so they are
// not listed in the /Schemas documents) but resolvable in filters, sorting and projection.
export const COMMON_ATTRIBUTES: readonly ScimAttributeDefinition[] = [
  attribute({
    name: 'id',
    caseExact: true,
    mutability: 'readOnly',
    returned: 'always',
    uniqueness: 'server',
    description:
      'A unique identifier for a SCIM resource as defined by the service provider. REQUIRED.',
  }),
  attribute({
    name: 'externalId',
    caseExact: true,
    description:
      'A String that is an identifier for the resource as defined by the provisioning client.',
  }),
  attribute({
    name: 'meta',
    type: 'complex',
    mutability: 'readOnly',
    description: 'A complex attribute containing resource metadata.',
    subAttributes: [
      attribute({
        name: 'resourceType',
        caseExact: true,
        mutability: 'readOnly',
        description: 'The name of the resource type of the resource.',
      }),
      attribute({
        name: 'created',
        type: 'dateTime',
        mutability: 'readOnly',
        description: 'The "DateTime" that the resource was added to the service provider.',
      }),
      attribute({
        name: 'lastModified',
        type: 'dateTime',
        mutability: 'readOnly',
        description:
          'The most recent DateTime that the details of this resource were updated at the service provider.',
      }),
      attribute({
        name: 'location',
        type: 'reference',
        referenceTypes: ['uri'],
        caseExact: true,
        mutability: 'readOnly',
        description: 'The URI of the resource being returned.',
      }),
      attribute({
        name: 'version',
        caseExact: true,
        mutability: 'readOnly',
        description: 'The version of the resource being returned.',
      }),
    ],
  }),
];
