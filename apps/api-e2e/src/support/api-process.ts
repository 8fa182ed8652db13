import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

// The built api as operators run it: `node dist/apps/api/src/main.js` (what `npm start`
// ends in) and `node dist/apps/api/src/cli.js` (what `npm run cli` ends in), as child processes.

const ROOT = resolve(__dirname, '../../../..');
const MAIN = resolve(ROOT, 'dist/apps/api/src/main.js');
const CLI = resolve(ROOT, 'dist/apps/api/src/cli.js');

/** Keys the children read; the test decides them, never the developer's shell. */
const OPERATOR_KEYS = [
  'PORT',
  'DATA_DIR',
  'DATABASE_URL',
  'DATABASE_POOL_SIZE',
  'DATABASE_STATEMENT_TIMEOUT_MS',
  'DATABASE_LOCK_TIMEOUT_MS',
  'DATABASE_POOL_ACQUIRE_TIMEOUT_MS',
  'SHUTDOWN_TIMEOUT_MS',
  'PUBLIC_URL',
  'LOG_LEVEL',
  'REDIS_URL',
  'ENTRA_CLIENT_ID',
  'ENTRA_CLIENT_SECRET',
  'ENTRA_AUTHORITY',
  'ALLOW_PRIVATE_NETWORK',
  'REDIS_KEY_PREFIX',
  'SCIM_RATE_LIMIT_PER_SECOND',
  'SCIM_RATE_LIMIT_BURST',
  'AUTH_FAILURE_LIMIT_PER_MINUTE',
  'SIGN_IN_START_LIMIT',
  'METRICS_TOKEN',
  'API_DOCS',
  'ENCRYPTION_KEY',
  'TRUST_PROXY',
  'DATABASE_STATEMENT_TIMEOUT_MS',
  'DATABASE_LOCK_TIMEOUT_MS',
  'DATABASE_POOL_ACQUIRE_TIMEOUT_MS',
  'SHUTDOWN_TIMEOUT_MS',
  'WEB_CONCURRENCY',
  'BACKGROUND_JOBS',
  'EVENT_RETENTION_DAYS',
  'WEBHOOK_RETRY_SCHEDULE_MS',
  'WEBHOOK_POLL_INTERVAL_MS',
  'WEBHOOK_TIMEOUT_MS',
];

function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = { ...process.env };
  for (const key of OPERATOR_KEYS) delete base[key];
  // Nor a developer's .env in the checkout: the test's keys are the whole configuration.
  // One process unless the test asks for a cluster: WEB_CONCURRENCY defaults to the cores.
  return { ...base, ENV_FILE: '', WEB_CONCURRENCY: '1', ...env };
}

/** `nx run api:build` (cached when nothing changed); a failure shows the compiler's output. */
export function buildApi(): void {
  try {
    execFileSync('npx', ['nx', 'run', 'api:build'], { cwd: ROOT, stdio: 'pipe', timeout: 300_000 });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(
      `npx nx run api:build failed:\n${String(stdout ?? '')}\n${String(stderr ?? '')}`,
    );
  }
}

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

function exited(child: ChildProcess): Promise<ExitStatus> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      done({ code: child.exitCode, signal: child.signalCode });
      return;
    }
    child.once('exit', (code, signal) => done({ code, signal }));
  });
}

export interface CliResult extends ExitStatus {
  stdout: string;
  stderr: string;
}

export async function runCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: childEnv(env) });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const [status] = await Promise.all([
    exited(child),
    new Promise((done) => child.stdout.once('close', done)),
    new Promise((done) => child.stderr.once('close', done)),
  ]);
  return { ...status, stdout, stderr };
}

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

const pause = () => new Promise((done) => setTimeout(done, 100));

/** A running `main.js`; its output so far, and a way to stop it as an orchestrator would. */
export class ApiProcess {
  private output = '';
  private readonly exit: Promise<ExitStatus>;

  private constructor(
    private readonly child: ChildProcess,
    readonly baseUrl: string,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
    this.exit = exited(child);
  }

  /** Starts the server on a free port and resolves once it logged that it listens. */
  static async start(env: Record<string, string>): Promise<ApiProcess> {
    const port = env['PORT'] ?? String(await freePort());
    const child = spawn(process.execPath, [MAIN], {
      cwd: ROOT,
      env: childEnv({ LOG_LEVEL: 'info', ...env, PORT: port }),
    });
    const api = new ApiProcess(child, `http://127.0.0.1:${port}`);
    await api.waitForOutput(/Rollcall listening/);
    return api;
  }

  /** The process started: the server, or a cluster's primary. */
  get pid(): number {
    if (this.child.pid === undefined) throw new Error('api process did not start');
    return this.child.pid;
  }

  get stdoutAndStderr(): string {
    return this.output;
  }

  async waitForOutput(pattern: RegExp): Promise<void> {
    let running = true;
    void this.exit.then(() => (running = false));
    while (!pattern.test(this.output)) {
      if (!running) throw new Error(`api exited before printing ${pattern}:\n${this.output}`);
      await pause();
    }
  }

  /** SIGTERM, as Docker and Kubernetes stop a container; resolves with how it exited. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<ExitStatus> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    return this.exit;
  }

  /** Cleanup after a failed test: whatever state it is in, it goes. */
  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    await this.exit;
  }
}
