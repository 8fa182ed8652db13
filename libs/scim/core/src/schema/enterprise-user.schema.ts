import { attribute } from './attribute.factory';
import type { ScimSchemaDefinition } from './schema.types';
import { ENTERPRISE_USER_SCHEMA_URN } from './scim-urns';

// RFC 7643 §4.3 and its §8.7.1 representation.
export const ENTERPRISE_USER_SCHEMA: ScimSchemaDefinition = {
  id: ENTERPRISE_USER_SCHEMA_URN,
  name: 'EnterpriseUser',
  description: 'Enterprise User',
  attributes: [
    attribute({
      name: 'employeeNumber',
      description:
        'Numeric or alphanumeric identifier assigned to a person, typically based on order of hire or association with an organization.',
    }),
    attribute({
      name: 'costCenter',
      description: 'Identifies the name of a cost center.',
    }),
    attribute({
      name: 'organization',
      description: 'Identifies the name of an organization.',
    }),
    attribute({
      name: 'division',
      description: 'Identifies the name of a division.',
    }),
    attribute({
      name: 'department',
      description: 'Identifies the name of a department.',
    }),
    attribute({
      name: 'manager',
      type: 'complex',
      description:
        "The User's manager. A complex type that optionally allows service providers to represent organizational hierarchy by referencing the 'id' attribute of another User.",
      subAttributes: [
        attribute({
          name: 'value',
          description: "The id of the SCIM resource representing the User's manager. REQUIRED.",
        }),
        attribute({
          name: '$ref',
          type: 'reference',
          referenceTypes: ['User'],
          description: "The URI of the SCIM resource representing the User's manager. REQUIRED.",
        }),
        attribute({
          name: 'displayName',
          mutability: 'readOnly',
          description: "The displayName of the User's manager. OPTIONAL and READ-ONLY.",
        }),
      ],
    }),
  ],
};
