import { randomBytes } from 'node:crypto';
import { ApiProcess, buildApi } from '../support/api-process';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// The payloads that used to end the process (the provisioning-log hook overflowed the stack
// after the answer went out), sent to the built server as an operator runs it: each is a
// 400, and the same process keeps serving and logging afterwards.

const USER_URN = 'urn:ietf:params:scim:schemas:core:2.0:User';
const PATCH_OP_URN = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

const nestedObjects = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
const nestedArrays = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

describe('hostile input against the built process', () => {
  let database: TestDatabase;
  let api: ApiProcess | undefined;
  let token: string;

  const scim = (method: string, path: string, body?: string) =>
    fetch(`${api?.baseUrl}/scim/v2${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/scim+json' }),
      },
      body,
    });

  beforeAll(async () => {
    buildApi();
    database = await createTestDatabase();
    api = await ApiProcess.start({
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      ...database.env,
      PUBLIC_URL: 'http://127.0.0.1',
    });
    // The first start on an empty database creates the demo organization and prints its token.
    await api.waitForOutput(/Secret Token\s+\S+/);
    token = /Secret Token\s+(\S+)/.exec(api.stdoutAndStderr)?.[1] ?? '';
    expect(token).not.toBe('');
  });

  afterAll(async () => {
    await api?.kill();
    await database?.drop();
  });

  it('answers every former crash payload with 400 and keeps serving', async () => {
    const created = await scim(
      'POST',
      '/Users',
      JSON.stringify({ schemas: [USER_URN], userName: 'survivor@example.test' }),
    );
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };

    const payloads: [string, string, string][] = [
      ['POST', '/Users', nestedObjects(2100)],
      ['POST', '/.search', nestedObjects(2100)],
      ['PATCH', `/Users/${id}`, nestedObjects(2100)],
      [
        'PATCH',
        `/Users/${id}`,
        `{"schemas":["${PATCH_OP_URN}"],"Operations":[{"op":"Replace","path":"title","value":${nestedArrays(3300)}}]}`,
      ],
      ['GET', `/Users?filter=${encodeURIComponent('userName eq "a\u0000b"')}`, ''],
    ];
    for (const [method, path, body] of payloads) {
      const response = await scim(method, path, method === 'GET' ? undefined : body);
      expect({ method, path: path.slice(0, 40), status: response.status }).toEqual({
        method,
        path: path.slice(0, 40),
        status: 400,
      });
    }

    // Several more round trips give the response hooks and the log's flush every chance to run.
    for (let i = 0; i < 5; i += 1) {
      expect((await fetch(`${api?.baseUrl}/health`)).status).toBe(200);
      expect((await scim('GET', `/Users/${id}`)).status).toBe(200);
    }
    expect(api?.stdoutAndStderr).not.toMatch(/RangeError|Maximum call stack/);
  });
});
