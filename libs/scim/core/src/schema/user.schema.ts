import { attribute, primaryAttribute } from './attribute.factory';
import type { ScimAttributeDefinition, ScimSchemaDefinition } from './schema.types';
import { USER_SCHEMA_URN } from './scim-urns';

// RFC 7643 §4.1 and the §8.7.1 representation of the core User schema. `id`, `externalId`
// and `meta` are common attributes (§3.1) and live in common.attributes.ts.

function valueDisplayTypePrimary(
  noun: string,
  typeValues: string[],
  value: Partial<ScimAttributeDefinition> = {},
): ScimAttributeDefinition[] {
  return [
    attribute({ name: 'value', description: `The value of ${noun}.`, ...value }),
    attribute({
      name: 'display',
      description: 'A human-readable name, primarily used for display purposes. READ-ONLY.',
    }),
    attribute({
      name: 'type',
      description:
        typeValues.length > 0
          ? `A label indicating the attribute's function, e.g., ${typeValues.map((v) => `'${v}'`).join(', ')}.`
          : "A label indicating the attribute's function.",
      ...(typeValues.length > 0 ? { canonicalValues: typeValues } : {}),
    }),
    primaryAttribute(
      `A Boolean value indicating the 'primary' or preferred attribute value for this attribute. The primary attribute value 'true' MUST appear no more than once.`,
    ),
  ];
}

const nameAttribute = attribute({
  name: 'name',
  type: 'complex',
  description:
    "The components of the user's real name. Providers MAY return just the full name as a single string in the formatted sub-attribute, or they MAY return just the individual component attributes using the other sub-attributes, or they MAY return both.",
  subAttributes: [
    attribute({
      name: 'formatted',
      description:
        "The full name, including all middle names, titles, and suffixes as appropriate, formatted for display (e.g., 'Ms. Barbara J Jensen, III').",
    }),
    attribute({
      name: 'familyName',
      description:
        "The family name of the User, or last name in most Western languages (e.g., 'Jensen' given the full name 'Ms. Barbara J Jensen, III').",
    }),
    attribute({
      name: 'givenName',
      description:
        "The given name of the User, or first name in most Western languages (e.g., 'Barbara' given the full name 'Ms. Barbara J Jensen, III').",
    }),
    attribute({
      name: 'middleName',
      description:
        "The middle name(s) of the User (e.g., 'Jane' given the full name 'Ms. Barbara J Jensen, III').",
    }),
    attribute({
      name: 'honorificPrefix',
      description:
        "The honorific prefix(es) of the User, or title in most Western languages (e.g., 'Ms.' given the full name 'Ms. Barbara J Jensen, III').",
    }),
    attribute({
      name: 'honorificSuffix',
      description:
        "The honorific suffix(es) of the User, or suffix in most Western languages (e.g., 'III' given the full name 'Ms. Barbara J Jensen, III').",
    }),
  ],
});

const addressesAttribute = attribute({
  name: 'addresses',
  type: 'complex',
  multiValued: true,
  description:
    "A physical mailing address for this User. Canonical type values of 'work', 'home', and 'other'.",
  subAttributes: [
    attribute({
      name: 'formatted',
      description:
        'The full mailing address, formatted for display or use with a mailing label. This attribute MAY contain newlines.',
    }),
    attribute({
      name: 'streetAddress',
      description:
        'The full street address component, which may include house number, street name, P.O. box, and multi-line extended street address information. This attribute MAY contain newlines.',
    }),
    attribute({ name: 'locality', description: 'The city or locality component.' }),
    attribute({ name: 'region', description: 'The state or region component.' }),
    attribute({ name: 'postalCode', description: 'The zip code or postal code component.' }),
    attribute({ name: 'country', description: 'The country name component.' }),
    attribute({
      name: 'type',
      description: "A label indicating the attribute's function, e.g., 'work' or 'home'.",
      canonicalValues: ['work', 'home', 'other'],
    }),
    // §4.1.2 gives addresses a primary flag although the §8.7.1 listing omits it.
    primaryAttribute(
      "A Boolean value indicating the 'primary' or preferred attribute value for this attribute, e.g., the preferred mailing address or primary email address. The primary attribute value 'true' MUST appear no more than once.",
    ),
  ],
});

const groupsAttribute = attribute({
  name: 'groups',
  type: 'complex',
  multiValued: true,
  mutability: 'readOnly',
  description:
    'A list of groups to which the user belongs, either through direct membership, through nested groups, or dynamically calculated.',
  subAttributes: [
    attribute({
      name: 'value',
      mutability: 'readOnly',
      description: "The identifier of the User's group.",
    }),
    attribute({
      name: '$ref',
      type: 'reference',
      referenceTypes: ['User', 'Group'],
      mutability: 'readOnly',
      description: "The URI of the corresponding 'Group' resource to which the user belongs.",
    }),
    attribute({
      name: 'display',
      mutability: 'readOnly',
      description: 'A human-readable name, primarily used for display purposes. READ-ONLY.',
    }),
    attribute({
      name: 'type',
      mutability: 'readOnly',
      canonicalValues: ['direct', 'indirect'],
      description: "A label indicating the attribute's function, e.g., 'direct' or 'indirect'.",
    }),
  ],
});

