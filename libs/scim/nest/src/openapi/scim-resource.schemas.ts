import type { ReferenceObject, SchemaObject } from '@nestjs/swagger';
import {
  ENTERPRISE_USER_SCHEMA_URN,
  GROUP_SCHEMA_URN,
  ROLLCALL_USER_SCHEMA_URN,
  USER_SCHEMA_URN,
} from '@rollcall/scim-core';

// The User and Group resources as OpenAPI 3.0 schemas, for SCIM client developers. The
// authoritative attribute list with every characteristic is GET /scim/v2/Schemas; these say
// what goes over the wire. Unknown attributes are accepted and ignored, so no schema here
// forbids additional properties.

/** `#/components/schemas/<name>`: a component defined by scimOpenApiComponents. */
export function scimSchemaRef(name: ScimSchemaName): ReferenceObject {
  return { $ref: `#/components/schemas/${name}` };
}

export type ScimSchemaName =
  | 'ScimMeta'
  | 'ScimMultiValuedAttribute'
  | 'ScimEnterpriseUser'
  | 'ScimRollcallUser'
  | 'ScimUser'
  | 'ScimGroupMember'
  | 'ScimGroup'
  | 'ScimPatchOperation'
  | 'ScimPatchOp'
  | 'ScimSearchRequest'
  | 'ScimUserListResponse'
  | 'ScimGroupListResponse'
  | 'ScimError'
  | 'ScimServiceProviderConfig'
  | 'ScimResourceType'
  | 'ScimSchema'
  | 'ScimResourceTypeListResponse'
  | 'ScimSchemaListResponse';

const text = (description: string): SchemaObject => ({ type: 'string', description });
const readOnlyText = (description: string): SchemaObject => ({
  type: 'string',
  readOnly: true,
  description,
});

const META: SchemaObject = {
  type: 'object',
  readOnly: true,
  description: 'RFC 7643 §3.1: set by the server; ignored when a client sends it.',
  properties: {
    resourceType: { type: 'string', enum: ['User', 'Group'] },
    created: { type: 'string', format: 'date-time' },
    lastModified: { type: 'string', format: 'date-time' },
    location: { type: 'string', format: 'uri', description: 'The resource’s URL.' },
    version: {
      type: 'string',
      description: 'A weak entity tag, also sent as the `ETag` header.',
      example: 'W/"3"',
    },
  },
  required: ['resourceType', 'created', 'lastModified', 'location', 'version'],
};

const MULTI_VALUED: SchemaObject = {
  type: 'object',
  description:
    'One value of a multi-valued attribute (emails, phoneNumbers, ims, photos, entitlements, roles, x509Certificates). Entra addresses them by type: `emails[type eq "work"].value`.',
  properties: {
    value: text('The value.'),
    display: text('A human-readable name.'),
    type: text(
      'A label: for emails `work`, `home`, `other`; for phoneNumbers also `mobile`, `fax`, `pager`.',
    ),
    primary: {
      type: 'boolean',
      description:
        'The preferred value; true for at most one. "True"/"False" strings are accepted.',
    },
  },
};

const multiValued = (description: string): SchemaObject => ({
  type: 'array',
  description,
  items: { $ref: '#/components/schemas/ScimMultiValuedAttribute' },
});

const ENTERPRISE_USER: SchemaObject = {
  type: 'object',
  description: `RFC 7643 §4.3, under the key \`${ENTERPRISE_USER_SCHEMA_URN}\`.`,
  properties: {
    employeeNumber: text('Identifier assigned by the organization.'),
    costCenter: text('A cost center.'),
    organization: text('An organization.'),
    division: text('A division.'),
    department: text('A department.'),
    manager: {
      type: 'object',
      description:
        'The manager: Entra may send a bare id string, which is stored as `{value}`. Always answered as an object with `$ref`.',
      properties: {
        value: text('The manager’s User id.'),
        $ref: { type: 'string', format: 'uri', readOnly: true },
        displayName: readOnlyText('The manager’s displayName.'),
      },
    },
  },
};

const ROLLCALL_USER: SchemaObject = {
  type: 'object',
  description: `Rollcall’s extension, under the key \`${ROLLCALL_USER_SCHEMA_URN}\` (in Entra: a custom attribute with "Exact case" ticked).`,
  properties: {
    roleName: {
      type: 'string',
      description:
        'The member’s role: `admin`, `billing_admin`, `team_lead`, `responder` or `member`, in any case, with spaces or hyphens for `_` ("Billing Admin" is `billing_admin`). Blank means the organization’s default role; any other value is 400 `invalidValue`.',
      example: 'responder',
    },
  },
};

