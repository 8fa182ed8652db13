import { randomUUID } from 'node:crypto';
import {
  ENTERPRISE_URN,
  PATCH_OP_URN,
  ROLLCALL_URN,
  USER_URN,
  type ScimBody,
} from '../support/scim-user.builder';

// Bodies built the way Microsoft's SCIM Validator and the gallery's automated validation
// build them (AzureAD/SCIMReferenceCode, Microsoft.SCIM.LogicAppValidationTemplate): one value
// per mapped target attribute, multi-valued ones addressed as `emails[type eq "work"].value`,
// extension ones as `<schema URN>:<attribute>`.

export { ENTERPRISE_URN, ROLLCALL_URN, USER_URN };
export const GROUP_URN = 'urn:ietf:params:scim:schemas:core:2.0:Group';
/** Entra adds Microsoft's own Group schema URN to every POST /Groups. */
export const ADSCIM_GROUP_URN =
  'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group';
export const LIST_RESPONSE_URN = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const ERROR_URN = 'urn:ietf:params:scim:api:messages:2.0:Error';

export interface PatchOperation {
  op: string;
  path?: string;
  value?: unknown;
}

/** A PatchOp body, as Entra spells it (`Operations`). */
export function aPatchOp(...operations: PatchOperation[]): ScimBody {
  return { schemas: [PATCH_OP_URN], Operations: operations };
}

/** A fresh e-mail-form userName, in the mixed case Entra's UPNs often have. */
export function aUserName(prefix = 'Test_User'): string {
  return `${prefix}_${randomUUID().slice(0, 8)}@Contoso.example`;
}

/**
 * The target attributes of the attribute mapping the replay plays: Entra's defaults plus
 * every attribute the validator fills in, and Rollcall's `roleName`. `/Schemas` must make
 * each one discoverable.
 */
export const MAPPED_USER_ATTRIBUTES = [
  'userName',
  'active',
  'displayName',
  'title',
  'preferredLanguage',
  'timezone',
  'externalId',
  'emails[type eq "work"].value',
  'name.givenName',
  'name.familyName',
  'name.formatted',
  'addresses[type eq "work"].formatted',
  'addresses[type eq "work"].streetAddress',
  'addresses[type eq "work"].locality',
  'addresses[type eq "work"].region',
  'addresses[type eq "work"].postalCode',
  'addresses[type eq "work"].country',
  'phoneNumbers[type eq "work"].value',
  'phoneNumbers[type eq "mobile"].value',
  'phoneNumbers[type eq "fax"].value',
  `${ENTERPRISE_URN}:employeeNumber`,
  `${ENTERPRISE_URN}:department`,
  `${ENTERPRISE_URN}:costCenter`,
  `${ENTERPRISE_URN}:organization`,
  `${ENTERPRISE_URN}:division`,
  `${ENTERPRISE_URN}:manager`,
  `${ROLLCALL_URN}:roleName`,
] as const;

export const MAPPED_GROUP_ATTRIBUTES = ['displayName', 'externalId', 'members'] as const;

/**
 * What the validator's null-update test clears: the mapped attributes minus the matching
 * one, `active`, `externalId`, references (`manager`) and required ones.
 */
export const CLEARABLE_USER_ATTRIBUTES = MAPPED_USER_ATTRIBUTES.filter(
  (path) =>
    !['userName', 'active', 'externalId', `${ENTERPRISE_URN}:manager`].includes(path as string),
);

/** A user with a value for every mapped attribute; `manager` is a user id when given. */
export function aValidatorUser(options: { userName?: string; manager?: string } = {}): ScimBody {
  const userName = options.userName ?? aUserName();
  return {
    schemas: [USER_URN, ENTERPRISE_URN, ROLLCALL_URN],
    externalId: randomUUID(),
    userName,
    active: true,
    displayName: 'Katherine Johnson',
    title: 'Research Mathematician',
    preferredLanguage: 'en-US',
    timezone: 'America/New_York',
    name: { givenName: 'Katherine', familyName: 'Johnson', formatted: 'Katherine G. Johnson' },
    emails: [{ type: 'work', primary: true, value: userName }],
    addresses: [
      {
        type: 'work',
        primary: true,
        formatted: '1 NASA Drive\nHampton, VA 23666\nUS',
        streetAddress: '1 NASA Drive',
        locality: 'Hampton',
        region: 'VA',
        postalCode: '23666',
        country: 'US',
      },
    ],
    phoneNumbers: [
      { type: 'work', primary: true, value: '+1 757 555 0100' },
      { type: 'mobile', primary: false, value: '+1 757 555 0101' },
      { type: 'fax', primary: false, value: '+1 757 555 0102' },
    ],
    [ENTERPRISE_URN]: {
      employeeNumber: '1918',
      department: 'Flight Research',
      costCenter: 'LRC-42',
      organization: 'NACA',
      division: 'Langley',
      ...(options.manager === undefined ? {} : { manager: { value: options.manager } }),
    },
    [ROLLCALL_URN]: { roleName: 'responder' },
  };
}

