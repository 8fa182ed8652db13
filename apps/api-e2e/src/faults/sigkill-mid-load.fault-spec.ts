import { randomBytes } from 'node:crypto';
import { ApiProcess, buildApi } from '../support/api-process';
import { readEventRows, type EventRow } from '../support/event-rows';
import { aScimGroup, addMembers } from '../support/scim-group.builder';
import { aPatch, aScimUser, unique } from '../support/scim-user.builder';
import { createTestDatabase, testDialect, type TestDatabase } from '../support/test-database';

// An operator's crash test: the built server under an Entra-like write load is killed with
// SIGKILL (no shutdown hook runs), restarted on the same database, and every write it had
// acknowledged with a 2xx must be there, with exactly one event each in the outbox and
// cursors without gaps. Two rounds, so the second crash hits a database
// that has already recovered once.

jest.setTimeout(90_000);

const CONCURRENCY = 8;
/** Acknowledged writes per round before the kill; the load is still running when it lands. */
const ACKS_BEFORE_KILL = 120;
const GROUPS = 3;

interface Ledger {
  /** userName of every user whose creation was acknowledged, by id. */
  users: Map<string, string>;
  /** Every title sent to a user, in order (one worker writes its users one at a time). */
  titlesSent: Map<string, string[]>;
  /** Acknowledged title PATCHes: [userId, title]. */
  titlesAcknowledged: [string, string][];
  /** Acknowledged member adds: "groupId userId". */
  memberships: Set<string>;
  acknowledged: number;
}

