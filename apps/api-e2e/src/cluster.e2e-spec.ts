import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { ApiProcess, buildApi, freePort } from './support/api-process';
import { createTestDatabase, type TestDatabase } from './support/test-database';

// WEB_CONCURRENCY=2 on the built server, as `npm start` runs it: a primary and two workers
// sharing the port, on SQLite or (TEST_DB=postgres) PostgreSQL.

jest.setTimeout(120_000);

const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';

beforeAll(() => {
  buildApi();
}, 300_000);

interface LogLine {
  pid: number;
  msg: string;
  req?: { method?: string; url?: string };
}

function logLines(output: string): LogLine[] {
  return output.split('\n').flatMap((line) => {
    if (!line.startsWith('{')) return [];
    try {
      return [JSON.parse(line) as LogLine];
    } catch {
      return [];
    }
  });
}

/** State and parent of a process, from /proc (undefined once it is gone). */
function procStat(pid: number): { state: string; ppid: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // `pid (comm) state ppid …`; comm may hold spaces and parentheses.
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: state ?? '', ppid: Number(ppid) };
  } catch {
    return undefined;
  }
}

function childrenOf(parent: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => procStat(pid)?.ppid === parent);
}

function isRunning(pid: number): boolean {
  const stat = procStat(pid);
  return existsSync(`/proc/${pid}`) && stat !== undefined && stat.state !== 'Z';
}

async function eventually(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (await check()) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`never happened: ${what}`);
}

