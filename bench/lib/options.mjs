import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

export const USAGE = `Usage: node bench/scim-load.mjs --users N --db sqlite|postgres [options]
       node bench/scim-load.mjs --workload entra --db sqlite|postgres [options]

  --workload entra     issue 15's Entra-like run: 2,000 users matched then created,
                       20 groups × 500 members (PATCH batches of 100), 2,000 user PATCHes,
                       paging, single reads, deletes, at concurrency 8; the options below
                       still override its figures
  --users N            users to provision (required without --workload, 1–1,000,000)
  --db sqlite|postgres database dialect under test (required)
  --workers N          start the api with WEB_CONCURRENCY=N (default: not set, the api's own
                       default); the report says how many processes the api tree really had
  --concurrency C      requests in flight per phase (default 16, like a busy Entra job)
  --port P             port for the api under test (default 3200; must be free)
  --lookups L          filter look-ups per attribute in the lookup phase (default 1000)
  --groups G           also run the group phases with G groups (off by default)
  --members M          members per group for --groups (default 500; batches of 100)
  --phases a,b,…       run only these phases (see README); dependencies are not added
  --auth token|oauth   authenticate with the Secret Token (default) or with an access token
                       from POST /oauth/token (client credentials, like a gallery app)
  --pg-url URL         admin connection for CREATE/DROP DATABASE
                       (default postgres://postgres@127.0.0.1:5432/postgres; loopback only)
  --timeout-ms T       per-request timeout (default 30000); a timeout counts as an error
  --no-build           use dist/apps/api as it is instead of running nx run api:build
  --keep               keep the temp database (and DATA_DIR) for inspection
  --cpu-prof DIR       run the api under node --cpu-prof and write its .cpuprofile files
                       (one per process) to DIR, for chrome://inspect or speedscope
  -h, --help           this text
`;

export class UsageError extends Error {}

/**
 * Presets: one name reproduces a published table. `entra` is issue 15's workload; its phase
 * list lives in phase-plan.mjs (WORKLOADS), its sizes here.
 */
export const WORKLOAD_DEFAULTS = {
  entra: { users: '2000', concurrency: '8', groups: '20', members: '500', lookups: '2000' },
};

const DEFAULTS = {
  concurrency: '16',
  port: '3200',
  lookups: '1000',
  members: '500',
  auth: 'token',
  'pg-url': 'postgres://postgres@127.0.0.1:5432/postgres',
  'timeout-ms': '30000',
};

function positiveInt(name, raw, { min = 1, max = 1_000_000 } = {}) {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) throw new UsageError(`--${name} must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max)
    throw new UsageError(`--${name} must be between ${min} and ${max}`);
  return value;
}

/** `--pg-url`, refused unless it is a postgres:// URL on this machine. */
export function loopbackUrl(raw) {
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`--pg-url is not a URL: ${raw}`);
  }
  // The bench creates and drops databases: never point it anywhere but this machine.
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    throw new UsageError(`--pg-url must target 127.0.0.1, got host "${url.hostname}"`);
  }
  if (!['postgres:', 'postgresql:'].includes(url.protocol)) {
    throw new UsageError('--pg-url must be a postgres:// URL');
  }
  return url;
}

/** Parses and checks argv; throws UsageError with a message meant for the operator. */
export function readOptions(argv, knownPhases) {
  const { values: given } = parseArgs({
    args: argv,
    strict: true,
    options: {
      workload: { type: 'string' },
      users: { type: 'string' },
      db: { type: 'string' },
      workers: { type: 'string' },
      concurrency: { type: 'string' },
      port: { type: 'string' },
      lookups: { type: 'string' },
      groups: { type: 'string' },
      members: { type: 'string' },
      phases: { type: 'string' },
      auth: { type: 'string' },
      'pg-url': { type: 'string' },
      'timeout-ms': { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      'cpu-prof': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (given.help) return { help: true };
  if (given.workload !== undefined && !(given.workload in WORKLOAD_DEFAULTS)) {
    throw new UsageError(
      `--workload must be one of ${Object.keys(WORKLOAD_DEFAULTS).join(', ')}, got "${given.workload}"`,
    );
  }
  // Explicit options win over the preset, the preset over the plain defaults.
  const values = {
    ...DEFAULTS,
    ...(given.workload ? WORKLOAD_DEFAULTS[given.workload] : {}),
    ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)),
  };
  if (values.users === undefined) throw new UsageError('--users is required');
  if (values.db !== 'sqlite' && values.db !== 'postgres') {
    throw new UsageError('--db must be sqlite or postgres');
  }
  if (values.auth !== 'token' && values.auth !== 'oauth') {
    throw new UsageError('--auth must be token or oauth');
  }
  const groups = positiveInt('groups', values.groups, { min: 1, max: 10_000 });
  const phases = values.phases
    ? values.phases
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean)
    : undefined;
  for (const name of phases ?? []) {
    if (!knownPhases.includes(name)) {
      throw new UsageError(`unknown phase "${name}"; known: ${knownPhases.join(', ')}`);
    }
  }
  return {
    help: false,
    workload: values.workload,
    workers: positiveInt('workers', values.workers, { max: 64 }),
    users: positiveInt('users', values.users),
    db: values.db,
    concurrency: positiveInt('concurrency', values.concurrency, { max: 512 }),
    port: positiveInt('port', values.port, { min: 1024, max: 65535 }),
    lookups: positiveInt('lookups', values.lookups, { max: 100_000 }),
    groups: groups ?? 0,
    members: positiveInt('members', values.members, { max: 1_000_000 }),
    phases,
    auth: values.auth,
    pgUrl: loopbackUrl(values['pg-url']),
    timeoutMs: positiveInt('timeout-ms', values['timeout-ms'], { min: 100, max: 600_000 }),
    build: !values['no-build'],
    keep: values.keep,
    cpuProfileDir: values['cpu-prof'] ? resolve(values['cpu-prof']) : undefined,
  };
}
