import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openDashboard, screenshot, signIn } from './support/browser';
import { startRollcall, type RollcallServer } from './support/rollcall-server';
import { ScimClient } from './support/scim-client';

async function confirmModal(page: Page, button: string) {
  await page.getByRole('dialog').getByRole('button', { name: button }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
}

describe('provisioning: enable, Tenant URL and Secret Token, rotation', () => {
  let server: RollcallServer;
  let browser: Browser;
  let firstSecret = '';

  before(async () => {
    server = await startRollcall();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('enables provisioning from scratch, and the token it shows works for Entra', async () => {
    const { context, page } = await openDashboard(browser, server.baseUrl);
    await signIn(page, server.org.adminEmail, server.org.adminPassword);
    await page.getByRole('link', { name: 'Provisioning', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Provisioning' }).waitFor();

    // The CLI made the org with provisioning on and a token: start over as a new customer would.
    const cliTokenPrefix = server.org.scimToken.slice(0, 12);
    await page.getByRole('button', { name: /^Revoke rcs_/ }).click();
    await confirmModal(page, 'Revoke token');
    await page.getByText('There is no live Secret Token').waitFor();
    await page.getByRole('button', { name: 'Disable provisioning' }).click();
    await confirmModal(page, 'Disable provisioning');
    await page.getByRole('heading', { name: 'SCIM provisioning is off' }).waitFor();
    assert.equal(
      (await new ScimClient(server.org.scimBaseUrl, server.org.scimToken).testConnection()).status,
      401,
    );

    await page.getByRole('button', { name: 'Enable provisioning' }).click();
    const tenantUrl = await page.getByLabel('Tenant URL', { exact: true }).inputValue();
    const secret = await page.getByLabel('Secret Token', { exact: true }).inputValue();
    assert.equal(tenantUrl, `${server.baseUrl}/scim/v2`);
    assert.match(secret, /^rcs_/);
    assert.ok(!secret.startsWith(cliTokenPrefix), 'a new token');
    firstSecret = secret;
    await page.getByText('it is shown only this once').waitFor();
    await page.getByRole('button', { name: 'Copy Secret Token' }).waitFor();
    await screenshot(page, '03-provisioning-enabled');

    // What Entra's Test Connection does: a filtered GET on /Users with the Secret Token.
    const scim = new ScimClient(tenantUrl, secret);
    const test = await scim.testConnection();
    assert.equal(test.status, 200);
    assert.deepEqual(test.body?.['schemas'], [
      'urn:ietf:params:scim:api:messages:2.0:ListResponse',
    ]);
    assert.equal(test.body?.['totalResults'], 0);

    // Entra provisions users; one is deactivated; a group becomes a team.
    const ada = await scim.createUser('ada@acme.example', 'Ada', 'Lovelace');
    const bob = await scim.createUser('bob@acme.example', 'Bob', 'Builder');
    await scim.createUser('carol@acme.example', 'Carol', 'Shaw');
    await scim.deactivateUser(bob.id);
    await scim.createGroup('SRE', [ada.id, bob.id]);

    await page.getByRole('link', { name: 'Users', exact: true }).click();
    const adaRow = page.getByRole('row', { name: /Ada Lovelace, active/ });
    await adaRow.getByText('Active', { exact: true }).waitFor();
    await adaRow.getByText('SCIM', { exact: true }).waitFor();
    await adaRow.getByText('SRE', { exact: true }).waitFor();
    await page
      .getByRole('row', { name: /Bob Builder, deactivated/ })
      .getByText('Deactivated', { exact: true })
      .waitFor();
    await screenshot(page, '09-users');

    await page
      .locator('label')
      .filter({ hasText: /^Deactivated$/ })
      .click();
    await page.getByRole('row', { name: /Bob Builder/ }).waitFor();
    assert.equal(await page.getByRole('row', { name: /Ada Lovelace/ }).count(), 0);
    await page.locator('label').filter({ hasText: /^All$/ }).click();
    await page.getByLabel('Search users').fill('carol');
    await page.getByRole('row', { name: /Carol Shaw/ }).waitFor();
    await page.getByRole('row', { name: /Ada Lovelace/ }).waitFor({ state: 'detached' });
    await page.getByRole('row', { name: /Carol Shaw/ }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('carol@acme.example').first().waitFor();
    await drawer.getByText('organization default').waitFor();
    await screenshot(page, '10-user-drawer');
    await context.close();
  });

  it('regenerates the token with two live tokens, and the old one stops working once revoked', async () => {
    const { context, page } = await openDashboard(browser, server.baseUrl);
    await signIn(page, server.org.adminEmail, server.org.adminPassword);
    await page.goto('/sso/provisioning');
    // After a reload the secret is gone for good: only its prefix and last use are shown.
    const masked = await page.getByLabel('Secret Token', { exact: true }).inputValue();
    assert.match(masked, /^rcs_.+•+$/);
    await page
      .getByText(/Last used/)
      .first()
      .waitFor();
    const tokenRows = page.getByRole('table', { name: 'Secret Tokens' }).getByRole('row');
    const oldPrefix = masked.replace(/•+$/, '');

    await page.getByRole('button', { name: 'Regenerate token' }).click();
    const modal = page.getByRole('dialog');
    await modal.getByText('Create the new token here. The current one keeps working.').waitFor();
    await modal.getByRole('button', { name: 'Create new token' }).click();
    await modal.waitFor({ state: 'detached' });
    const fresh = await page.getByLabel('Secret Token', { exact: true }).inputValue();
    assert.ok(!fresh.startsWith(oldPrefix), 'a different token');
    assert.equal(
      await tokenRows.filter({ hasText: 'Live' }).count(),
      2,
      'two live tokens during rotation',
    );
    await screenshot(page, '11-token-rotation');

    const tenantUrl = `${server.baseUrl}/scim/v2`;
    // During rotation both work: Entra keeps provisioning until the admin pastes the new one.
    assert.equal((await new ScimClient(tenantUrl, firstSecret).testConnection()).status, 200);
    assert.equal((await new ScimClient(tenantUrl, fresh).testConnection()).status, 200);
    await page.getByRole('button', { name: `Revoke ${oldPrefix}` }).click();
    await confirmModal(page, 'Revoke token');
    await tokenRows.filter({ hasText: 'Revoked' }).filter({ hasText: oldPrefix }).waitFor();
    assert.equal(await tokenRows.filter({ hasText: 'Live' }).count(), 1);
    assert.equal((await new ScimClient(tenantUrl, firstSecret).testConnection()).status, 401);
    assert.equal((await new ScimClient(tenantUrl, fresh).testConnection()).status, 200);
    await context.close();
  });
});