/**
 * The create-user body of Microsoft's tutorial ("Develop and plan provisioning for a SCIM
 * endpoint", Create User): read-only `meta` and an empty `roles` sent along.
 */
export function aTutorialUser(): ScimBody {
  const userName = aUserName();
  return {
    schemas: [USER_URN, ENTERPRISE_URN],
    externalId: randomUUID(),
    userName,
    active: true,
    emails: [{ primary: true, type: 'work', value: userName }],
    meta: { resourceType: 'User' },
    name: { formatted: 'givenName familyName', familyName: 'familyName', givenName: 'givenName' },
    roles: [],
  };
}

/** New values for every single-valued updatable attribute (SCIM_User_Update_Test). */
export function attributeUpdates(): Record<string, string> {
  return {
    displayName: 'Kathy Johnson',
    title: 'Aerospace Technologist',
    preferredLanguage: 'fr-FR',
    timezone: 'Europe/Paris',
    externalId: randomUUID(),
    'emails[type eq "work"].value': `${randomUUID().slice(0, 8)}@fabrikam.example`,
    'name.givenName': 'Kathy',
    'name.familyName': 'Goble',
    'name.formatted': 'Kathy Goble',
    'addresses[type eq "work"].formatted': '2 Langley Blvd\nHampton, VA 23681\nUS',
    'addresses[type eq "work"].streetAddress': '2 Langley Blvd',
    'addresses[type eq "work"].locality': 'Newport News',
    'addresses[type eq "work"].region': 'Virginia',
    'addresses[type eq "work"].postalCode': '23681',
    'addresses[type eq "work"].country': 'USA',
    'phoneNumbers[type eq "work"].value': '+1 757 555 0200',
    'phoneNumbers[type eq "mobile"].value': '+1 757 555 0201',
    'phoneNumbers[type eq "fax"].value': '+1 757 555 0202',
    [`${ENTERPRISE_URN}:employeeNumber`]: '1953',
    [`${ENTERPRISE_URN}:department`]: 'Space Task Group',
    [`${ENTERPRISE_URN}:costCenter`]: 'LRC-99',
    [`${ENTERPRISE_URN}:organization`]: 'NASA',
    [`${ENTERPRISE_URN}:division`]: 'Analysis and Computation',
    [`${ROLLCALL_URN}:roleName`]: 'team_lead',
  };
}

/**
 * The value a resource holds at a mapped target path, read the way the validator verifies
 * it: `attr[type eq "x"].sub` is `sub` of the first value of type x, `a.b` is a
 * sub-attribute, `<URN>:attr` an extension attribute.
 */
export function valueAt(resource: ScimBody, path: string): unknown {
  const filtered = /^(\w+)\[type eq "(\w+)"\]\.(\w+)$/.exec(path);
  if (filtered) {
    const [, attribute = '', type = '', sub = ''] = filtered;
    const values = resource[attribute];
    if (!Array.isArray(values)) return undefined;
    const match = values.find(
      (item): item is ScimBody =>
        typeof item === 'object' && item !== null && (item as ScimBody)['type'] === type,
    );
    return match?.[sub];
  }
  if (path.startsWith('urn:')) {
    const cut = path.lastIndexOf(':');
    return asObject(resource[path.slice(0, cut)])?.[path.slice(cut + 1)];
  }
  const [attribute = '', sub] = path.split('.');
  return sub === undefined ? resource[attribute] : asObject(resource[attribute])?.[sub];
}

function asObject(value: unknown): ScimBody | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as ScimBody)
    : undefined;
}

/** An Entra create-group body (learn.microsoft.com, "Create Group"). */
export function aValidatorGroup(displayName = `Group ${randomUUID().slice(0, 8)}`): ScimBody {
  return {
    schemas: [GROUP_URN, ADSCIM_GROUP_URN],
    externalId: randomUUID(),
    displayName,
    meta: { resourceType: 'Group' },
  };
}

/** Members as Entra lists them in a PATCH: `$ref` is null. */
export function memberRefs(...userIds: string[]): { $ref: null; value: string }[] {
  return userIds.map((value) => ({ $ref: null, value }));
}
