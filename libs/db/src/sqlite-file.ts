import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The SQLite file holds every user document and token hash: only the service's own account
 * may read it. SQLite creates the -wal and -shm files with the database file's mode, so
 * creating that file 0600 (in a 0700 directory) before the driver opens it is enough; files
 * left more open by an older version are tightened too.
 */
export function prepareSqliteFile(file: string): void {
  const directory = dirname(file);
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  chmodSync(directory, 0o700);
  closeSync(openSync(file, 'a', 0o600));
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(path)) chmodSync(path, 0o600);
  }
}