const USER: SchemaObject = {
  type: 'object',
  description:
    'RFC 7643 §4.1 User with the enterprise and Rollcall extensions. Requests may also send booleans as "True"/"False". Server-owned attributes (`id`, `meta`, `groups`) are ignored on input; `password` is accepted and never stored or returned.',
  required: ['userName'],
  properties: {
    schemas: {
      type: 'array',
      items: { type: 'string' },
      description: `Answers list \`${USER_SCHEMA_URN}\` and each extension the user has.`,
    },
    id: readOnlyText('Assigned by Rollcall.'),
    externalId: text('The client’s identifier (Entra: often the objectId or mailNickname).'),
    userName: {
      type: 'string',
      maxLength: 1024,
      description: 'Unique in the organization, case-insensitively (409 `uniqueness`). REQUIRED.',
    },
    name: {
      type: 'object',
      properties: {
        formatted: text('The full name.'),
        familyName: text('Family name.'),
        givenName: text('Given name.'),
        middleName: text('Middle name(s).'),
        honorificPrefix: text('Title, e.g. "Ms.".'),
        honorificSuffix: text('Suffix, e.g. "III".'),
      },
    },
    displayName: text('Name shown in the product.'),
    nickName: text('Casual name.'),
    profileUrl: { type: 'string', format: 'uri' },
    title: text('Job title.'),
    userType: text('e.g. Employee, Contractor.'),
    preferredLanguage: text('e.g. en_US.'),
    locale: text('e.g. en-GB.'),
    timezone: text('Olson time zone, e.g. Europe/London.'),
    active: {
      type: 'boolean',
      description:
        '`false` deactivates the member (access revoked, record, role and teams kept); `true` restores them. Always present in answers.',
    },
    password: { type: 'string', writeOnly: true, description: 'Accepted and discarded.' },
    emails: multiValued('E-mail addresses; Entra sends `type: work`.'),
    phoneNumbers: multiValued('Phone numbers; Entra sends `work` and `mobile`.'),
    ims: multiValued('Instant messaging addresses.'),
    photos: multiValued('Photo URLs.'),
    addresses: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          formatted: text('Full address.'),
          streetAddress: text('Street.'),
          locality: text('City.'),
          region: text('Region.'),
          postalCode: text('Postal code.'),
          country: text('Country.'),
          type: { type: 'string', description: '`work`, `home` or `other`.' },
          primary: { type: 'boolean' },
        },
      },
    },
    groups: {
      type: 'array',
      readOnly: true,
      description: 'The teams the user is a direct member of.',
      items: {
        type: 'object',
        properties: {
          value: text('Group id.'),
          $ref: { type: 'string', format: 'uri' },
          display: text('Group displayName.'),
          type: { type: 'string', enum: ['direct'] },
        },
      },
    },
    entitlements: multiValued('Entitlements.'),
    roles: multiValued('Roles (stored, not the product role: see roleName).'),
    x509Certificates: multiValued('Certificates, DER in base64.'),
    [ENTERPRISE_USER_SCHEMA_URN]: { $ref: '#/components/schemas/ScimEnterpriseUser' },
    [ROLLCALL_USER_SCHEMA_URN]: { $ref: '#/components/schemas/ScimRollcallUser' },
    meta: { $ref: '#/components/schemas/ScimMeta' },
  },
};

const GROUP_MEMBER: SchemaObject = {
  type: 'object',
  required: ['value'],
  properties: {
    value: text('A User id of the same organization (else 400 `invalidValue`).'),
    $ref: { type: 'string', format: 'uri', readOnly: true },
    display: readOnlyText('The member’s displayName, or userName when it has none.'),
    type: { type: 'string', enum: ['User'], readOnly: true },
  },
};

const GROUP: SchemaObject = {
  type: 'object',
  description:
    'RFC 7643 §4.2 Group: a Rollcall team. Entra also lists its own schema URN (`http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group`); extra URNs are accepted.',
  required: ['displayName'],
  properties: {
    schemas: {
      type: 'array',
      items: { type: 'string' },
      description: `Answers list \`${GROUP_SCHEMA_URN}\`.`,
    },
    id: readOnlyText('Assigned by Rollcall.'),
    externalId: text('The client’s identifier (Entra: the group’s objectId).'),
    displayName: {
      type: 'string',
      description: 'Unique in the organization, case-insensitively (409 `uniqueness`). REQUIRED.',
    },
    members: {
      type: 'array',
      description: 'Members; left out of answers when `excludedAttributes=members`.',
      items: { $ref: '#/components/schemas/ScimGroupMember' },
    },
    meta: { $ref: '#/components/schemas/ScimMeta' },
  },
};

export const SCIM_RESOURCE_SCHEMAS: Partial<Record<ScimSchemaName, SchemaObject>> = {
  ScimMeta: META,
  ScimMultiValuedAttribute: MULTI_VALUED,
  ScimEnterpriseUser: ENTERPRISE_USER,
  ScimRollcallUser: ROLLCALL_USER,
  ScimUser: USER,
  ScimGroupMember: GROUP_MEMBER,
  ScimGroup: GROUP,
};
