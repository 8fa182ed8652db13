import { randomUUID } from 'node:crypto';

// What a SCIM client may rely on in every answer (RFC 7644 §3.1, §3.4.2, §3.12), as
// assertions shared by the black-box suites.

export const SCIM_ERROR_URN = 'urn:ietf:params:scim:api:messages:2.0:Error';
export const LIST_RESPONSE_URN = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

export interface ScimErrorJson {
  schemas: string[];
  status: string;
  scimType?: string;
  detail?: string;
}

export interface ListResponseJson<T = Record<string, unknown>> {
  schemas: string[];
  totalResults: number;
  startIndex: number;
  itemsPerPage: number;
  Resources: T[];
}

export function expectScimContentType(response: Response): void {
  expect(response.headers.get('content-type')).toMatch(/^application\/scim\+json\b/);
}

/** The RFC 7644 §3.12 envelope with this status (as a string) and, when given, scimType. */
export async function expectScimError(
  response: Response,
  status: number,
  scimType?: string,
): Promise<ScimErrorJson> {
  expect(response.status).toBe(status);
  expectScimContentType(response);
  const body = (await response.json()) as ScimErrorJson;
  expect(body.schemas).toEqual([SCIM_ERROR_URN]);
  expect(body.status).toBe(String(status));
  if (scimType === undefined) expect(body).not.toHaveProperty('scimType');
  else expect(body.scimType).toBe(scimType);
  expect(typeof body.detail).toBe('string');
  return body;
}

/** A 200 ListResponse, returned for further checks. */
export async function expectListResponse<T = Record<string, unknown>>(
  response: Response,
): Promise<ListResponseJson<T>> {
  expect(response.status).toBe(200);
  expectScimContentType(response);
  const body = (await response.json()) as ListResponseJson<T>;
  expect(body.schemas).toEqual([LIST_RESPONSE_URN]);
  expect(Array.isArray(body.Resources)).toBe(true);
  return body;
}

/** The query Entra's Test Connection sends: a userName that cannot exist. */
export function testConnectionPath(): string {
  return `/Users?filter=${encodeURIComponent(`userName eq "${randomUUID()}"`)}`;
}

/** A User as Entra's provisioning service POSTs it; override any attribute. */
export function aScimUser(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const userName = `user-${randomUUID()}@contoso.example`;
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    externalId: randomUUID(),
    userName,
    active: true,
    displayName: 'Ada Lovelace',
    name: { givenName: 'Ada', familyName: 'Lovelace' },
    emails: [{ primary: true, type: 'work', value: userName }],
    ...overrides,
  };
}
