import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

// The e2e suites serve the dashboard the way `npm start` does, so the SPA's routing is part
// of every request they make. Build it once per run when it is missing or older than its sources.

const ROOT = resolve(__dirname, '../../../..');
export const ADMIN_DIST = resolve(ROOT, 'dist/apps/admin');
const MANIFEST = join(ADMIN_DIST, '.vite', 'manifest.json');
const SOURCES = [resolve(ROOT, 'apps/admin'), resolve(ROOT, 'libs/contracts/src')];

function newestMtime(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path)
    .filter((name) => name !== 'node_modules')
    .reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stats.mtimeMs);
}

export default function buildDashboardIfStale(): void {
  if (existsSync(MANIFEST)) {
    const built = statSync(MANIFEST).mtimeMs;
    if (SOURCES.every((source) => newestMtime(source) <= built)) return;
  }
  execFileSync('npx', ['nx', 'run', 'admin:build'], { cwd: ROOT, stdio: 'pipe', timeout: 600_000 });
}
