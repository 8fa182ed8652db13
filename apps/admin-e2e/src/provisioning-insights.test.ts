import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, openDashboard, screenshot, signIn } from './support/browser';
import { startRollcall, type RollcallServer } from './support/rollcall-server';
import { ScimClient } from './support/scim-client';
import { waitForCount } from './support/wait-for';

/** What this test reads of `GET /api/provisioning-log/health` (HealthView). */
interface HealthView {
  requests: number;
  failures: number;
  failureRatio: number;
  buckets: { start: string; requests: number; failures: number; failureRatio: number }[];
  topErrors: unknown[];
}

const MISSING = '00000000-0000-4000-8000-000000000000';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

describe('provisioning insights: health chart, log search and CSV export', () => {
  let server: RollcallServer;
  let browser: Browser;
  let adaId: string;

  before(async () => {
    server = await startRollcall();
    browser = await launchBrowser();
    // Entra's traffic, with failures: 8 requests, 2 failed operations (a 409 and a 404 to a
    // PATCH); the 404 to a GET is matching and does not count.
    const scim = new ScimClient(server.org.scimBaseUrl, server.org.scimToken);
    assert.equal((await scim.testConnection()).status, 200);
    adaId = (await scim.createUser('ada@insights.example', 'Ada', 'Lovelace')).id;
    await scim.createUser('bob@insights.example', 'Bob', 'Builder');
    const duplicate = await scim.request('POST', '/Users', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: 'ada@insights.example',
      active: true,
    });
    assert.equal(duplicate.status, 409);
    assert.equal((await scim.request('GET', `/Users/${MISSING}`)).status, 404);
    const deactivate = {
      schemas: [PATCH_OP],
      Operations: [{ op: 'Replace', path: 'active', value: false }],
    };
    assert.equal((await scim.request('PATCH', `/Users/${MISSING}`, deactivate)).status, 404);
    assert.equal((await scim.request('PATCH', `/Users/${adaId}`, deactivate)).status, 200);
    await scim.createGroup('Insights', []);
    // Entries are written within a second of the request.
    await new Promise((wait) => setTimeout(wait, 1200));
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('charts requests and failures per hour and per day, with the quarantine line and top errors', async () => {
    const { context, page } = await openDashboard(browser, server.baseUrl);
    await signIn(page, server.org.adminEmail, server.org.adminPassword);
    await page.goto('/sso/provisioning');
    const health = page.getByRole('region', { name: 'Provisioning health' });
    const summary = health.getByTestId('provisioning-health-summary');
    await summary.waitFor();
    assert.match(
      await summary.innerText(),
      /^8 requests and 2 failures in the last 24 hours: 25 % failed, below Entra's 40 % quarantine threshold\. Busiest: the hour from \d\d:\d\d, \d requests?\.$/,
    );

    // The bars are the API's buckets: one per non-empty series value (usually all this hour).
    const data = await (await page.request.get('/api/provisioning-log/health?range=24h')).json();
    const view = data as HealthView;
    const withRequests = view.buckets.filter((b) => b.requests > 0).length;
    const withFailures = view.buckets.filter((b) => b.failures > 0).length;
    assert.ok(withRequests >= 1 && withFailures >= 1);
    const bars = health.getByTestId('provisioning-health-requests-chart');
    await waitForCount(bars.locator('.recharts-bar-rectangle path'), withRequests + withFailures);
    // The ratio line has a point per hour and the threshold line is labelled.
    const ratio = health.getByTestId('provisioning-health-ratio-chart');
    await waitForCount(ratio.locator('.recharts-line-dots circle'), 24);
    await ratio.getByText('Entra quarantine threshold').waitFor();

    // The table alternative and the busiest errors.
    await health.getByText('Show the numbers as a table').click();
    const table = health.getByRole('table', { name: 'Requests and failures per hour' });
    await waitForCount(table.getByRole('row'), 1 + 24);
    const errors = health.getByRole('table', { name: 'Most frequent errors' });
    await errors.getByRole('row', { name: '409 uniqueness 1' }).waitFor();
    await errors.getByRole('row', { name: '404 1' }).waitFor();
    await waitForCount(errors.getByRole('row'), 1 + 2);
    await screenshot(page, '15-provisioning-health-chart');

    await health.getByText('30 days', { exact: true }).click();
    await summary.getByText(/^8 requests and 2 failures in the last 30 days/).waitFor();
    await waitForCount(ratio.locator('.recharts-line-dots circle'), 30);
    await waitForCount(bars.locator('.recharts-bar-rectangle path'), 2);
    await context.close();
  });

  it('shows an empty state for an organization without requests', async () => {
    const { context, page } = await openDashboard(browser, server.baseUrl);
    await signIn(page, server.org.adminEmail, server.org.adminPassword);
    await page.route('**/api/provisioning-log/health*', async (route) => {
      const response = await route.fetch();
      const view = (await response.json()) as HealthView;
      const empty = view.buckets.map((b) => ({ ...b, requests: 0, failures: 0, failureRatio: 0 }));
      await route.fulfill({
        response,
        json: { ...view, requests: 0, failures: 0, failureRatio: 0, buckets: empty, topErrors: [] },
      });
    });
    await page.goto('/sso/provisioning');
    const health = page.getByRole('region', { name: 'Provisioning health' });
    await health.getByTestId('provisioning-health-empty').waitFor();
    assert.equal(await health.locator('.recharts-surface').count(), 0);
    await context.close();
  });

  it('finds a user’s requests, shows times to the second and full paths, and exports them as CSV', async () => {
    const { context, page } = await openDashboard(browser, server.baseUrl);
    await signIn(page, server.org.adminEmail, server.org.adminPassword);
    await page.goto('/provisioning-log');
    const table = page.getByRole('table', { name: 'SCIM requests' });
    await waitForCount(table.getByRole('row'), 1 + 8);

    await page.getByRole('textbox', { name: 'User' }).fill('ADA@insights.example');
    await page.waitForURL(/user=ADA%40insights\.example/);
    // The lookup-free history of Ada: her create, the refused duplicate, her deactivation.
    await waitForCount(table.getByRole('row'), 1 + 3);
    await table.getByText(`PATCH /scim/v2/Users/${adaId}`, { exact: true }).waitFor();
    const time = table.locator('time').first();
    assert.match(await time.innerText(), /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    const title =
      (await table.locator('[title] > time').first().locator('..').getAttribute('title')) ?? '';
    assert.match(title, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d \(.+\) = \d{4}-.+Z$/);
    await screenshot(page, '16-provisioning-log-by-user');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export CSV' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^rollcall-provisioning-log-\d{4}-\d\d-\d\d\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    const lines = csv.trimEnd().split('\r\n');
    assert.equal(
      lines[0],
      'time,method,path,filter,status,scimType,detail,resourceType,resourceId,durationMs,tokenPrefix,requestId',
    );
    assert.deepEqual(
      lines.slice(1).map((line) =>
        line
          .split(',')
          .slice(1, 3)
          .concat(line.split(',')[4] ?? ''),
      ),
      [
        ['PATCH', `/scim/v2/Users/${adaId}`, '200'],
        ['POST', '/scim/v2/Users', '409'],
        ['POST', '/scim/v2/Users', '201'],
      ],
    );
    await context.close();
  });
});
