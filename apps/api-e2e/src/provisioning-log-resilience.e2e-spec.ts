import { randomUUID } from 'node:crypto';
import type { ProvisioningLogPageView } from '@rollcall/contracts';
import { DataSource } from 'typeorm';
import { loadConfig } from '@rollcall/api';
import { RecordProvisioningRequest } from '@rollcall/audit';
import { buildDataSourceOptions } from '@rollcall/db';
import { AdminClient } from './support/admin-client';
import { aScimUser } from './support/scim-user.builder';
import { TestApi, type TestOrganization } from './support/test-api';

jest.setTimeout(60_000);

// One hostile or unlucky entry must never stop the provisioning log of every organization:
// requests with NUL bytes are answered without a 5xx, a row the database refuses is dropped
// and counted, and the requests after it (of any organization) are logged.

function metricValue(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('provisioning log under hostile and refused entries', () => {
  let api: TestApi;
  let orgA: TestOrganization;
  let orgB: TestOrganization;

  beforeAll(async () => {
    api = await TestApi.start();
    orgA = await api.createOrganization('Resilient A');
    orgB = await api.createOrganization('Resilient B');
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('logs every request after a NUL-byte filter and a refused entry, and counts the one dropped', async () => {
    const nul = await api.scim(
      orgA.scimToken,
      'GET',
      `/Users?filter=${encodeURIComponent('userName eq "a\u0000b"')}`,
    );
    expect(nul.status).toBe(400);
    const nulId = await api.scim(orgA.scimToken, 'GET', '/Users/a%00b');
    expect(nulId.status).toBe(404);
    const recorder = api.app.get(RecordProvisioningRequest);
    // An entry the database must refuse: its organization is gone by the time it is written
    // (a foreign-key violation on both databases), in the same batch as the requests after it.
    recorder.execute({
      organizationId: randomUUID(),
      tokenPrefix: null,
      requestId: null,
      method: 'GET',
      path: '/scim/v2/Users',
      filter: null,
      status: 200,
      scimType: null,
      detail: null,
      resourceType: 'User',
      resourceId: null,
      durationMs: 1,
      requestBody: null,
      at: new Date(),
    });
    for (let i = 0; i < 5; i += 1) {
      const created = await api.scim(
        orgA.scimToken,
        'POST',
        '/Users',
        aScimUser({ userName: `later${i}@a.example` }),
      );
      expect(created.status).toBe(201);
      const lookup = await api.scim(
        orgB.scimToken,
        'GET',
        `/Users?filter=${encodeURIComponent(`userName eq "later${i}@b.example"`)}`,
      );
      expect(lookup.status).toBe(200);
    }
    await recorder.flush();

    const adminA = await AdminClient.signIn(api, orgA);
    const logA = await adminA.json<ProvisioningLogPageView>(
      adminA.get('/api/provisioning-log?limit=50'),
      200,
    );
    expect(logA.entries.filter((e) => e.method === 'POST' && e.status === 201)).toHaveLength(5);
    // NUL bytes may be refused before authentication (then they are no org's entry); if they
    // were logged, they were made storable.
    for (const entry of logA.entries) {
      expect(JSON.stringify(entry)).not.toMatch(/\\u0000/);
    }

    const adminB = await AdminClient.signIn(api, orgB);
    const logB = await adminB.json<ProvisioningLogPageView>(
      adminB.get('/api/provisioning-log?limit=50'),
      200,
    );
    expect(logB.entries.map((e) => e.filter).sort()).toEqual(
      [0, 1, 2, 3, 4].map((i) => `userName eq "later${i}@b.example"`),
    );

    const metrics = await (await fetch(`${api.baseUrl}/metrics`)).text();
    expect(metricValue(metrics, 'rollcall_provisioning_log_dropped_total{reason="poison"}')).toBe(
      1,
    );
    expect(metricValue(metrics, 'rollcall_provisioning_log_dropped_total{reason="overflow"}')).toBe(
      0,
    );
    expect(metricValue(metrics, 'rollcall_provisioning_log_dropped_total{reason="hook"}')).toBe(0);
    expect(metricValue(metrics, 'rollcall_provisioning_log_written_total')).toBe(
      logA.entries.length + logB.entries.length,
    );
    expect(metricValue(metrics, 'rollcall_provisioning_log_queue_length')).toBe(0);
    expect((await fetch(`${api.baseUrl}/health`)).status).toBe(200);
  });
});

describe('provisioning log at shutdown', () => {
  it('is written before the database closes when the application closes', async () => {
    const api = await TestApi.start();
    try {
      const org = await api.createOrganization('Closing');
      const answers = await Promise.all(
        Array.from({ length: 12 }, () => api.scim(org.scimToken, 'POST', '/Users', aScimUser())),
      );
      expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
      // At once, as on SIGTERM once the server has drained: the entries are still buffered.
      await api.app.close();

      const { database } = loadConfig({ ...api.database.env, PORT: '3000' });
      const reader = await new DataSource(buildDataSourceOptions(database)).initialize();
      try {
        const row = await reader
          .createQueryBuilder()
          .select('COUNT(*)', 'count')
          .from('provisioning_log', 'l')
          .where('l.organization_id = :id', { id: org.orgId })
          .getRawOne<{ count: number | string }>();
        expect(Number(row?.count)).toBe(12);
      } finally {
        await reader.destroy();
      }
    } finally {
      await api.database.drop();
    }
  });
});
