import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { AdminClient } from '../support/admin-client';
import { rawRequest, type RawResponse } from '../support/raw-http';
import { TestApi, type TestOrganization } from '../support/test-api';

// A seeded corpus of malformed requests across every edge (SCIM, the admin API, the token
// endpoint), sent to a real server with bounded concurrency. Whatever arrives, the answer is
// never a 5xx, every error is in its edge's shape, and the server serves normally afterwards.
// The seed is fixed, so a failure reproduces; FUZZ_SEED overrides it to explore further.

const SEED = Number(process.env['FUZZ_SEED'] ?? 0x5eed_2026);
const CASES = 3200;
const CONCURRENCY = 8;

const USER_URN = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP_URN = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const ENTERPRISE_URN = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const PATCH_OP_URN = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const SEARCH_URN = 'urn:ietf:params:scim:api:messages:2.0:SearchRequest';
const ERROR_URN = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** mulberry32: tiny, fast, and the same sequence on every machine for a given seed. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Edge = 'scim' | 'admin' | 'oauth';

interface FuzzCase {
  edge: Edge;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  label: string;
}

type Outcome = RawResponse;

class Generator {
  private readonly random: () => number;

  constructor(
    seed: number,
    private readonly ctx: {
      scimToken: string;
      userId: string;
      groupId: string;
      admin: AdminClient;
    },
  ) {
    this.random = prng(seed);
  }

