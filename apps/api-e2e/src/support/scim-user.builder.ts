// Request bodies shaped like the ones Microsoft Entra ID's provisioning service sends
// (learn.microsoft.com, "Develop and plan provisioning for a SCIM endpoint"), and the
// response shapes the SCIM e2e specs read back.

export const USER_URN = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const ENTERPRISE_URN = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const ROLLCALL_URN = 'urn:ietf:params:scim:schemas:extension:rollcall:2.0:User';
export const PATCH_OP_URN = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const LIST_RESPONSE_URN = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const SEARCH_REQUEST_URN = 'urn:ietf:params:scim:api:messages:2.0:SearchRequest';
export const ERROR_URN = 'urn:ietf:params:scim:api:messages:2.0:Error';

export type ScimBody = Record<string, unknown>;

export interface ScimUserResource {
  schemas: string[];
  id: string;
  userName: string;
  active: boolean;
  meta: {
    resourceType: string;
    created: string;
    lastModified: string;
    location: string;
    version: string;
  };
  [attribute: string]: unknown;
}

export interface ScimListResponse {
  schemas: string[];
  totalResults: number;
  startIndex: number;
  itemsPerPage: number;
  Resources: ScimUserResource[];
}

export interface ScimErrorResponse {
  schemas: string[];
  status: string;
  scimType?: string;
  detail: string;
}

let sequence = 0;

/** A unique-per-run suffix so userNames never collide between tests sharing an org. */
export function unique(prefix = 'user'): string {
  sequence += 1;
  return `${prefix}${sequence}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * A minimal Entra create-user body (what a default attribute mapping sends); `overrides`
 * are shallow-merged, and a key set to `undefined` is left out of the body.
 */
export function aScimUser(overrides: ScimBody = {}): ScimBody {
  const userName =
    typeof overrides['userName'] === 'string'
      ? overrides['userName']
      : `${unique()}@contoso.example`;
  const base: ScimBody = {
    schemas: [USER_URN, ENTERPRISE_URN],
    externalId: unique('ext-'),
    userName,
    active: true,
    displayName: 'Ada Lovelace',
    name: { givenName: 'Ada', familyName: 'Lovelace', formatted: 'Ada Lovelace' },
    emails: [{ primary: true, type: 'work', value: userName }],
  };
  return withoutUndefined({ ...base, ...overrides });
}

/** Every attribute the issue lists, core + enterprise + rollcall extension. */
export function aFullScimUser(overrides: ScimBody = {}): ScimBody {
  const userName =
    typeof overrides['userName'] === 'string'
      ? overrides['userName']
      : `${unique('full')}@contoso.example`;
  return aScimUser({
    schemas: [USER_URN, ENTERPRISE_URN, ROLLCALL_URN],
    userName,
    name: { givenName: 'Grace', familyName: 'Hopper', formatted: 'Rear Admiral Grace Hopper' },
    displayName: 'Grace Hopper',
    nickName: 'Amazing Grace',
    title: 'Rear Admiral',
    preferredLanguage: 'en-US',
    locale: 'en-US',
    timezone: 'America/New_York',
    active: true,
    emails: [
      { primary: true, type: 'work', value: userName },
      { primary: false, type: 'home', value: 'grace@home.example' },
    ],
    phoneNumbers: [
      { type: 'work', value: '+1 555 0100', primary: true },
      { type: 'mobile', value: '+1 555 0199' },
    ],
    addresses: [
      {
        type: 'work',
        formatted: '1 Navy Way\nArlington, VA 22202\nUSA',
        streetAddress: '1 Navy Way',
        locality: 'Arlington',
        region: 'VA',
        postalCode: '22202',
        country: 'US',
        primary: true,
      },
    ],
    [ENTERPRISE_URN]: {
      employeeNumber: '1906',
      department: 'Computing',
      costCenter: 'CC-42',
      organization: 'US Navy',
      division: 'Research',
      manager: { value: 'a-manager-id' },
    },
    [ROLLCALL_URN]: { roleName: 'team_lead' },
    ...overrides,
  });
}

export interface PatchOperationBody {
  op: string;
  path?: string;
  value?: unknown;
}

/** An RFC 7644 §3.5.2 PatchOp body, as Entra spells it (`Operations`, capitalised ops). */
export function aPatch(...operations: PatchOperationBody[]): ScimBody {
  return { schemas: [PATCH_OP_URN], Operations: operations };
}

function withoutUndefined(body: ScimBody): ScimBody {
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
}
