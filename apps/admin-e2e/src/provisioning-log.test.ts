import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, openDashboard, screenshot, signIn } from './support/browser';
import { startRollcall, type RollcallServer } from './support/rollcall-server';
import { ScimClient } from './support/scim-client';
import { waitForCount } from './support/wait-for';

describe('provisioning log and health', () => {
  let server: RollcallServer;
  let browser: Browser;

  before(async () => {
    server = await startRollcall();
    browser = await launchBrowser();
    const scim = new ScimClient(server.org.scimBaseUrl, server.org.scimToken);
    await scim.testConnection();
    await scim.createUser('ada@acme.example', 'Ada', 'Lovelace');
    // Failures Entra can run into: a duplicate userName (409), an unknown id (404), a bad filter (400).
    const duplicate = await scim.request('POST', '/Users', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: 'ada@acme.example',
      active: true,
    });
    assert.equal(duplicate.status, 409);
    assert.equal(
      (await scim.request('GET', '/Users/00000000-0000-4000-8000-000000000000')).status,
      404,
    );
    assert.equal(
      (await scim.request('GET', `/Users?filter=${encodeURIComponent('nickName zz "x"')}`)).status,
      400,
    );
    // A 404 to a write is a failed operation; the 404 to the read above is only matching.
    assert.equal(
      (
        await scim.request('PATCH', '/Users/00000000-0000-4000-8000-000000000000', {
          schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
          Operations: [{ op: 'Replace', path: 'active', value: false }],
        })
      ).status,
      404,
    );
    await scim.createGroup('SRE', []);
    // Entries are written within a second of the request.
    await new Promise((wait) => setTimeout(wait, 1200));
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the error count and quarantine risk, and links to the failing requests', async () => {
    const { context, page } = await openDashboard(browser, server.baseUrl);
    await signIn(page, server.org.adminEmail, server.org.adminPassword);
    await page.goto('/sso/provisioning');
    const health = page.getByRole('region', { name: 'Provisioning health' });
    await health.getByText('Errors').waitFor();
    await health.getByText(/43 % of requests failed \(3 of 7\)/).waitFor();
    await health.getByLabel(/Quarantine risk: At risk/).waitFor();
    await screenshot(page, '12-provisioning-health');
    await health.getByRole('link', { name: 'View failing requests' }).click();
    await page.waitForURL('**/provisioning-log?status=failed');
    const rows = page.getByRole('table', { name: 'SCIM requests' }).getByRole('row');
    await rows.filter({ hasText: '409' }).waitFor();
    const statuses = await page
      .getByRole('table', { name: 'SCIM requests' })
      .getByLabel(/^Status \d+$/)
      .allInnerTexts();
    assert.deepEqual([...statuses].map(Number).sort(), [400, 404, 404, 409]);
    await context.close();
  });

  it('lists SCIM requests, filters them, and shows one in a drawer', async () => {
    const { context, page } = await openDashboard(browser, server.baseUrl);
    await signIn(page, server.org.adminEmail, server.org.adminPassword);
    await page.getByRole('link', { name: 'Provisioning log', exact: true }).click();
    const table = page.getByRole('table', { name: 'SCIM requests' });
    await table.getByText('POST /scim/v2/Groups').waitFor();
    await waitForCount(table.getByRole('row'), 1 + 7);
    await screenshot(page, '13-provisioning-log');

    await page.getByRole('combobox', { name: 'Resource' }).click();
    await page.getByRole('option', { name: 'Groups', exact: true }).click();
    await page.waitForURL('**/provisioning-log?resource=Group');
    await waitForCount(table.getByRole('row'), 1 + 1); // the header and the group request
    await table.getByText('POST /scim/v2/Groups').waitFor();
    await page.getByRole('combobox', { name: 'Resource' }).click();
    await page.getByRole('option', { name: 'Users and groups', exact: true }).click();

    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: /^Failed/ }).click();
    await table.getByLabel('Status 409').click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('Error sent to Entra').waitFor();
    await drawer.getByText('uniqueness').waitFor();
    const body = await drawer.getByLabel('Request body').innerText();
    assert.match(body, /"userName": "ada@acme.example"/);
    await screenshot(page, '14-provisioning-log-drawer');
    await context.close();
  });
});
