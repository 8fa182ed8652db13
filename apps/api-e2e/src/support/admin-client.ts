import type { TestApi, TestOrganization } from './test-api';

/** The admin API's error body (ApiErrorBody of @rollcall/contracts). */
export interface AdminErrorBody {
  statusCode: number;
  code: string;
  message: string;
  requestId?: string;
}

let nextIp = 1;

/**
 * A signed-in dashboard: the session cookie and CSRF token of one org admin. Each sign-in
 * comes from its own client address (through the trusted loopback proxy), so per-IP sign-in
 * throttling of one spec never touches another.
 */
export class AdminClient {
  private constructor(
    private readonly api: TestApi,
    readonly cookie: string,
    readonly csrfToken: string,
    readonly adminEmail: string,
  ) {}

  static async signIn(api: TestApi, org: TestOrganization): Promise<AdminClient> {
    const n = nextIp++;
    const response = await fetch(`${api.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Forwarded-For': `203.0.113.${(n % 250) + 1}`,
      },
      body: JSON.stringify({ email: org.adminEmail, password: org.adminPassword }),
    });
    if (response.status !== 200) throw new Error(`sign-in failed: ${response.status}`);
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    const cookie = response.headers
      .getSetCookie()
      // `__Host-` prefixed when PUBLIC_URL is https.
      .find((c) => /^(__Host-)?rollcall_session=/.test(c))
      ?.split(';')[0];
    if (!cookie) throw new Error('expected a session cookie');
    return new AdminClient(api, cookie, csrfToken, org.adminEmail);
  }

  /** The same session against another server on the same database (a replica). */
  on(api: Pick<TestApi, 'baseUrl'>): AdminClient {
    return new AdminClient(api as TestApi, this.cookie, this.csrfToken, this.adminEmail);
  }

  get(path: string): Promise<Response> {
    return this.request('GET', path);
  }

  /** A state-changing call with the CSRF header (leave it out with `{ csrf: false }`). */
  request(
    method: string,
    path: string,
    body?: unknown,
    options: { csrf?: boolean } = {},
  ): Promise<Response> {
    return fetch(`${this.api.baseUrl}${path}`, {
      method,
      headers: {
        Cookie: this.cookie,
        ...(options.csrf === false ? {} : { 'X-CSRF-Token': this.csrfToken }),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  /** The JSON body of a response that must have `status`. */
  async json<T>(response: Response | Promise<Response>, status: number): Promise<T> {
    const settled = await response;
    const text = await settled.text();
    if (settled.status !== status) {
      throw new Error(`expected ${status}, got ${settled.status}: ${text}`);
    }
    return JSON.parse(text) as T;
  }

  /** The admin error body of a response that must fail with `status` and `code`. */
  async error(
    response: Response | Promise<Response>,
    status: number,
    code: string,
  ): Promise<AdminErrorBody> {
    const body = await this.json<AdminErrorBody>(response, status);
    if (body.code !== code) throw new Error(`expected ${code}, got ${JSON.stringify(body)}`);
    return body;
  }
}

/** A call with no session at all. */
export function anonymous(api: TestApi, method: string, path: string, body?: unknown) {
  return fetch(`${api.baseUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