function multiValuedComplex(
  name: string,
  description: string,
  subAttributes: ScimAttributeDefinition[],
): ScimAttributeDefinition {
  return attribute({ name, type: 'complex', multiValued: true, description, subAttributes });
}

export const USER_SCHEMA: ScimSchemaDefinition = {
  id: USER_SCHEMA_URN,
  name: 'User',
  description: 'User Account',
  attributes: [
    attribute({
      name: 'userName',
      required: true,
      uniqueness: 'server',
      description:
        "Unique identifier for the User, typically used by the user to directly authenticate to the service provider. Each User MUST include a non-empty userName value. This identifier MUST be unique across the service provider's entire set of Users. REQUIRED.",
    }),
    nameAttribute,
    attribute({
      name: 'displayName',
      description:
        'The name of the User, suitable for display to end-users. The name SHOULD be the full name of the User being described, if known.',
    }),
    attribute({
      name: 'nickName',
      description:
        "The casual way to address the user in real life, e.g., 'Bob' or 'Bobby' instead of 'Robert'. This attribute SHOULD NOT be used to represent a User's username (e.g., 'bjensen' or 'mpepperidge').",
    }),
    attribute({
      name: 'profileUrl',
      type: 'reference',
      referenceTypes: ['external'],
      description:
        "A fully qualified URL pointing to a page representing the User's online profile.",
    }),
    attribute({
      name: 'title',
      description: 'The user\'s title, such as "Vice President."',
    }),
    attribute({
      name: 'userType',
      description:
        "Used to identify the relationship between the organization and the user. Typical values used might be 'Contractor', 'Employee', 'Intern', 'Temp', 'External', and 'Unknown', but any value may be used.",
    }),
    attribute({
      name: 'preferredLanguage',
      description:
        "Indicates the User's preferred written or spoken language. Generally used for selecting a localized user interface; e.g., 'en_US' specifies the language English and country US.",
    }),
    attribute({
      name: 'locale',
      description:
        "Used to indicate the User's default location for purposes of localizing items such as currency, date time format, or numerical representations.",
    }),
    attribute({
      name: 'timezone',
      description:
        "The User's time zone in the 'Olson' time zone database format, e.g., 'America/Los_Angeles'.",
    }),
    attribute({
      name: 'active',
      type: 'boolean',
      description: "A Boolean value indicating the User's administrative status.",
    }),
    attribute({
      name: 'password',
      mutability: 'writeOnly',
      returned: 'never',
      description:
        "The User's cleartext password. This attribute is intended to be used as a means to specify an initial password when creating a new User or to reset an existing User's password.",
    }),
    multiValuedComplex(
      'emails',
      "Email addresses for the user. The value SHOULD be canonicalized by the service provider, e.g., 'bjensen@example.com' instead of 'bjensen@EXAMPLE.COM'. Canonical type values of 'work', 'home', and 'other'.",
      valueDisplayTypePrimary('an email address', ['work', 'home', 'other']),
    ),
    multiValuedComplex(
      'phoneNumbers',
      "Phone numbers for the User. The value SHOULD be canonicalized by the service provider according to the format specified in RFC 3966, e.g., 'tel:+1-201-555-0123'. Canonical type values of 'work', 'home', 'mobile', 'fax', 'pager', and 'other'.",
      valueDisplayTypePrimary('a phone number', [
        'work',
        'home',
        'mobile',
        'fax',
        'pager',
        'other',
      ]),
    ),
    multiValuedComplex(
      'ims',
      'Instant messaging addresses for the User.',
      valueDisplayTypePrimary('an instant messaging address', [
        'aim',
        'gtalk',
        'icq',
        'xmpp',
        'msn',
        'skype',
        'qq',
        'yahoo',
      ]),
    ),
    multiValuedComplex(
      'photos',
      'URLs of photos of the User.',
      valueDisplayTypePrimary('a photo URL', ['photo', 'thumbnail'], {
        type: 'reference',
        referenceTypes: ['external'],
      }),
    ),
    addressesAttribute,
    groupsAttribute,
    multiValuedComplex(
      'entitlements',
      'A list of entitlements for the User that represent a thing the User has.',
      valueDisplayTypePrimary('an entitlement', []),
    ),
    multiValuedComplex(
      'roles',
      "A list of roles for the User that collectively represent who the User is, e.g., 'Student', 'Faculty'.",
      valueDisplayTypePrimary('a role', []),
    ),
    multiValuedComplex(
      'x509Certificates',
      'A list of certificates issued to the User.',
      valueDisplayTypePrimary('an X.509 certificate (DER, base64 in JSON)', [], {
        type: 'binary',
      }),
    ),
  ],
};
