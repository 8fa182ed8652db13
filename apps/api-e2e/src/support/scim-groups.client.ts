import type { TestApi } from './test-api';
import { aScimUser, type ScimBody } from './scim-user.builder';
import { ScimUsers, bodyOf } from './scim-users.client';
import {
  aScimGroup,
  anAddMembersPatch,
  type ScimGroupListResponse,
  type ScimGroupResource,
} from './scim-group.builder';

/** The item at `index`, which the test knows is there (noUncheckedIndexedAccess). */
export function nth<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`no item at index ${index} of ${items.length}`);
  return item;
}

/** /scim/v2/Groups for one organization's token, as Entra calls it. */
export class ScimGroups {
  readonly users: ScimUsers;

  constructor(
    private readonly api: TestApi,
    readonly token: string,
  ) {
    this.users = new ScimUsers(api, token);
  }

  post(body: unknown, query = ''): Promise<Response> {
    return this.api.scim(this.token, 'POST', `/Groups${query}`, body);
  }

  async create(body: ScimBody = aScimGroup()): Promise<ScimGroupResource> {
    return bodyOf<ScimGroupResource>(await this.post(body), 201);
  }

  fetch(id: string, query = ''): Promise<Response> {
    return this.api.scim(this.token, 'GET', `/Groups/${id}${query}`);
  }

  async get(id: string, query = ''): Promise<ScimGroupResource> {
    return bodyOf<ScimGroupResource>(await this.fetch(id, query), 200);
  }

  /** The member ids GET /Groups/{id} lists, sorted. */
  async memberIds(id: string): Promise<string[]> {
    const group = await this.get(id);
    return (group.members ?? []).map((member) => member.value).sort();
  }

  patch(id: string, body: unknown, query = ''): Promise<Response> {
    return this.api.scim(this.token, 'PATCH', `/Groups/${id}${query}`, body);
  }

  /** PATCH expecting Entra's usual answer: 204 and no body. */
  async patched(id: string, body: unknown): Promise<void> {
    const response = await this.patch(id, body);
    const text = await response.text();
    if (response.status !== 204) {
      throw new Error(`expected HTTP 204, got ${response.status}: ${text}`);
    }
    expect(text).toBe('');
  }

  /** Adds the users in PATCH batches of `batch`, one request after the other. */
  async addInBatches(id: string, userIds: readonly string[], batch = 100): Promise<void> {
    for (let i = 0; i < userIds.length; i += batch) {
      await this.patched(id, anAddMembersPatch(userIds.slice(i, i + batch)));
    }
  }

  put(id: string, body: unknown): Promise<Response> {
    return this.api.scim(this.token, 'PUT', `/Groups/${id}`, body);
  }

  delete(id: string): Promise<Response> {
    return this.api.scim(this.token, 'DELETE', `/Groups/${id}`);
  }

  /** GET /Groups with the query parameters URL-encoded. */
  query(params: Record<string, string | number> = {}): Promise<Response> {
    const search = new URLSearchParams(
      Object.entries(params).map(([key, value]): [string, string] => [key, String(value)]),
    ).toString();
    return this.api.scim(this.token, 'GET', `/Groups${search ? `?${search}` : ''}`);
  }

  async list(params: Record<string, string | number> = {}): Promise<ScimGroupListResponse> {
    return bodyOf<ScimGroupListResponse>(await this.query(params), 200);
  }

  /** The ids a filter selects, sorted, from one page large enough for a test org. */
  async idsMatching(filter: string): Promise<string[]> {
    const page = await this.list({ filter, count: 1000, excludedAttributes: 'members' });
    expect(page.totalResults).toBe(page.Resources.length);
    return page.Resources.map((group) => group.id).sort();
  }

  /** One new user of this organization; its id. */
  async createUser(): Promise<string> {
    return (await this.users.create(aScimUser())).id;
  }

  /** `count` new users of this organization, POSTed `parallel` at a time; their ids in order. */
  async createUsers(count: number, parallel = 25): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i += parallel) {
      const batch = Array.from({ length: Math.min(parallel, count - i) }, () =>
        this.users.create(aScimUser()),
      );
      ids.push(...(await Promise.all(batch)).map((user) => user.id));
    }
    return ids;
  }
}
