// `npm run dev`: the API recompiled and restarted after every change that compiles (tsc --watch,
// then the path aliases rewritten, then a fresh process) and the dashboard on Vite's dev server
// with hot reload, proxying the API. Ctrl-C stops everything.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => resolve(root, 'node_modules/.bin', name);
const tsconfig = 'apps/api/tsconfig.app.json';
const main = resolve(root, 'dist/apps/api/src/main.js');

let stopping = false;
const children = new Set();

function run(name, command, args, env = {}, onLine = () => {}) {
  const child = spawn(command, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  for (const stream of [child.stdout, child.stderr]) {
    let partial = '';
    stream.on('data', (chunk) => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        process.stdout.write(`[${name}] ${line}\n`);
        onLine(line);
      }
    });
  }
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

function stop() {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(0), 1000).unref();
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

let api;
async function restartApi() {
  if (api && api.exitCode === null) {
    const exited = new Promise((done) => api.once('exit', done));
    api.kill('SIGTERM');
    await exited;
  }
  // One process: a restart on every change is quicker, and logs read in order.
  if (!stopping) {
    api = run('api', process.execPath, [main], {
      WEB_CONCURRENCY: process.env.WEB_CONCURRENCY ?? '1',
    });
  }
}

let dashboard;
const compiler = run(
  'tsc',
  bin('tsc'),
  ['-p', tsconfig, '--watch', '--preserveWatchOutput'],
  {},
  (line) => {
    if (!/Found 0 errors/.test(line)) return;
    // Aliases (@rollcall/…) become relative paths only after a complete compile.
    const alias = spawnSync(bin('tsc-alias'), ['-p', tsconfig], { cwd: root, stdio: 'inherit' });
    if (alias.status !== 0) return;
    void restartApi();
    if (!dashboard) {
      dashboard = run('admin', bin('vite'), ['--config', 'apps/admin/vite.config.ts']);
      process.stdout.write(
        '\nRollcall dev: the API restarts on every change that compiles; the dashboard reloads on http://127.0.0.1:4200\n\n',
      );
    }
  },
);
compiler.on('exit', () => {
  if (!stopping) stop();
});
