import type { AppConfig } from './config/app-config';

/** What the server says once it listens (the primary of a cluster, or the one process). */
export function listeningLine(config: AppConfig): string {
  const database =
    config.database.dialect === 'postgres' ? 'PostgreSQL' : `SQLite at ${config.database.file}`;
  const workers = config.webConcurrency > 1 ? `, ${config.webConcurrency} workers` : '';
  return `Rollcall listening on ${config.publicUrl} (${database}${workers})`;
}
