import { parseArgs } from 'node:util';
import { UsageError, loopbackUrl } from './options.mjs';

export { UsageError };

export const SCALE_USAGE = `Usage: node bench/lookup-scaling.mjs --db sqlite|postgres [options]

Seeds N users straight into a fresh database per size, starts the built api, and times
Entra's look-ups (userName eq, externalId eq, GET /Users/{id}) at concurrency 1 and 8, and
paging (GET /Users?startIndex=S&count=100) at growing depths. Every answer is checked;
the exit code is 1 only on a wrong answer, never on time.

  --db sqlite|postgres database dialect under test (required)
  --sizes N,N,…        directory sizes, 1–1,000,000 each (default 1000,100000)
  --lookups L          requests per look-up row (default 500)
  --pages P            requests per paging depth, at concurrency 1 (default 10)
  --workers N          start the api with WEB_CONCURRENCY=N (default: not set, the api's own
                       default)
  --port P             port for the api under test (default 3250; must be free)
  --pg-url URL         admin connection for CREATE/DROP DATABASE
                       (default postgres://postgres@127.0.0.1:5432/postgres; loopback only)
  --no-build           use dist/apps/api as it is instead of running nx run api:build
  --keep               keep each size's database (and DATA_DIR) for inspection, e.g.
                       EXPLAIN ANALYZE of the paging queries
  -h, --help           this text
`;

function wholeNumber(name, raw, { min = 1, max = 1_000_000 } = {}) {
  if (!/^\d+$/.test(raw)) throw new UsageError(`--${name} must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) {
    throw new UsageError(`--${name} must be between ${min} and ${max}, got ${value}`);
  }
  return value;
}

/** Parses and checks argv; throws UsageError with a message meant for the operator. */
export function readScaleOptions(argv) {
  let given;
  try {
    ({ values: given } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        db: { type: 'string' },
        sizes: { type: 'string', default: '1000,100000' },
        lookups: { type: 'string', default: '500' },
        pages: { type: 'string', default: '10' },
        workers: { type: 'string' },
        port: { type: 'string', default: '3250' },
        'pg-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
        'no-build': { type: 'boolean', default: false },
        keep: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    // parseArgs' own messages (unknown option, missing value) are already clear.
    throw new UsageError(error.message);
  }
  if (given.help) return { help: true };
  if (given.db !== 'sqlite' && given.db !== 'postgres') {
    throw new UsageError('--db is required: sqlite or postgres');
  }
  const sizes = given.sizes.split(',').map((raw) => wholeNumber('sizes', raw.trim()));
  if (new Set(sizes).size !== sizes.length) throw new UsageError('--sizes lists a size twice');
  return {
    help: false,
    db: given.db,
    // Smallest first: the "flat" ratio compares the largest with the smallest.
    sizes: [...sizes].sort((a, b) => a - b),
    lookups: wholeNumber('lookups', given.lookups, { max: 100_000 }),
    pages: wholeNumber('pages', given.pages, { max: 1_000 }),
    workers:
      given.workers === undefined ? undefined : wholeNumber('workers', given.workers, { max: 64 }),
    port: wholeNumber('port', given.port, { min: 1024, max: 65535 }),
    pgUrl: loopbackUrl(given['pg-url']),
    build: !given['no-build'],
    keep: given.keep,
  };
}
