import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';

/**
 * The environment with `.env` (in the working directory, or `ENV_FILE`; `ENV_FILE=` reads
 * none) filled in underneath it: a variable set in the real environment always wins, so
 * `PORT=4000 npm start` beats the file. A missing file is no error; an unreadable one is (the
 * operator meant it to be read).
 */
export function environmentWithEnvFile(
  env: NodeJS.ProcessEnv,
  file: string = resolve(env['ENV_FILE'] ?? '.env'),
): Record<string, string | undefined> {
  if (env['ENV_FILE'] === '') return { ...env };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ...env };
    throw error;
  }
  const fromFile = parseEnv(text) as Record<string, string>;
  const merged: Record<string, string | undefined> = { ...fromFile };
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined) merged[key] = value;
  }
  return merged;
}
