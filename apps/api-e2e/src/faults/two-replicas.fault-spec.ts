import { randomBytes } from 'node:crypto';
import { ApiProcess, buildApi } from '../support/api-process';
import { aScimGroup, addMembers, removeMembers } from '../support/scim-group.builder';
import { aPatch, aScimUser, unique } from '../support/scim-user.builder';
import { createTestDatabase, testDialect, type TestDatabase } from '../support/test-database';

// Two replicas of the built server on one database, as behind a load balancer: writes that
// race across them must end in exactly the state a one-at-a-time order would give. On
// SQLite the two processes share one database file (WAL, one writer at a time).

jest.setTimeout(90_000);

const MEMBERS = 30;

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

/** A SCIM client that, like Entra, sends a request again when it was answered 503. */
async function scim(
  replica: ApiProcess,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<Answer> {
  for (let attempt = 0; ; attempt += 1) {
    const response = await fetch(`${replica.baseUrl}/scim/v2${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/scim+json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status === 503 && attempt < 5) {
      await new Promise((done) => setTimeout(done, 200 * (attempt + 1)));
      continue;
    }
    return {
      status: response.status,
      body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
    };
  }
}

function memberIds(group: Answer): string[] {
  return ((group.body['members'] ?? []) as { value: string }[]).map((m) => m.value).sort();
}

const where = testDialect() === 'postgres' ? 'one PostgreSQL database' : 'one SQLite file';

describe(`two replicas on ${where}`, () => {
  let database: TestDatabase;
  let replicas: [ApiProcess, ApiProcess] | undefined;
  let token: string;

  /** Alternates requests between the two replicas. */
  const replica = (i: number): ApiProcess => {
    if (!replicas) throw new Error('replicas not started');
    return i % 2 === 0 ? replicas[0] : replicas[1];
  };

  async function createUsers(count: number): Promise<string[]> {
    const created = await Promise.all(
      Array.from({ length: count }, (_, i) =>
        scim(replica(i), token, 'POST', '/Users', aScimUser()),
      ),
    );
    expect(created.map((c) => c.status)).toEqual(created.map(() => 201));
    return created.map((c) => String(c.body['id']));
  }

  beforeAll(async () => {
    buildApi();
    database = await createTestDatabase();
    const env = { ...database.env, ENCRYPTION_KEY: randomBytes(32).toString('base64') };
    // The first replica creates the demo organization on the empty database; the second
    // starts on a database that is already set up, as a scaled-out deployment does.
    const first = await ApiProcess.start(env);
    await first.waitForOutput(/Secret Token\s+\S+/);
    token = /Secret Token\s+(\S+)/.exec(first.stdoutAndStderr)?.[1] ?? '';
    replicas = [first, await ApiProcess.start(env)];
  });

  afterAll(async () => {
    await Promise.all((replicas ?? []).map((r) => r.kill()));
    await database?.drop();
  });

  it('single-member adds and removes racing across replicas leave exactly the expected members', async () => {
    const group = await scim(replica(0), token, 'POST', '/Groups', aScimGroup());
    expect(group.status).toBe(201);
    const path = `/Groups/${String(group.body['id'])}`;
    const users = await createUsers(MEMBERS);

    const adds = await Promise.all(
      users.map((id, i) => scim(replica(i), token, 'PATCH', path, aPatch(addMembers([id])))),
    );
    expect(adds.every((a) => a.status === 200 || a.status === 204)).toBe(true);
    for (const i of [0, 1]) {
      expect(memberIds(await scim(replica(i), token, 'GET', path))).toEqual([...users].sort());
    }

    // Remove every other member while new users are added, all at once, on both replicas.
    const newcomers = await createUsers(MEMBERS / 2);
    const leaving = users.filter((_, i) => i % 2 === 0);
    const changes = await Promise.all([
      ...leaving.map((id, i) =>
        scim(replica(i), token, 'PATCH', path, aPatch(removeMembers([id]))),
      ),
      ...newcomers.map((id, i) =>
        scim(replica(i + 1), token, 'PATCH', path, aPatch(addMembers([id]))),
      ),
    ]);
    expect(changes.every((c) => c.status === 200 || c.status === 204)).toBe(true);
    const expected = [...users.filter((_, i) => i % 2 === 1), ...newcomers].sort();
    for (const i of [0, 1]) {
      expect(memberIds(await scim(replica(i), token, 'GET', path))).toEqual(expected);
    }
  });

  it('concurrent PATCHes of one user across replicas keep every acknowledged attribute', async () => {
    const users = await createUsers(4);
    for (const id of users) {
      const values = {
        title: unique('title'),
        nickName: unique('nick'),
        displayName: unique('display'),
        preferredLanguage: 'de-DE',
        timezone: 'Europe/Berlin',
      };
      const writes = await Promise.all([
        ...Object.entries(values).map(([attribute, value], i) =>
          scim(
            replica(i),
            token,
            'PATCH',
            `/Users/${id}`,
            aPatch({ op: 'Replace', path: attribute, value }),
          ),
        ),
        scim(
          replica(1),
          token,
          'PATCH',
          `/Users/${id}`,
          aPatch({ op: 'Replace', path: 'active', value: false }),
        ),
      ]);
      expect(writes.map((w) => w.status)).toEqual(writes.map(() => 200));
      for (const i of [0, 1]) {
        const user = await scim(replica(i), token, 'GET', `/Users/${id}`);
        expect(user.body).toMatchObject({ ...values, active: false });
      }
    }
  });

  it('racing POSTs of one userName across replicas: exactly one 201, the rest 409 uniqueness', async () => {
    for (let round = 0; round < 4; round += 1) {
      const userName = `${unique('race')}@contoso.example`;
      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          scim(replica(i), token, 'POST', '/Users', aScimUser({ userName })),
        ),
      );
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
      for (const conflict of answers.filter((a) => a.status === 409)) {
        expect(conflict.body).toMatchObject({ status: '409', scimType: 'uniqueness' });
      }
      const found = await scim(
        replica(round),
        token,
        'GET',
        `/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`,
      );
      expect(found.body['totalResults']).toBe(1);
    }
  });
});
