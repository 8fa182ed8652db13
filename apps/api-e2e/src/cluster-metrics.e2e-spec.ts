import { readFileSync, readdirSync } from 'node:fs';
import { request } from 'node:http';
import { ApiProcess, buildApi } from './support/api-process';
import { createTestDatabase, type TestDatabase } from './support/test-database';

// GET /metrics on the built server with WEB_CONCURRENCY=2: whichever worker takes a scrape,
// it answers the sum over both workers, so successive scrapes read the same counters.

jest.setTimeout(120_000);

const METRICS_TOKEN = 'cluster-metrics-e2e-token';
const ROUTE = '/scim/v2/ServiceProviderConfig';
const REQUESTS = 20;

beforeAll(() => {
  buildApi();
}, 300_000);

function childrenOf(parent: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** A GET on a connection of its own, closed after it: the cluster hands each to a worker. */
function getFresh(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string }>((done, fail) => {
    const outgoing = request(url, { agent: false, headers: { ...headers, Connection: 'close' } });
    outgoing.on('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => done({ status: response.statusCode ?? 0, body }));
    });
    outgoing.on('error', fail);
    outgoing.end();
  });
}

/** The value of one series in an exposition, or undefined when it is not there. */
function valueOf(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics with WEB_CONCURRENCY=2', () => {
  let database: TestDatabase;
  let api: ApiProcess;
  let workers: number[] = [];
  const auth = { Authorization: `Bearer ${METRICS_TOKEN}` };

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await ApiProcess.start({
      ...database.env,
      WEB_CONCURRENCY: '2',
      METRICS_TOKEN,
    });
    workers = childrenOf(api.pid);
  });

  afterAll(async () => {
    await api.stop('SIGTERM');
    await api.kill();
    for (const pid of workers) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Gone with the primary, as it should be.
      }
    }
    await database.drop();
  });

  it('refuses a scrape without the token, whichever worker takes it', async () => {
    expect(workers).toHaveLength(2);
    for (let i = 0; i < 4; i += 1) {
      expect((await getFresh(`${api.baseUrl}/metrics`)).status).toBe(401);
      const wrong = { Authorization: 'Bearer not-the-token' };
      expect((await getFresh(`${api.baseUrl}/metrics`, wrong)).status).toBe(401);
    }
  });

  it('counts the requests both workers served in every scrape', async () => {
    for (let i = 0; i < REQUESTS; i += 1) {
      expect((await getFresh(`${api.baseUrl}${ROUTE}`)).status).toBe(200);
    }
    // Who answered: the access log line of each request carries its worker's pid (the logs
    // are written behind, so they may take a moment).
    const servedBy = () =>
      new Set(
        api.stdoutAndStderr.split('\n').flatMap((line) => {
          if (!line.startsWith('{')) return [];
          const entry = JSON.parse(line) as { pid: number; req?: { url?: string } };
          return entry.req?.url === ROUTE ? [entry.pid] : [];
        }),
      );
    for (let attempt = 0; attempt < 300 && servedBy().size < 2; attempt += 1) {
      await new Promise((done) => setTimeout(done, 100));
    }
    expect([...servedBy()].sort()).toEqual([...workers].sort());

    const labels = `{method="GET",route="${ROUTE}",status="200"}`;
    const scrapes: { status: number; body: string }[] = [];
    for (let i = 0; i < 6; i += 1) scrapes.push(await getFresh(`${api.baseUrl}/metrics`, auth));
    scrapes.forEach((scrape, i) => {
      expect(scrape.status).toBe(200);
      expect(valueOf(scrape.body, `http_requests_total${labels}`)).toBe(REQUESTS);
      expect(valueOf(scrape.body, `http_request_duration_seconds_count${labels}`)).toBe(REQUESTS);
      // The scrapes before this one, whichever worker answered them; not this one, in flight.
      expect(
        valueOf(scrape.body, 'http_requests_total{method="GET",route="/metrics",status="200"}') ??
          0,
      ).toBe(i);
      expect(valueOf(scrape.body, 'rollcall_webhook_deliveries_in_flight')).toBe(0);
      expect(scrape.body).toContain('# TYPE http_requests_total counter\n');
    });
  });
});
