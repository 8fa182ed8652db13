import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, openDashboard, screenshot, signIn } from './support/browser';
import { startRollcall, type RollcallServer } from './support/rollcall-server';
import { ScimClient } from './support/scim-client';

describe('API keys: created in the dashboard, used by a backend, revoked', () => {
  let server: RollcallServer;
  let browser: Browser;

  before(async () => {
    server = await startRollcall();
    browser = await launchBrowser();
    const scim = new ScimClient(server.org.scimBaseUrl, server.org.scimToken);
    await scim.createUser('ada@acme.example', 'Ada', 'Lovelace');
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** What a backend does: GET /api/users with the key only (no cookie, no CSRF header). */
  const usersWith = (key: string) =>
    fetch(`${server.baseUrl}/api/users`, { headers: { Authorization: `Bearer ${key}` } });

  it('shows a new key once, the key reads users, and after revoking it in the UI it is refused', async () => {
    const { context, page } = await openDashboard(browser, server.baseUrl);
    await signIn(page, server.org.adminEmail, server.org.adminPassword);

    await page.getByRole('link', { name: 'API keys', exact: true }).click();
    await page.getByRole('heading', { name: 'API keys', level: 1 }).waitFor();
    await page.getByText('No API keys yet').waitFor();

    await page.getByRole('button', { name: 'Create API key' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Create API key' });
    await dialog.getByLabel('Name').fill('Billing backend');
    await dialog.getByText('Read only', { exact: true }).click();
    await dialog.getByRole('button', { name: 'Create API key' }).click();

    const created = page.getByRole('dialog', { name: 'API key created' });
    const key = await created.getByLabel('API key', { exact: true }).inputValue();
    assert.match(key, /^rck_[A-Za-z0-9_-]{43}$/);
    await created.getByText(/won.t be shown again/).waitFor();
    await created.getByRole('button', { name: 'Copy API key' }).waitFor();
    await screenshot(page, '30-api-key-created');

    const allowed = await usersWith(key);
    assert.equal(allowed.status, 200);
    const users = (await allowed.json()) as { users: { userName: string }[] };
    assert.deepEqual(
      users.users.map((user) => user.userName),
      ['ada@acme.example'],
    );

    await created.getByRole('button', { name: 'Done' }).click();
    await created.waitFor({ state: 'detached' });
    const row = page.getByRole('row', { name: /Billing backend/ });
    await row.getByText('Read', { exact: true }).waitFor();
    await row.getByText('Live', { exact: true }).waitFor();
    await row.getByText(`${key.slice(0, 12)}…`).waitFor();
    await row.getByText(`by ${server.org.adminEmail}`).waitFor();
    assert.equal(await page.getByText(key).count(), 0, 'the key is not shown again');
    // The page lists what the API sends, and the API never sends the key again.
    const listed = await page.evaluate(async () => (await fetch('/api/api-keys')).text());
    assert.equal(listed.includes(key), false);
    await screenshot(page, '31-api-keys-list');

    await row.getByRole('button', { name: 'Revoke Billing backend' }).click();
    const confirm = page.getByRole('dialog');
    await confirm.getByText(/refused at once/).waitFor();
    await confirm.getByRole('button', { name: 'Revoke key' }).click();
    await confirm.waitFor({ state: 'detached' });
    await row.getByText('Revoked', { exact: true }).waitFor();
    assert.equal(await row.getByRole('button', { name: 'Revoke Billing backend' }).count(), 0);

    const refused = await usersWith(key);
    assert.equal(refused.status, 401);
    assert.equal(((await refused.json()) as { code: string }).code, 'INVALID_API_KEY');
    await context.close();
  });
});