  int(max: number): number {
    return Math.floor(this.random() * max);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  nested(depth: number, arrays: boolean): string {
    return arrays
      ? `${'['.repeat(depth)}${']'.repeat(depth)}`
      : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  }

  string(): string {
    return this.pick<() => string>([
      () => 'plain',
      () => '',
      () => ' ',
      () => 'a\u0000b',
      () => '\u0000',
      () => 'x\ud800',
      () => '\udc00y',
      () => '🚀👩‍👩‍👧 ‮RTL‬ é',
      () => 'Z̸̢̛a̷l̴g̵o̶',
      () => '\ufeff\u200b\u2028\u2029',
      () => 'a'.repeat(1 + this.int(20_000)),
      () => '"; DROP TABLE users; --',
      () => "' OR '1'='1",
      () => '${jndi:ldap://example.invalid/a}',
      () => '<script>alert(1)</script>',
      () => '%00%ZZ%',
      () => '\\u0000',
      () => 'True',
      () => 'False',
      () => '1e400',
      () => String.fromCharCode(...Array.from({ length: 8 }, () => this.int(0x10000))),
    ])();
  }

  value(depth = 0): unknown {
    const scalar = [
      () => this.string(),
      () => this.pick([0, -0, 1, -1, 1.5, 2 ** 53 + 1, -(2 ** 63), 1e308, 5e-324]),
      () => this.pick([true, false, null]),
    ];
    const compound = [
      () => Array.from({ length: this.int(4) }, () => this.value(depth + 1)),
      () =>
        Object.fromEntries(
          Array.from({ length: this.int(4) }, () => [
            this.pick([
              'value',
              'type',
              'primary',
              'display',
              '$ref',
              'a\u0000',
              '__proto__',
              'constructor',
              'x',
            ]),
            this.value(depth + 1),
          ]),
        ),
    ];
    return this.pick(depth > 3 ? scalar : [...scalar, ...compound])();
  }

  /** JSON text with hostile literals JSON.stringify cannot produce. */
  json(value: unknown): string {
    const text = JSON.stringify(value) ?? 'null';
    return this.pick<() => string>([
      () => text,
      () => text,
      () => text.replace(/\b1e308\b/g, '1e400'),
      () => text.replace(/"plain"/g, '123456789012345678901234567890'),
      () => text.slice(0, this.int(text.length + 1)),
      () => `${text}garbage`,
      () => `\ufeff${text}`,
      () => text.replace(/"True"/g, '"\\ud800"'),
    ])();
  }

  attribute(): string {
    return this.pick([
      'userName',
      'displayName',
      'title',
      'active',
      'externalId',
      'name',
      'name.givenName',
      'emails',
      'phoneNumbers',
      'addresses',
      'roles',
      'password',
      'PassWord',
      `${USER_URN}:password`,
      `${ENTERPRISE_URN}:manager`,
      `${ENTERPRISE_URN}:department`,
      'emails[type eq "work"].value',
      'emails[type eq "work"',
      'members',
      'members[value eq "x"]',
      'name..givenName',
      'urn:',
      'a'.repeat(5000),
      'meta.created',
      'id',
      'groups',
      '',
    ]);
  }

  filter(): string {
    const parts = [
      this.attribute(),
      this.pick(['eq', 'ne', 'co', 'sw', 'ew', 'pr', 'gt', 'ge', 'lt', 'le', 'EQ', 'xx']),
      this.pick([
        `"${this.string().replace(/"/g, '')}"`,
        '"unterminated',
        'true',
        'null',
        '1e400',
        '-0',
        '123456789012345678901234567890',
        '"2024-13-45T99:99:99Z"',
      ]),
    ];
    const joins = ['and', 'or', 'not', '(', ')', '[', ']', '"', '\\'];
    let text = parts.join(' ');
    for (let i = this.int(4); i > 0; i -= 1) {
      text = this.chance(0.5)
        ? `${text} ${this.pick(joins)} ${this.attribute()} eq "${this.string().slice(0, 40)}"`
        : `${this.pick(joins)}${text}`;
    }
    if (this.chance(0.05)) text = `${'('.repeat(2000)}userName pr${')'.repeat(2000)}`;
    return text;
  }

  scimHeaders(withBody: boolean): Record<string, string> {
    const headers: Record<string, string> = {};
    const auth = this.int(20);
    if (auth === 0) {
      headers['X-Forwarded-For'] = this.address();
    } else if (auth === 1) {
      headers['Authorization'] = this.pick([
        'Bearer',
        'Bearer x',
        'Basic Zm9vOmJhcg==',
        'bearer  ',
      ]);
      headers['X-Forwarded-For'] = this.address();
    } else {
      headers['Authorization'] = `Bearer ${this.ctx.scimToken}`;
    }
    if (withBody) {
      headers['Content-Type'] = this.pick([
        'application/scim+json',
        'application/scim+json',
        'application/json',
        'application/scim+json; charset=utf-8',
        'application/scim+json; charset=latin1',
        'application/json; charset=ebcdic',
        'text/plain',
        'application/xml',
        'multipart/form-data; boundary=x',
        'application/x-www-form-urlencoded',
      ]);
    }
    this.hostileHeaders(headers);
    return headers;
  }

  /** Headers a proxy or a broken client may add; none of them may turn into a 5xx. */
  hostileHeaders(headers: Record<string, string>): void {
    if (this.chance(0.05))
      headers['Accept'] = this.pick(['text/html', 'application/xml', '*/*;q=x']);
    if (this.chance(0.05))
      headers['X-Request-Id'] = this.pick(['', 'x'.repeat(500), '../..', 'a b']);
    if (this.chance(0.05)) headers['If-Match'] = this.pick(['W/"1"', '*', '"', 'garbage']);
    if (this.chance(0.05))
      headers['X-Forwarded-For'] = this.pick(['not-an-ip', '::1, ::ffff:1.2.3.4', '']);
    if (this.chance(0.03))
      headers['Cookie'] = this.pick(['rollcall_session=', 'rollcall_session=%ZZ', '=;=;']);
  }

  address(): string {
    return `198.51.100.${1 + this.int(250)}`;
  }

  /** A body, sometimes compressed (validly or not). */
  encode(text: string, headers: Record<string, string>): Buffer {
    const raw = Buffer.from(text);
    switch (this.int(14)) {
      case 0:
        headers['Content-Encoding'] = 'gzip';
        return gzipSync(raw);
      case 1:
        headers['Content-Encoding'] = 'gzip';
        return Buffer.concat([gzipSync(raw).subarray(0, 12), Buffer.from('corrupt')]);
      case 2:
        headers['Content-Encoding'] = 'br';
        return this.chance(0.5) ? brotliCompressSync(raw) : Buffer.from('not brotli');
      case 3:
        headers['Content-Encoding'] = 'deflate';
        return this.chance(0.5) ? deflateSync(raw) : Buffer.from('not deflate');
      case 4:
        headers['Content-Encoding'] = this.pick(['compress', 'bogus', 'gzip, br', 'identity']);
        return raw;
      default:
        return raw;
    }
  }

  user(): Record<string, unknown> {
    const user: Record<string, unknown> = {
      schemas: [USER_URN],
      userName: `fuzz-${this.int(1e9)}@example.test`,
    };
    for (let i = this.int(4); i > 0; i -= 1) user[this.attribute()] = this.value();
    if (this.chance(0.1)) delete user['userName'];
    if (this.chance(0.1)) user['schemas'] = this.value();
    return user;
  }

  operation(): unknown {
    const operation: Record<string, unknown> = {
      op: this.pick(['add', 'replace', 'remove', 'Add', 'Replace', 'Remove', 'move', '', 7]),
    };
    if (this.chance(0.8)) operation['path'] = this.chance(0.9) ? this.attribute() : this.value();
    if (this.chance(0.9)) operation['value'] = this.value();
    return operation;
  }

  scimCase(): FuzzCase {
    const { userId, groupId } = this.ctx;
    const kind = this.int(12);
    const id = this.pick([
      userId,
      '%00',
      `${userId}%00`,
      '%ZZ',
      '%ED%A0%80',
      '..%2F..%2Fetc',
      'a'.repeat(3000),
      '00000000-0000-4000-8000-000000000000',
      '%F0%9F%9A%80',
      ' ',
    ]);
    const send = (method: string, path: string, text: string | undefined, label: string) => {
      const headers = this.scimHeaders(text !== undefined);
      return {
        edge: 'scim' as const,
        method,
        path: `/scim/v2${path}`,
        headers,
        ...(text === undefined ? {} : { body: this.encode(text, headers) }),
        label,
      };
    };
    switch (kind) {
      case 0:
      case 1:
        return send('POST', '/Users', this.json(this.user()), 'POST /Users');
      case 2:
      case 3:
        return send(
          'PATCH',
          `/Users/${this.chance(0.8) ? userId : id}`,
          this.json({
            schemas: this.chance(0.9) ? [PATCH_OP_URN] : this.value(),
            Operations: Array.from({ length: 1 + this.int(3) }, () => this.operation()),
          }),
          'PATCH /Users/{id}',
        );
      case 4:
        return send(
          'PATCH',
          `/Groups/${this.chance(0.8) ? groupId : id}`,
          this.json({
            schemas: [PATCH_OP_URN],
            Operations: [
              {
                op: this.pick(['add', 'remove', 'replace']),
                path: this.pick(['members', `members[value eq "${this.string()}"]`, 'displayName']),
                value: this.value(),
              },
            ],
          }),
          'PATCH /Groups/{id}',
        );
      case 5: {
        const params = new URLSearchParams();
        params.set('filter', this.filter());
        if (this.chance(0.3))
          params.set('startIndex', String(this.pick([-1, 0, 1e20, 'abc', '1\u0000'])));
        if (this.chance(0.3)) params.set('count', String(this.pick([-1, 0, 1e20, 'NaN', '%00'])));
        if (this.chance(0.2)) params.set('attributes', this.attribute());
        if (this.chance(0.2)) params.set('sortBy', this.attribute());
        // A repeated parameter arrives as an array, not a string.
        if (this.chance(0.1)) params.append(this.pick(['filter', 'count', 'attributes']), 'x');
        const collection = this.pick(['/Users', '/Groups']);
        return send(
          'GET',
          `${collection}?${params.toString()}`,
          undefined,
          `GET ${collection}?filter`,
        );
      }
      case 6:
        return send(
          'POST',
          this.pick(['/.search', '/Users/.search', '/Groups/.search']),
          this.json({
            schemas: this.chance(0.9) ? [SEARCH_URN] : this.value(),
            filter: this.chance(0.8) ? this.filter() : this.value(),
            startIndex: this.chance(0.3) ? this.value() : 1,
            count: this.chance(0.3) ? this.value() : 10,
          }),
          'POST .search',
        );
      case 7:
        return send(
          this.pick(['GET', 'PUT', 'DELETE', 'PATCH']),
          `/${this.pick(['Users', 'Groups'])}/${id}`,
          this.chance(0.5) ? this.json(this.user()) : undefined,
          'ids',
        );
      case 8:
        return send(
          'POST',
          this.pick(['/Users', '/.search', `/Users/${userId}`]),
          this.nested(50 + this.int(5000), this.chance(0.5)),
          'depth',
        );
      case 9:
        return send(
          'POST',
          '/Groups',
          this.json({ schemas: [GROUP_URN], displayName: this.value(), members: this.value() }),
          'POST /Groups',
        );
      case 10:
        return send(
          'PUT',
          `/Users/${userId}`,
          this.json({ ...this.user(), id: this.chance(0.5) ? userId : this.value() }),
          'PUT /Users/{id}',
        );
      default:
        return send(
          this.pick(['GET', 'POST', 'OPTIONS', 'HEAD', 'TRACE']),
          this.pick([
            '/ServiceProviderConfig',
            '/Schemas',
            '/ResourceTypes',
            '/Bulk',
            '/Me',
            '/%00',
            '/Schemas/%00',
          ]),
          this.chance(0.3) ? this.json(this.value()) : undefined,
          'discovery and unknown',
        );
    }
  }

  adminCase(): FuzzCase {
    const { admin } = this.ctx;
    const session = { Cookie: admin.cookie, 'X-CSRF-Token': admin.csrfToken };
    const jsonHeaders = (): Record<string, string> => ({
      'Content-Type': this.pick([
        'application/json',
        'application/json',
        'application/json; charset=latin1',
        'application/json; charset=ebcdic',
        'text/plain',
        'application/x-www-form-urlencoded',
      ]),
    });
    const write = (
      method: string,
      path: string,
      text: string,
      signedIn: boolean,
      label: string,
    ) => {
      const headers: Record<string, string> = {
        ...(signedIn ? session : { 'X-Forwarded-For': this.address() }),
        ...jsonHeaders(),
      };
      this.hostileHeaders(headers);
      return {
        edge: 'admin' as const,
        method,
        path,
        headers,
        body: this.encode(text, headers),
        label,
      };
    };
    const read = (path: string, label: string): FuzzCase => ({
      edge: 'admin',
      method: 'GET',
      path,
      headers: this.chance(0.9) ? { Cookie: admin.cookie } : { 'X-Forwarded-For': this.address() },
      label,
    });
    const id = this.pick([
      '%00',
      'a%00',
      '%ZZ',
      'a'.repeat(3000),
      '00000000-0000-4000-8000-000000000000',
      '%ED%A0%80',
    ]);
    switch (this.int(9)) {
      case 0:
      case 1:
        return write(
          'POST',
          '/api/auth/login',
          this.json({ email: this.value(), password: this.value() }),
          false,
          'login',
        );
      case 2: {
        const params = new URLSearchParams();
        params.set('search', this.string());
        if (this.chance(0.3)) params.set('status', this.string());
        if (this.chance(0.3)) params.set('limit', String(this.pick([-1, 0, 1e20, 'x', '%00'])));
        if (this.chance(0.3)) params.set('cursor', this.string());
        if (this.chance(0.1))
          params.append(this.pick(['search', 'limit', 'status', 'cursor']), '1');
        return read(`/api/users?${params.toString()}`, 'users search');
      }
      case 3:
        return read(
          this.pick([`/api/users/${id}`, `/api/teams/${id}`, `/api/teams/${id}/resources`]),
          'admin ids',
        );
      case 4:
        return write(
          'PATCH',
          '/api/organization',
          this.json({ name: this.value() }),
          true,
          'org name',
        );
      case 5:
        return write(
          'PATCH',
          '/api/organization/settings',
          // Never a plain boolean scimEnabled: turning SCIM off would end the run's SCIM cases.
          this.json({ deletedTeamRetentionDays: this.value(), defaultRole: this.value() }),
          true,
          'org settings',
        );
      case 6:
        return write(
          'POST',
          '/api/teams',
          this.json({ name: this.value(), description: this.value() }),
          true,
          'teams',
        );
      case 7:
        return write(
          'POST',
          '/api/scim/oauth/clients',
          this.json({ name: this.value() }),
          true,
          'oauth client name',
        );
      default:
        return write(
          this.pick(['POST', 'PATCH', 'PUT']),
          this.pick(['/api/organization', '/api/teams', '/api/auth/login']),
          this.nested(50 + this.int(5000), this.chance(0.5)),
          this.chance(0.5),
          'admin depth',
        );
    }
  }

  oauthCase(): FuzzCase {
    const headers: Record<string, string> = {
      'X-Forwarded-For': this.address(),
      'Content-Type': this.pick([
        'application/x-www-form-urlencoded',
        'application/x-www-form-urlencoded',
        'application/x-www-form-urlencoded; charset=latin1',
        'application/json',
        'text/plain',
      ]),
    };
    if (this.chance(0.2)) {
      headers['Authorization'] = this.pick([
        'Basic',
        'Basic %%%',
        'Basic Zm9v',
        'Bearer x',
        `Basic ${Buffer.from('a\u0000:b').toString('base64')}`,
      ]);
    }
    const form = new URLSearchParams();
    const fields = [
      'grant_type',
      'client_id',
      'client_secret',
      'client_assertion',
      'client_assertion_type',
      'scope',
    ];
    for (const field of fields) {
      if (this.chance(0.6)) {
        form.set(
          field,
          field === 'grant_type' && this.chance(0.5)
            ? this.pick([
                'client_credentials',
                'password',
                'urn:ietf:params:oauth:grant-type:jwt-bearer',
              ])
            : field === 'client_assertion' && this.chance(0.5)
              ? `${Buffer.from(this.json(this.value())).toString('base64url')}.e30.sig`
              : this.string(),
        );
      }
    }
    const text = headers['Content-Type']?.startsWith('application/json')
      ? this.json(Object.fromEntries(form))
      : this.chance(0.05)
        ? this.nested(50 + this.int(3000), false)
        : form.toString();
    return {
      edge: 'oauth',
      method: 'POST',
      path: '/oauth/token',
      headers,
      body: this.encode(text, headers),
      label: 'token',
    };
  }

  next(): FuzzCase {
    const roll = this.random();
    if (roll < 0.6) return this.scimCase();
    if (roll < 0.85) return this.adminCase();
    return this.oauthCase();
  }
}

function send(baseUrl: string, fuzz: FuzzCase): Promise<Outcome> {
  return rawRequest(`${baseUrl}${fuzz.path}`, {
    method: fuzz.method,
    headers: {
      ...fuzz.headers,
      ...(fuzz.body ? { 'Content-Length': String(fuzz.body.length) } : {}),
    },
    body: fuzz.body,
  });
}

/** Why an answer is wrong for its edge, or undefined when it is right. */
function problemWith(fuzz: FuzzCase, outcome: Outcome): string | undefined {
  if (outcome.status >= 500) return `status ${outcome.status}`;
  // Node's HTTP parser answers an oversized head itself, before any edge sees the request.
  if (outcome.status === 431) return undefined;
  if (outcome.status < 400 || fuzz.method === 'HEAD') return undefined;
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(outcome.body) as Record<string, unknown>;
  } catch {
    return 'error body is not JSON';
  }
  const contentType = String(outcome.headers['content-type'] ?? '');
  switch (fuzz.edge) {
    case 'scim':
      if (!contentType.startsWith('application/scim+json')) return `content type ${contentType}`;
      if (JSON.stringify(body['schemas']) !== JSON.stringify([ERROR_URN])) return 'schemas';
      if (body['status'] !== String(outcome.status)) return 'status is not the HTTP status';
      return undefined;
    case 'admin':
      if (body['statusCode'] !== outcome.status) return 'statusCode';
      if (typeof body['code'] !== 'string' || typeof body['message'] !== 'string')
        return 'code/message';
      if (body['requestId'] !== outcome.headers['x-request-id']) return 'requestId';
      return undefined;
    case 'oauth':
      if (typeof body['error'] !== 'string') return 'error';
      return undefined;
  }
}

