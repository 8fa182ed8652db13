#!/usr/bin/env node
// What the transactional outbox costs a SCIM write: the same write transaction (an UPDATE of
// a user row, as a PATCH makes) run with and without its events, alternating in blocks so
// the machine's drift falls on both alike. Prints CPU µs of this process per write and the
// wall-clock p50 per write for each, and their difference. Measures, never asserts.
//
//   node bench/outbox-cost.mjs --db sqlite
//   node bench/outbox-cost.mjs --db postgres [--pg-url postgres://postgres@127.0.0.1:5432/postgres]
//
// Uses the built libraries (dist/, `npx nx run api:build`). On PostgreSQL the database
// server's own CPU is not in the CPU figure (it runs in other processes); the wall-clock
// figure includes it.
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const root = resolve(import.meta.dirname, '..');
const { values: options } = parseArgs({
  options: {
    db: { type: 'string' },
    writes: { type: 'string', default: '4000' },
    blocks: { type: 'string', default: '8' },
    'pg-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
if (options.db !== 'sqlite' && options.db !== 'postgres') {
  console.error('usage: node bench/outbox-cost.mjs --db sqlite|postgres [--writes N] [--blocks B]');
  process.exit(2);
}
const dbLib = join(root, 'dist/libs/db/src/index.js');
if (!existsSync(dbLib)) {
  console.error('dist/ is missing: run `npx nx run api:build` first');
  process.exit(2);
}
const { DataSource } = require('typeorm');
const { appendEvents, buildDataSourceOptions, inTransaction, runMigrations } = require(dbLib);
const pg = require('pg');

const writes = Number(options.writes);
const blocks = Number(options.blocks);

async function freshDatabase() {
  if (options.db === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'rollcall-outbox-bench-'));
    return {
      config: { dialect: 'sqlite', file: join(dir, 'bench.sqlite') },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `rollcall_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: options['pg-url'] });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(options['pg-url']);
  url.pathname = `/${name}`;
  return {
    config: { dialect: 'postgres', url: url.toString(), poolSize: 5 },
    drop: async () => {
      const client = new pg.Client({ connectionString: options['pg-url'] });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

const database = await freshDatabase();
const dataSource = await new DataSource(buildDataSourceOptions(database.config)).initialize();
try {
  await runMigrations(dataSource);
  const postgres = options.db === 'postgres';
  const p = (n) => (postgres ? `$${n}` : '?');
  const organizationId = randomUUID();
  const now = postgres ? new Date() : new Date().toISOString().replace('T', ' ').slice(0, 23);
  await dataSource.query(
    `INSERT INTO organizations (id, name, slug, created_at, updated_at) VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)})`,
    [organizationId, 'Bench', `bench-${organizationId}`, now, now],
  );
  // A user as Entra provisions one: the document is what a user event carries.
  const userId = randomUUID();
  const document = {
    schemas: [
      'urn:ietf:params:scim:schemas:core:2.0:User',
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
    ],
    userName: 'ada.lovelace@contoso.example',
    externalId: randomUUID(),
    active: true,
    displayName: 'Ada Lovelace',
    title: 'Engineer',
    name: { givenName: 'Ada', familyName: 'Lovelace', formatted: 'Ada Lovelace' },
    emails: [{ type: 'work', value: 'ada.lovelace@contoso.example', primary: true }],
    phoneNumbers: [{ type: 'work', value: '+1 555 0100' }],
    addresses: [{ type: 'work', locality: 'London', country: 'GB', formatted: 'London, GB' }],
    'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': {
      department: 'R&D',
      employeeNumber: '1042',
    },
  };
  await dataSource.query(
    `INSERT INTO users (id, organization_id, user_name, user_name_normalized, active, source, resource, version, created_at, updated_at)
     VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${postgres ? 'true' : '1'}, 'scim', ${p(5)}, 1, ${p(6)}, ${p(7)})`,
    [
      userId,
      organizationId,
      document.userName,
      document.userName,
      JSON.stringify(document),
      now,
      now,
    ],
  );
  const update = `UPDATE users SET version = version + 1, resource = ${p(1)} WHERE organization_id = ${p(2)} AND id = ${p(3)}`;
  const userEvent = () => ({
    organizationId,
    type: 'user.updated',
    actor: 'scim:rcs_bench000',
    subject: { type: 'user', id: userId },
    data: {
      user: {
        id: userId,
        userName: document.userName,
        externalId: document.externalId,
        displayName: document.displayName,
        email: document.userName,
        active: true,
        roleName: null,
        source: 'scim',
        createdAt: new Date().toISOString(),
        updatedAt: new Date().toISOString(),
        scim: document,
      },
      changed: ['title'],
    },
  });
  const memberEvents = () =>
    Array.from({ length: 100 }, () => ({
      organizationId,
      type: 'team.member_added',
      actor: 'scim:rcs_bench000',
      subject: { type: 'team', id: userId },
      data: {
        team: { id: userId, displayName: 'Sales', externalId: null },
        user: { id: randomUUID(), userName: 'someone@contoso.example' },
      },
    }));

  const modes = {
    'PATCH-like write, no event': () => [],
    'PATCH-like write + user.updated': () => [userEvent()],
    'PATCH-like write + 100 team.member_added': memberEvents,
  };
  const results = Object.fromEntries(
    Object.keys(modes).map((mode) => [mode, { cpuUs: 0, count: 0, wall: [] }]),
  );
  const body = JSON.stringify(document);
  const perBlock = Math.max(1, Math.floor(writes / blocks));
  // Warm-up: JIT, statement caches, the sequence row.
  for (const make of Object.values(modes)) {
    for (let i = 0; i < 200; i += 1) {
      await inTransaction(dataSource, async (manager) => {
        await manager.query(update, [body, organizationId, userId]);
        appendEvents(manager, make());
      });
    }
  }
  for (let block = 0; block < blocks; block += 1) {
    for (const [mode, make] of Object.entries(modes)) {
      const result = results[mode];
      const start = process.cpuUsage();
      for (let i = 0; i < perBlock; i += 1) {
        const t0 = process.hrtime.bigint();
        await inTransaction(dataSource, async (manager) => {
          await manager.query(update, [body, organizationId, userId]);
          appendEvents(manager, make());
        });
        result.wall.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
      const used = process.cpuUsage(start);
      result.cpuUs += used.user + used.system;
      result.count += perBlock;
    }
    process.stderr.write(`block ${block + 1}/${blocks}\r`);
  }
  const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? 0;
  const base = results['PATCH-like write, no event'];
  const baseCpu = base.cpuUs / base.count;
  const baseWall = median(base.wall);
  console.log(
    `outbox cost on ${options.db}: ${perBlock * blocks} writes per line, ${blocks} alternating blocks`,
  );
  console.log(
    `${'write transaction'.padEnd(42)} ${'cpu µs/write'.padStart(13)} ${'+cpu µs'.padStart(9)} ${'p50 ms'.padStart(8)} ${'+p50 ms'.padStart(8)}`,
  );
  for (const [mode, result] of Object.entries(results)) {
    const cpu = result.cpuUs / result.count;
    const wall = median(result.wall);
    console.log(
      `${mode.padEnd(42)} ${cpu.toFixed(0).padStart(13)} ${(cpu - baseCpu).toFixed(0).padStart(9)} ${wall.toFixed(3).padStart(8)} ${(wall - baseWall).toFixed(3).padStart(8)}`,
    );
  }
  console.log(
    'Compare +cpu µs with the server CPU per request of the same SCIM operation in `bench/scim-load.mjs` (PATCH user, group PATCH of 100 members).',
  );
} finally {
  await dataSource.destroy();
  await database.drop();
}
