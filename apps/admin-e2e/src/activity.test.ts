import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, openDashboard, screenshot, signIn } from './support/browser';
import { startRollcall, type RollcallServer } from './support/rollcall-server';
import { waitForCount } from './support/wait-for';

describe('Activity: what admins and API keys changed, readably, filtered and exported', () => {
  let server: RollcallServer;
  let browser: Browser;

  before(async () => {
    server = await startRollcall();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lists a key created in the dashboard under the admin and a team the key created under the key', async () => {
    const { context, page } = await openDashboard(browser, server.baseUrl);
    await signIn(page, server.org.adminEmail, server.org.adminPassword);

    // An admin action in the dashboard: a read-and-write API key…
    await page.getByRole('link', { name: 'API keys', exact: true }).click();
    await page.getByRole('button', { name: 'Create API key' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Create API key' });
    await dialog.getByLabel('Name').fill('Billing backend');
    await dialog.getByText('Read and write', { exact: true }).click();
    await dialog.getByRole('button', { name: 'Create API key' }).click();
    const created = page.getByRole('dialog', { name: 'API key created' });
    const key = await created.getByLabel('API key', { exact: true }).inputValue();
    await created.getByRole('button', { name: 'Done' }).click();

    // …and a change that key makes, as a backend would, through a proxy on loopback (trusted
    // by default): the address shown is the client the proxy forwards.
    const team = await fetch(`${server.baseUrl}/api/teams`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${key}`,
        'Content-Type': 'application/json',
        'X-Forwarded-For': '203.0.113.9',
      },
      body: JSON.stringify({ name: 'Sales' }),
    });
    assert.equal(team.status, 201);

    await page.getByRole('link', { name: 'Activity', exact: true }).click();
    await page.getByRole('heading', { name: 'Activity', level: 1 }).waitFor();
    const keyRow = page.getByRole('row', { name: /api_key\.created/ });
    await keyRow.getByText(server.org.adminEmail, { exact: true }).waitFor();
    await keyRow.getByText(/^Created API key/).waitFor();
    await keyRow.locator('time').waitFor();
    // The dashboard's own request came straight from the browser on this machine.
    await keyRow.getByText(/^(::ffff:)?127\.0\.0\.1$/).waitFor();
    const teamRow = page.getByRole('row', { name: /team\.created/ });
    await teamRow.getByText('API key Billing backend', { exact: true }).waitFor();
    await teamRow.getByText('Created team Sales', { exact: true }).waitFor();
    await teamRow.getByText('203.0.113.9', { exact: true }).waitFor();
    assert.equal(
      await page.getByText(`admin:${server.org.adminEmail}`).count(),
      0,
      'actors are shown readably, not as raw strings',
    );
    await screenshot(page, '70-activity');

    // Who: the admin alone.
    await page.getByRole('combobox', { name: 'Who' }).click();
    await page.getByRole('option', { name: server.org.adminEmail, exact: true }).click();
    await waitForCount(page.getByRole('row', { name: /team\.created/ }), 0);
    await keyRow.waitFor();
    assert.match(page.url(), /actor=admin%3Ait%40acme\.example/);

    // What: team creations alone (after clearing the actor).
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByRole('row', { name: /team\.created/ }).waitFor();
    await page.getByRole('combobox', { name: 'What' }).click();
    await page.getByRole('option', { name: 'Created team', exact: true }).click();
    await page.keyboard.press('Escape');
    await waitForCount(page.getByRole('row', { name: /api_key\.created/ }), 0);
    await teamRow.waitFor();
    assert.match(page.url(), /types=team\.created/);

    // The CSV holds every row of the filter (fetched page by page): here the one.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const path = await download.path();
    const csv = await readFile(path, 'utf8');
    const lines = csv.trim().split('\r\n');
    assert.equal(lines[0], 'time,actor,actorId,clientIp,type,summary');
    assert.equal(lines.length, 2);
    assert.match(
      lines[1] ?? '',
      /^\d{4}-\d\d-\d\dT[^,]+,API key Billing backend,api_key:Billing backend,203\.0\.113\.9,team\.created,Created team Sales$/,
    );
    await context.close();
  });
});
