import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export function apiEntrypoints(workspaceRoot) {
  const dir = join(workspaceRoot, 'dist/apps/api/src');
  return { main: join(dir, 'main.js'), cli: join(dir, 'cli.js') };
}

/**
 * `nx run api:build` is cached on its inputs, so running it every time costs ~1 s when
 * nothing changed and guarantees we never measure a stale dist. With --no-build we only
 * check that the entrypoints exist.
 */
export async function ensureApiBuilt(workspaceRoot, { build, signal }) {
  const entry = apiEntrypoints(workspaceRoot);
  if (build) {
    process.stderr.write('build: npx nx run api:build …\n');
    await runInherited('npx', ['nx', 'run', 'api:build'], { cwd: workspaceRoot, signal });
  }
  for (const file of [entry.main, entry.cli]) {
    if (!existsSync(file)) throw new Error(`${file} is missing; run npx nx run api:build`);
  }
  return entry;
}

function runInherited(command, args, { cwd, signal }) {
  return new Promise((resolve, reject) => {
    // Build output goes to stderr so stdout stays the report.
    const child = spawn(command, args, { cwd, stdio: ['ignore', 2, 2], signal });
    child.on('error', reject);
    child.on('exit', (code, sig) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} failed (${sig ?? `exit ${code}`})`));
    });
  });
}