describe('fuzz corpus: malformed requests never get a 5xx and never take the server down', () => {
  let api: TestApi;
  let org: TestOrganization;
  let admin: AdminClient;
  let userId: string;
  let groupId: string;

  beforeAll(async () => {
    api = await TestApi.start();
    org = await api.createOrganization('Fuzz Org');
    admin = await AdminClient.signIn(api, org);
    const user = await api.scim(org.scimToken, 'POST', '/Users', {
      schemas: [USER_URN],
      userName: 'fuzz-target@example.test',
    });
    userId = ((await user.json()) as { id: string }).id;
    const group = await api.scim(org.scimToken, 'POST', '/Groups', {
      schemas: [GROUP_URN],
      displayName: 'Fuzz Group',
      members: [{ value: userId }],
    });
    groupId = ((await group.json()) as { id: string }).id;
  });

  afterAll(async () => {
    await api?.stop();
  });

  it(`answers ${CASES} seeded malformed requests without a 5xx, each in its edge's shape`, async () => {
    const generator = new Generator(SEED, { scimToken: org.scimToken, userId, groupId, admin });
    const corpus = Array.from({ length: CASES }, () => generator.next());
    const failures: string[] = [];
    const byEdge: Record<Edge, number> = { scim: 0, admin: 0, oauth: 0 };
    let nextIndex = 0;
    const worker = async () => {
      while (nextIndex < corpus.length) {
        const index = nextIndex;
        nextIndex += 1;
        const fuzz = corpus[index] as FuzzCase;
        byEdge[fuzz.edge] += 1;
        const outcome = await send(api.baseUrl, fuzz);
        const problem = problemWith(fuzz, outcome);
        if (problem) {
          failures.push(
            `#${index} ${fuzz.label}: ${fuzz.method} ${fuzz.path.slice(0, 120)} ${JSON.stringify(fuzz.headers)} ${fuzz.body?.toString('utf8').slice(0, 200) ?? ''} → ${outcome.status} (${problem}) ${outcome.body.slice(0, 200)}`,
          );
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));

    expect(failures.slice(0, 20)).toEqual([]);
    expect(byEdge.scim).toBeGreaterThan(1000);
    expect(byEdge.admin).toBeGreaterThan(400);
    expect(byEdge.oauth).toBeGreaterThan(200);

    // Still healthy, and still doing its job.
    expect((await fetch(`${api.baseUrl}/health`)).status).toBe(200);
    const created = await api.scim(org.scimToken, 'POST', '/Users', {
      schemas: [USER_URN],
      userName: 'after-the-fuzz@example.test',
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    // (The corpus may have deleted its target user: a fresh one proves reads work.)
    expect((await api.scim(org.scimToken, 'GET', `/Users/${id}`)).status).toBe(200);
  }, 120_000);
});