describe('WEB_CONCURRENCY=2', () => {
  let database: TestDatabase;
  let api: ApiProcess;
  let token: string;
  const started = new Set<number>();

  beforeAll(async () => {
    database = await createTestDatabase();
    const port = await freePort();
    api = await ApiProcess.start({
      ...database.env,
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      WEB_CONCURRENCY: '2',
    });
    await api.waitForOutput(/Lost password\?/);
    const match = /^\s*Secret Token\s+(\S+)\s*$/m.exec(api.stdoutAndStderr);
    token = match?.[1] ?? '';
  });

  afterAll(async () => {
    for (const pid of childrenOf(api.pid)) started.add(pid);
    await api.kill();
    // Should any worker have outlived a failed test's primary, it goes too.
    for (const pid of started) if (isRunning(pid)) process.kill(pid, 'SIGKILL');
    await database.drop();
  });

  const scim = (path: string, init: RequestInit = {}) =>
    fetch(`${api.baseUrl}/scim/v2${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/scim+json' },
    });

  it('forks two workers that each listen, and says once that the server listens', () => {
    const workers = childrenOf(api.pid);
    workers.forEach((pid) => started.add(pid));
    expect(workers).toHaveLength(2);
    const lines = logLines(api.stdoutAndStderr);
    const listening = lines.filter((line) => /^Worker [12] of 2 listening$/.test(line.msg));
    expect(listening.map((line) => line.pid).sort()).toEqual([...workers].sort());
    const primary = lines.filter((line) => line.msg.startsWith('Rollcall listening on'));
    expect(primary).toHaveLength(1);
    expect(primary[0]?.pid).toBe(api.pid);
    expect(primary[0]?.msg).toMatch(/, 2 workers\)$/);
  });

  it('prints the first-start banner exactly once, after the listening line', async () => {
    const output = api.stdoutAndStderr;
    expect(output.split('Secret Token')).toHaveLength(2);
    expect(output.split('Admin password')).toHaveLength(2);
    expect(output.indexOf('Secret Token')).toBeGreaterThan(output.indexOf('Rollcall listening'));
    expect(token).toMatch(/^rcs_/);
    expect((await scim('/Users')).status).toBe(200);
  });

  it('schedules each background job in one worker only', () => {
    const jobs = logLines(api.stdoutAndStderr).filter((line) =>
      /^Purging .+ in this process$/.test(line.msg),
    );
    expect(jobs.map((line) => line.msg).sort()).toEqual([
      'Purging deleted teams every 5 min in this process',
      'Purging events past their retention window every 10 min in this process',
      'Purging the provisioning log every 10 min in this process',
      'Purging unfinished sign-in starts every 10 min in this process',
    ]);
    const runners = new Set(jobs.map((line) => line.pid));
    expect(runners.size).toBe(1);
    expect(childrenOf(api.pid)).toContain([...runners][0]);
  });

  it('lands every one of 50 concurrent SCIM creates, served by both workers', async () => {
    const userNames = Array.from({ length: 50 }, (_, i) => `cluster-${i}@example.test`);
    const created = await Promise.all(
      userNames.map(async (userName) => {
        const response = await scim('/Users', {
          method: 'POST',
          body: JSON.stringify({ schemas: [USER_SCHEMA], userName, active: true }),
        });
        return { status: response.status, body: (await response.json()) as { id?: string } };
      }),
    );
    expect(created.map((result) => result.status)).toEqual(userNames.map(() => 201));
    const ids = created.map((result) => result.body.id ?? '');
    expect(new Set(ids).size).toBe(50);
    const read = await Promise.all(ids.map(async (id) => (await scim(`/Users/${id}`)).status));
    expect(read).toEqual(ids.map(() => 200));
    const list = (await (await scim('/Users?count=1')).json()) as { totalResults: number };
    expect(list.totalResults).toBe(50);
    // Who answered: the access log line of each create carries its worker's pid.
    const workers = childrenOf(api.pid);
    await eventually(() => {
      const servedBy = new Set(
        logLines(api.stdoutAndStderr)
          .filter((line) => line.req?.method === 'POST' && line.req.url === '/scim/v2/Users')
          .map((line) => line.pid),
      );
      return workers.every((pid) => servedBy.has(pid));
    }, 'both workers logged answering a create');
  });

  it('replaces a worker killed with SIGKILL, which takes over its background jobs', async () => {
    const lines = logLines(api.stdoutAndStderr);
    const first = lines.find((line) => line.msg === 'Worker 1 of 2 listening')?.pid;
    expect(first).toBeDefined();
    if (first === undefined) return;
    const other = childrenOf(api.pid).find((pid) => pid !== first);
    process.kill(first, 'SIGKILL');
    await api.waitForOutput(new RegExp(`Worker 1 \\(pid ${first}\\) exited unexpectedly`));
    // The other worker answers while the replacement starts (connections kept alive to the
    // killed one were reset with it, and the client has seen that by now).
    for (let i = 0; i < 5; i += 1) expect((await fetch(`${api.baseUrl}/health`)).status).toBe(200);
    let replacement = 0;
    await eventually(() => {
      replacement =
        logLines(api.stdoutAndStderr).find(
          (line) => line.msg === 'Worker 1 of 2 listening' && line.pid !== first,
        )?.pid ?? 0;
      return replacement > 0;
    }, 'a new worker 1 listens');
    started.add(replacement);
    expect(childrenOf(api.pid).sort()).toEqual([replacement, other].sort());
    const jobsBy = logLines(api.stdoutAndStderr)
      .filter((line) => /^Purging .+ in this process$/.test(line.msg))
      .filter((line) => line.pid === replacement);
    expect(jobsBy).toHaveLength(4);
    expect(api.stdoutAndStderr.split('Secret Token')).toHaveLength(2);
    expect((await scim('/Users?count=1')).status).toBe(200);
  });

  it('stops on SIGTERM: every worker drains and exits, then the primary exits 0', async () => {
    const workers = childrenOf(api.pid);
    expect(workers).toHaveLength(2);
    expect(await api.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    expect(workers.filter(isRunning)).toEqual([]);
    const draining = logLines(api.stdoutAndStderr).filter((line) =>
      line.msg.startsWith('SIGTERM received: draining'),
    );
    expect(draining.map((line) => line.pid).sort()).toEqual([...workers].sort());
  });
});

describe('WEB_CONCURRENCY=2 on a port that is taken', () => {
  it('fails the start with the error and prints no credentials', async () => {
    const database = await createTestDatabase();
    const port = await freePort();
    const taken = createServer();
    await new Promise<void>((done) => taken.listen(port, '127.0.0.1', done));
    try {
      const failure = await ApiProcess.start({
        ...database.env,
        PORT: String(port),
        WEB_CONCURRENCY: '2',
      }).then(
        async (api) => {
          await api.kill();
          return new Error('started on a taken port');
        },
        (error: unknown) => error as Error,
      );
      expect(failure.message).toMatch(/EADDRINUSE|address already in use/);
      expect(failure.message).not.toMatch(/Admin password|Secret Token|rcs_/);
    } finally {
      await new Promise((done) => taken.close(done));
      await database.drop();
    }
  });
});

describe('WEB_CONCURRENCY=2 with a request that never finishes', () => {
  it('exits 1 once the shutdown deadline passed, leaving no worker behind', async () => {
    const database = await createTestDatabase();
    const api = await ApiProcess.start({
      ...database.env,
      WEB_CONCURRENCY: '2',
      SHUTDOWN_TIMEOUT_MS: '1000',
    });
    const workers = childrenOf(api.pid);
    const url = new URL(api.baseUrl);
    const socket = connect(Number(url.port), url.hostname);
    try {
      await new Promise<void>((done) => socket.once('connect', done));
      // Headers and a promised body that never comes: a request in flight, for ever. The
      // server's 100 Continue says it has taken the request up.
      const continued = new Promise<void>((done) =>
        socket.on('data', (chunk: Buffer) => chunk.toString().includes(' 100 ') && done()),
      );
      socket.write(
        'POST /scim/v2/Users HTTP/1.1\r\nHost: rollcall\r\nContent-Type: application/scim+json\r\nContent-Length: 100\r\nExpect: 100-continue\r\n\r\n',
      );
      await continued;
      socket.write('{');
      expect(await api.stop('SIGTERM')).toEqual({ code: 1, signal: null });
      expect(workers.filter(isRunning)).toEqual([]);
      expect(api.stdoutAndStderr).toMatch(/Shutdown deadline of 1000 ms passed/);
    } finally {
      socket.destroy();
      await api.kill();
      for (const pid of workers) if (isRunning(pid)) process.kill(pid, 'SIGKILL');
      await database.drop();
    }
  });
});

describe('WEB_CONCURRENCY=2 on Ctrl-C', () => {
  it('stops on SIGINT as on SIGTERM: exit 0, no worker left', async () => {
    const database = await createTestDatabase();
    const api = await ApiProcess.start({ ...database.env, WEB_CONCURRENCY: '2' });
    const workers = childrenOf(api.pid);
    try {
      expect(workers).toHaveLength(2);
      expect(await api.stop('SIGINT')).toEqual({ code: 0, signal: null });
      expect(workers.filter(isRunning)).toEqual([]);
      expect(api.stdoutAndStderr).toMatch(/SIGINT received: stopping 2 worker\(s\)/);
    } finally {
      await api.kill();
      for (const pid of workers) if (isRunning(pid)) process.kill(pid, 'SIGKILL');
      await database.drop();
    }
  });
});
