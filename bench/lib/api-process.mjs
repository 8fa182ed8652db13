import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Env for the api and CLI: the caller's env minus anything that could point elsewhere. */
export function apiEnv({ port, databaseEnv, workers }) {
  const env = { ...process.env };
  for (const key of [
    'DATABASE_URL',
    'DATA_DIR',
    'PORT',
    'PUBLIC_URL',
    'LOG_LEVEL',
    'REDIS_URL',
    'WEB_CONCURRENCY',
  ]) {
    delete env[key];
  }
  return {
    ...env,
    ...databaseEnv,
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: 'warn',
    // The bench measures the api's capacity, not the per-credential limit (200 a second by
    // default), which a fast phase at concurrency 16 can exceed.
    SCIM_RATE_LIMIT_PER_SECOND: '0',
    // Only when asked: otherwise the api picks its own default, as it would in production.
    ...(workers === undefined ? {} : { WEB_CONCURRENCY: String(workers) }),
  };
}

/** `cli.js org:create "Bench" --json`: the last stdout line is the JSON result. */
export function createOrganization({ cliPath, cwd, env, signal }) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, 'org:create', 'Bench', '--json'], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      signal,
      timeout: 120_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code, sig) => {
      if (code !== 0) {
        reject(new Error(`org:create failed (${sig ?? `exit ${code}`}):\n${stderr.trim()}`));
        return;
      }
      const last = stdout.trim().split('\n').at(-1) ?? '';
      try {
        const org = JSON.parse(last);
        if (typeof org.scimToken !== 'string') throw new Error('no scimToken in the output');
        resolve(org);
      } catch (error) {
        reject(new Error(`org:create printed no JSON line (${error.message}):\n${stdout}`));
      }
    });
  });
}

/** Resolves true when something already accepts connections on 127.0.0.1:port. */
export function portInUse(port) {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * The api under test as a direct child (no npm/npx in between), so `pid` is the Node
 * process whose RSS we sample and the one we kill. Its output goes to a log file;
 * the last lines are kept to explain an early exit.
 */
export class ApiProcess {
  #child;
  #exited;
  #tail = [];
  #expectedExit = false;
  onUnexpectedExit = () => {};

  constructor({ mainPath, cwd, env, port, logDir, cpuProfileDir }) {
    Object.assign(this, { mainPath, cwd, env, port, logFile: join(logDir, 'api.log') });
    // Cluster workers inherit the primary's execArgv, so every process writes its profile.
    this.nodeArgs = cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : [];
  }

  get pid() {
    return this.#child?.pid;
  }

  get running() {
    return (
      this.#child !== undefined && this.#child.exitCode === null && this.#child.signalCode === null
    );
  }

  tail() {
    return this.#tail.join('').split('\n').slice(-30).join('\n');
  }

  async start() {
    if (await portInUse(this.port)) {
      // Otherwise /health would answer from someone else's server and we'd bench that.
      throw new Error(`port ${this.port} is already in use on 127.0.0.1; pick another with --port`);
    }
    const log = createWriteStream(this.logFile);
    const child = spawn(process.execPath, [...this.nodeArgs, this.mainPath], {
      cwd: this.cwd,
      env: this.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.#child = child;
    const keep = (chunk) => {
      log.write(chunk);
      this.#tail.push(chunk.toString());
      if (this.#tail.length > 60) this.#tail.splice(0, this.#tail.length - 60);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    this.#exited = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        log.end();
        if (!this.#expectedExit) this.onUnexpectedExit({ code, signal });
        resolve({ code, signal });
      });
    });
    await new Promise((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', reject);
    });
  }

  /** Polls GET /health (every 100 ms, at most `timeoutMs`) until 200. */
  async waitUntilHealthy({ timeoutMs = 60_000, signal } = {}) {
    const deadline = performance.now() + timeoutMs;
    const url = `http://127.0.0.1:${this.port}/health`;
    let last = 'no answer';
    while (performance.now() < deadline) {
      signal?.throwIfAborted();
      if (!this.running) throw new Error(`the api exited during start-up:\n${this.tail()}`);
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
        const body = await response.text();
        if (response.status === 200) return;
        last = `${response.status} ${body.slice(0, 200)}`;
      } catch (error) {
        last = error.cause?.code ?? error.message;
      }
      await sleep(100);
    }
    throw new Error(`GET /health did not answer 200 within ${timeoutMs} ms (last: ${last})`);
  }

  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
  async stop(graceMs = 5_000) {
    if (!this.#child) return;
    this.#expectedExit = true;
    if (this.running) {
      this.#child.kill('SIGTERM');
      const gone = await Promise.race([
        this.#exited.then(() => true),
        sleep(graceMs).then(() => false),
      ]);
      if (!gone) {
        process.stderr.write(`api did not stop within ${graceMs} ms; SIGKILL\n`);
        this.#child.kill('SIGKILL');
      }
    }
    await this.#exited;
  }

  killSync() {
    if (this.running) this.#child.kill('SIGKILL');
  }
}
