import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { batchedDestination } from './logger.options';

const lineOf = (i: number) => `${JSON.stringify({ msg: 'line', i })}\n`;

async function eventually(check: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 200 && !check(); attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('batchedDestination', () => {
  let directory: string;
  let file: string;
  const written = () => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return '';
    }
  };

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'rollcall-log-'));
    file = join(directory, 'out.log');
  });

  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('buffers lines instead of writing each, and a quiet moment still writes them out', async () => {
    const destination = batchedDestination(file);
    for (let i = 0; i < 3; i += 1) destination.write(lineOf(i));
    // Below the buffer's minimum nothing is written on the spot…
    expect(written()).toBe('');
    // …the flush timer does it.
    await eventually(() => written().split('\n').length > 3);
    expect(written()).toBe([0, 1, 2].map(lineOf).join(''));
  });

  it('writes everything buffered at once on flushSync (what pino does on exit)', async () => {
    const destination = batchedDestination(file);
    destination.write(lineOf(0));
    await eventually(() => written() !== '');
    for (let i = 1; i < 100; i += 1) destination.write(lineOf(i));
    destination.flushSync();
    expect(written()).toBe(Array.from({ length: 100 }, (_, i) => lineOf(i)).join(''));
  });
});