function scim(
  baseUrl: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<Response> {
  return fetch(`${baseUrl}/scim/v2${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/scim+json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** One Entra-like worker: creates users, renames their titles, adds them to groups. */
async function worker(
  baseUrl: string,
  token: string,
  groups: readonly string[],
  ledger: Ledger,
  stop: () => boolean,
): Promise<void> {
  const mine: string[] = [];
  for (let step = 0; !stop(); step += 1) {
    try {
      const userId = mine[step % Math.max(mine.length, 1)];
      if (step % 3 === 0 || userId === undefined) {
        const userName = `${unique('crash')}@contoso.example`;
        const response = await scim(baseUrl, token, 'POST', '/Users', aScimUser({ userName }));
        if (response.status === 201) {
          const { id } = (await response.json()) as { id: string };
          mine.push(id);
          ledger.users.set(id, userName);
          ledger.titlesSent.set(id, []);
          ledger.acknowledged += 1;
        }
      } else if (step % 3 === 1) {
        const title = unique('title');
        ledger.titlesSent.get(userId)?.push(title);
        const response = await scim(
          baseUrl,
          token,
          'PATCH',
          `/Users/${userId}`,
          aPatch({ op: 'Replace', path: 'title', value: title }),
        );
        if (response.ok) {
          ledger.titlesAcknowledged.push([userId, title]);
          ledger.acknowledged += 1;
        }
      } else {
        const groupId = groups[step % groups.length] ?? '';
        const response = await scim(
          baseUrl,
          token,
          'PATCH',
          `/Groups/${groupId}`,
          aPatch(addMembers([userId])),
        );
        if (response.ok) {
          ledger.memberships.add(`${groupId} ${userId}`);
          ledger.acknowledged += 1;
        }
      }
    } catch {
      // The connection died with the process: not acknowledged, so nothing is owed.
      return;
    }
  }
}

interface Found {
  acknowledged: number;
  found: number;
  missing: string[];
}

/** Reads every acknowledged write back from a restarted server. */
async function audit(baseUrl: string, token: string, ledger: Ledger): Promise<Found> {
  const missing: string[] = [];
  let found = 0;
  const titles = new Map<string, unknown>();
  for (const [id, userName] of ledger.users) {
    const response = await scim(baseUrl, token, 'GET', `/Users/${id}`);
    const user =
      response.status === 200 ? ((await response.json()) as Record<string, unknown>) : {};
    titles.set(id, user['title']);
    if (user['userName'] === userName) found += 1;
    else missing.push(`user ${userName}: ${response.status}`);
  }
  for (const [id, title] of ledger.titlesAcknowledged) {
    // Present, or overwritten by a later PATCH of the same worker (acknowledged or not: one
    // sent just before the kill may have committed without its answer getting out).
    const sent = ledger.titlesSent.get(id) ?? [];
    const current = sent.indexOf(String(titles.get(id)));
    if (current >= 0 && current >= sent.indexOf(title)) found += 1;
    else missing.push(`title ${title} of ${id}: found ${String(titles.get(id))}`);
  }
  const members = new Map<string, Set<string>>();
  for (const key of ledger.memberships) {
    const [groupId = '', userId = ''] = key.split(' ');
    let set = members.get(groupId);
    if (!set) {
      const response = await scim(baseUrl, token, 'GET', `/Groups/${groupId}`);
      const body = (await response.json()) as { members?: { value: string }[] };
      set = new Set((body.members ?? []).map((m) => m.value));
      members.set(groupId, set);
    }
    if (set.has(userId)) found += 1;
    else missing.push(`member ${userId} of ${groupId}`);
  }
  return { acknowledged: ledger.acknowledged, found, missing };
}

/**
 * The outbox after the crash: every acknowledged write has exactly one event, no write has
 * two, and each organization's cursors run 1, 2, 3… without a gap.
 */
function auditEvents(events: readonly EventRow[], ledger: Ledger, present: Found): string[] {
  const problems: string[] = [];
  const count = new Map<string, number>();
  const told = (key: string) => count.set(key, (count.get(key) ?? 0) + 1);
  for (const event of events) {
    const user = event.data['user'] as { id?: string; scim?: { title?: unknown } } | undefined;
    const team = event.data['team'] as { id?: string } | undefined;
    if (event.type === 'user.created') told(`created ${user?.id}`);
    if (event.type === 'user.updated') told(`title ${user?.id} ${String(user?.scim?.title)}`);
    if (event.type === 'team.member_added') told(`member ${team?.id} ${user?.id}`);
  }
  const once = (key: string) => {
    if (count.get(key) !== 1) problems.push(`${key}: ${count.get(key) ?? 0} events`);
  };
  for (const id of ledger.users.keys()) once(`created ${id}`);
  for (const [id, title] of ledger.titlesAcknowledged) once(`title ${id} ${title}`);
  for (const key of ledger.memberships) once(`member ${key}`);
  // Nor is any write told twice, acknowledged or not (one may have committed just before the
  // kill without its answer getting out: it is told once, like any other).
  if (present.missing.length === 0) {
    for (const key of count.keys()) {
      if (count.get(key) !== 1) problems.push(`${key}: told ${count.get(key)} times`);
    }
  }
  const byOrganization = new Map<string, number[]>();
  for (const event of events) {
    const list = byOrganization.get(event.organizationId) ?? [];
    list.push(event.sequence);
    byOrganization.set(event.organizationId, list);
  }
  for (const [organizationId, sequences] of byOrganization) {
    if (sequences.some((sequence, i) => sequence !== i + 1)) {
      problems.push(`cursors of ${organizationId} are not 1..${sequences.length}`);
    }
  }
  return problems;
}

describe(`SIGKILL mid-load, restart on the same ${testDialect() === 'postgres' ? 'PostgreSQL database' : 'SQLite DATA_DIR'}`, () => {
  let database: TestDatabase;
  let env: Record<string, string>;
  let token: string;
  let api: ApiProcess | undefined;

  beforeAll(async () => {
    buildApi();
    database = await createTestDatabase();
    env = {
      ...database.env,
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      PUBLIC_URL: 'http://127.0.0.1',
      // Eight writers outrun the per-credential limit (200 a second); the kill should land
      // among real writes, not among 429s.
      SCIM_RATE_LIMIT_PER_SECOND: '0',
    };
    // The first start on an empty database creates the demo organization and prints its
    // Secret Token, as an operator would see it.
    api = await ApiProcess.start(env);
    await api.waitForOutput(/Secret Token\s+\S+/);
    const printed = /Secret Token\s+(\S+)/.exec(api.stdoutAndStderr)?.[1];
    expect(printed).toBeDefined();
    token = printed ?? '';
  });

  afterAll(async () => {
    await api?.kill();
    await database?.drop();
  });

  it.each([1, 2])('round %i: every acknowledged write survives the kill', async () => {
    // Round 1 runs on the first start; round 2 on the restart that checked round 1.
    api ??= await ApiProcess.start(env);
    const groups: string[] = [];
    for (let i = 0; i < GROUPS; i += 1) {
      const response = await scim(api.baseUrl, token, 'POST', '/Groups', aScimGroup());
      expect(response.status).toBe(201);
      groups.push(((await response.json()) as { id: string }).id);
    }
    const ledger: Ledger = {
      users: new Map(),
      titlesSent: new Map(),
      titlesAcknowledged: [],
      memberships: new Set(),
      acknowledged: 0,
    };
    let killed = false;
    const running = api;
    const workers = Array.from({ length: CONCURRENCY }, () =>
      worker(running.baseUrl, token, groups, ledger, () => killed),
    );
    let stopped = 0;
    workers.forEach((w) => void w.then(() => (stopped += 1)));
    while (ledger.acknowledged < ACKS_BEFORE_KILL && stopped < CONCURRENCY) {
      await new Promise((done) => setTimeout(done, 20));
    }
    await running.kill();
    killed = true;
    await Promise.all(workers);
    expect(ledger.acknowledged).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);
    // Every kind of write was in the load, so each kind is checked below.
    expect(ledger.users.size).toBeGreaterThan(0);
    expect(ledger.titlesAcknowledged.length).toBeGreaterThan(0);
    expect(ledger.memberships.size).toBeGreaterThan(0);

    api = await ApiProcess.start(env);
    const result = await audit(api.baseUrl, token, ledger);
    expect(result.missing).toEqual([]);
    expect(result.found).toBe(result.acknowledged);
    const events = await readEventRows(database);
    expect(events.length).toBeGreaterThanOrEqual(result.acknowledged);
    expect(auditEvents(events, ledger, result)).toEqual([]);
  });
});
