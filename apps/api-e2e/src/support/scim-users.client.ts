import type { TestApi } from './test-api';
import {
  ERROR_URN,
  type ScimBody,
  type ScimErrorResponse,
  type ScimListResponse,
  type ScimUserResource,
} from './scim-user.builder';

export const SCIM_JSON = /^application\/scim\+json/;

/** The body of a response, after checking the status (the body is in the message if not). */
export async function bodyOf<T>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  if (response.status !== status) {
    throw new Error(`expected HTTP ${status}, got ${response.status}: ${text}`);
  }
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

/** An RFC 7644 §3.12 error envelope with this status (as a string) and scimType. */
export async function expectScimError(
  response: Response,
  status: number,
  scimType?: string,
): Promise<ScimErrorResponse> {
  const body = await bodyOf<ScimErrorResponse>(response, status);
  expect(response.headers.get('content-type')).toMatch(SCIM_JSON);
  expect(body.schemas).toEqual([ERROR_URN]);
  expect(body.status).toBe(String(status));
  if (scimType === undefined) expect(body.scimType).toBeUndefined();
  else expect(body.scimType).toBe(scimType);
  expect(typeof body.detail).toBe('string');
  expect(body.detail).not.toMatch(/\n\s+at /); // no stack trace
  return body;
}

/** /scim/v2/Users for one organization's token, as Entra calls it. */
export class ScimUsers {
  constructor(
    private readonly api: TestApi,
    readonly token: string,
  ) {}

  static async forNewOrganization(api: TestApi, name?: string): Promise<ScimUsers> {
    const org = await api.createOrganization(name);
    return new ScimUsers(api, org.scimToken);
  }

  post(body: unknown, headers?: Record<string, string>): Promise<Response> {
    return this.api.scim(this.token, 'POST', '/Users', body, headers);
  }

  async create(body: ScimBody): Promise<ScimUserResource> {
    return bodyOf<ScimUserResource>(await this.post(body), 201);
  }

  fetch(id: string, query = ''): Promise<Response> {
    return this.api.scim(this.token, 'GET', `/Users/${id}${query}`);
  }

  async get(id: string, query = ''): Promise<ScimUserResource> {
    return bodyOf<ScimUserResource>(await this.fetch(id, query), 200);
  }

  patch(id: string, body: unknown): Promise<Response> {
    return this.api.scim(this.token, 'PATCH', `/Users/${id}`, body);
  }

  async patched(id: string, body: unknown): Promise<ScimUserResource> {
    return bodyOf<ScimUserResource>(await this.patch(id, body), 200);
  }

  /** PATCH expecting 200, check the answer equals a fresh GET, and return it. */
  async patchAndGet(id: string, body: unknown): Promise<ScimUserResource> {
    const response = await this.patch(id, body);
    const answered = await bodyOf<ScimUserResource>(response, 200);
    expect(response.headers.get('content-type')).toMatch(SCIM_JSON);
    const fetched = await this.get(id);
    expect(answered).toEqual(fetched);
    return fetched;
  }

  put(id: string, body: unknown): Promise<Response> {
    return this.api.scim(this.token, 'PUT', `/Users/${id}`, body);
  }

  delete(id: string): Promise<Response> {
    return this.api.scim(this.token, 'DELETE', `/Users/${id}`);
  }

  /** GET /Users with the query parameters URL-encoded. */
  query(params: Record<string, string | number> = {}): Promise<Response> {
    const search = new URLSearchParams(
      Object.entries(params).map(([key, value]): [string, string] => [key, String(value)]),
    ).toString();
    return this.api.scim(this.token, 'GET', `/Users${search ? `?${search}` : ''}`);
  }

  async list(params: Record<string, string | number> = {}): Promise<ScimListResponse> {
    return bodyOf<ScimListResponse>(await this.query(params), 200);
  }

  /** The userNames a filter selects, sorted, across one page large enough for a test org. */
  async userNamesMatching(filter: string): Promise<string[]> {
    const page = await this.list({ filter, count: 1000 });
    expect(page.totalResults).toBe(page.Resources.length);
    return page.Resources.map((user) => user.userName).sort();
  }
}
