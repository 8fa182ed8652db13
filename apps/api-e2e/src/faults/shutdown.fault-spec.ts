import { randomBytes } from 'node:crypto';
import { Agent, request, type IncomingHttpHeaders } from 'node:http';
import { connect, type Socket } from 'node:net';
import { ApiProcess, buildApi, runCli, type ExitStatus } from '../support/api-process';
import { aScimUser } from '../support/scim-user.builder';
import { createTestDatabase, testDialect, type TestDatabase } from '../support/test-database';

// A rolling deploy as Kubernetes does it: SIGTERM while Entra-like clients keep sending on
// keep-alive connections. The server must stop taking work, answer what is in flight with
// `Connection: close`, let idle connections go, flush the provisioning log, and exit 0 by
// itself (not after the deadline, which exits 1) — and every write it acknowledged is kept.

jest.setTimeout(60_000);

const CLIENTS = 4;

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

function post(agent: Agent, baseUrl: string, token: string, body: unknown): Promise<Answer> {
  const url = new URL('/scim/v2/Users', baseUrl);
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/scim+json',
          'Content-Length': Buffer.byteLength(payload),
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

/** A keep-alive connection that made one request and now sits idle, as a load balancer's do. */
async function idleKeepAliveConnection(baseUrl: string): Promise<Socket> {
  const { hostname, port } = new URL(baseUrl);
  const socket = connect(Number(port), hostname);
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.once('connect', () => resolve());
  });
  socket.write(`GET /health HTTP/1.1\r\nHost: ${hostname}\r\nConnection: keep-alive\r\n\r\n`);
  await new Promise<void>((resolve) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      if (seen.includes('\r\n\r\n') && seen.includes('"status"')) {
        socket.off('data', onData);
        resolve();
      }
    };
    socket.on('data', onData);
  });
  return socket;
}

describe(`SIGTERM under load with keep-alive clients (${testDialect()})`, () => {
  let database: TestDatabase;
  let env: Record<string, string>;
  let token: string;
  let admin: { email: string; password: string };
  let api: ApiProcess | undefined;

  beforeAll(async () => {
    buildApi();
    database = await createTestDatabase();
    env = {
      ...database.env,
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      SHUTDOWN_TIMEOUT_MS: '20000',
    };
    const created = await runCli(['org:create', 'Rolling Deploy', '--json'], env);
    const line = JSON.parse(created.stdout.trim().split('\n').at(-1) ?? '{}') as {
      scimToken: string;
      adminEmail: string;
      adminPassword: string;
    };
    token = line.scimToken;
    admin = { email: line.adminEmail, password: line.adminPassword };
  }, 300_000);

  afterAll(async () => {
    await api?.kill();
    await database?.drop();
  });

  it('drains with Connection: close, exits 0 on its own, and keeps every acknowledged write and its log entry', async () => {
    api = await ApiProcess.start(env);
    const running = api;
    const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
    const acknowledged: string[] = [];
    const answers: Answer[] = [];
    let errors = 0;
    let signalled = false;

    const idle = await idleKeepAliveConnection(running.baseUrl);
    let idleClosedBeforeExit = false;
    const idleClosed = new Promise<void>((resolve) => idle.once('close', () => resolve()));

    // Each client sends until the server stops answering it.
    const client = async () => {
      for (;;) {
        try {
          const answer = await post(agent, running.baseUrl, token, aScimUser());
          answers.push(answer);
          if (answer.status === 201)
            acknowledged.push((JSON.parse(answer.body) as { id: string }).id);
        } catch {
          errors += 1;
          if (signalled) return;
        }
      }
    };
    const clients = Array.from({ length: CLIENTS }, () => client());

    while (acknowledged.length < 60) await new Promise((resolve) => setTimeout(resolve, 50));
    signalled = true;
    const exit: Promise<ExitStatus> = running.stop('SIGTERM');
    void idleClosed.then(() => (idleClosedBeforeExit = true));
    const status = await exit;
    await idleClosed;
    await Promise.all(clients);
    agent.destroy();

    expect(status).toEqual({ code: 0, signal: null });
    expect(idleClosedBeforeExit).toBe(true);
    // In flight at the signal: answered, and told the connection ends with it.
    expect(answers.some((a) => a.headers.connection === 'close')).toBe(true);
    // No request the server took was dropped unanswered with a 5xx.
    expect(answers.filter((a) => a.status >= 500)).toEqual([]);
    expect(errors).toBeGreaterThan(0); // the clients did get turned away at the end
    expect(running.stdoutAndStderr).toMatch(/SIGTERM received/);

    // Restarted on the same database: every acknowledged user is there, and every answered
    // SCIM request is in the provisioning log (the buffer was flushed before the exit).
    api = await ApiProcess.start(env);
    const restarted = api;
    for (const id of acknowledged) {
      const response = await fetch(`${restarted.baseUrl}/scim/v2/Users/${id}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect({ id, status: response.status }).toEqual({ id, status: 200 });
    }
    const login = await fetch(`${restarted.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: admin.email, password: admin.password }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers
      .getSetCookie()
      .find((c) => c.startsWith('rollcall_session='))
      ?.split(';')[0];
    const summary = await fetch(`${restarted.baseUrl}/api/provisioning-log/summary?hours=1`, {
      headers: { Cookie: cookie ?? '' },
    });
    expect(summary.status).toBe(200);
    const { total } = (await summary.json()) as { total: number };
    expect(total).toBeGreaterThanOrEqual(answers.length);
    expect(await restarted.stop()).toEqual({ code: 0, signal: null });
    api = undefined;
  });
});
