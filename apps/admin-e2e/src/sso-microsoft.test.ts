import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, openDashboard, screenshot, signIn } from './support/browser';
import {
  GLOBAL_ADMINISTRATOR,
  entraEnv,
  startEntraEmulator,
  type EmulatedAccount,
  type EntraEmulator,
} from './support/entra-emulator';
import { startRollcall, type RollcallServer } from './support/rollcall-server';
import { ScimClient } from './support/scim-client';

const TENANT_ID = randomUUID();
/** The admin's Microsoft account: an administrator of the tenant, linked by connecting it. */
const CONNECTOR_OID = randomUUID();

describe('Microsoft Entra ID single sign-on, connected through Entra (emulated)', () => {
  let entra: EntraEmulator;
  let server: RollcallServer;
  let browser: Browser;

  before(async () => {
    entra = await startEntraEmulator();
    server = await startRollcall('Acme', entraEnv(entra));
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    await entra?.stop();
  });

  function connector(): EmulatedAccount {
    return {
      tenantId: TENANT_ID,
      oid: CONNECTOR_OID,
      preferredUsername: server.org.adminEmail,
      wids: [GLOBAL_ADMINISTRATOR],
    };
  }

  it('connects the tenant in one click and shows the flash and the tenant', async () => {
    const { context, page } = await openDashboard(browser, server.baseUrl);
    await signIn(page, server.org.adminEmail, server.org.adminPassword);
    await page.getByRole('link', { name: 'Single Sign-On', exact: true }).click();
    const azure = page.getByRole('article', { name: 'Microsoft Entra ID' });
    await azure.getByText('Not connected', { exact: true }).waitFor();

    // A plain member of the tenant cannot connect it: the page names the roles that can.
    entra.account = { ...connector(), oid: randomUUID(), wids: [] };
    await azure.getByRole('link', { name: 'Connect' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Cloud Application Administrator' })
      .filter({ hasText: 'Global Administrator' })
      .waitFor();
    await azure.getByText('Not connected', { exact: true }).waitFor();
    await screenshot(page, '49-sso-microsoft-admin-role-required');

    // The admin "signs in to Microsoft" as a tenant administrator and grants consent.
    entra.account = connector();
    await azure.getByRole('link', { name: 'Connect' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Microsoft Entra ID single sign-on was successfully connected.' })
      .waitFor();
    await azure.getByText('Connected', { exact: true }).first().waitFor();
    await azure.getByText(TENANT_ID, { exact: true }).waitFor();
    await azure.getByText(server.org.adminEmail, { exact: true }).waitFor();
    // The query string that carried the result is gone: a reload shows no second flash.
    assert.equal(new URL(page.url()).search, '');
    // Connecting linked the admin's own Microsoft account.
    const mine = azure.getByRole('group', { name: 'Your Microsoft account' });
    await mine.getByText(`${server.org.adminEmail} (linked`, { exact: false }).waitFor();
    await screenshot(page, '50-sso-microsoft-connected');

    // Unlinked, then linked again through Microsoft: the flash confirms it.
    await mine.getByRole('button', { name: 'Unlink' }).click();
    await page
      .getByRole('dialog', { name: 'Unlink your Microsoft account?' })
      .getByRole('button', { name: 'Unlink' })
      .click();
    const link = mine.getByRole('button', { name: 'Link my Microsoft account' });
    await link.waitFor();
    await link.click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Your Microsoft account is linked' })
      .waitFor();
    await mine.getByText(/\(linked/).waitFor();
    await context.close();
  });

  it('signs the linked admin and a provisioned member in with Microsoft', async () => {
    const admin = await openDashboard(browser, server.baseUrl);
    await admin.page.goto('/sign-in');
    entra.account = connector();
    await admin.page.getByRole('link', { name: 'Sign in with Microsoft' }).click();
    await admin.page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
    await admin.context.close();

    const scim = new ScimClient(server.org.scimBaseUrl, server.org.scimToken);
    const created = await scim.request('POST', '/Users', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: 'grace@acme.example',
      active: true,
      displayName: 'Grace Hopper',
    });
    assert.equal(created.status, 201);

    const member = await openDashboard(browser, server.baseUrl);
    await member.page.goto('/sign-in');
    entra.account = {
      tenantId: TENANT_ID,
      oid: randomUUID(),
      preferredUsername: 'Grace@Acme.example',
    };
    await member.page.getByRole('link', { name: 'Sign in with Microsoft' }).click();
    await member.page.waitForURL((url) => url.pathname === '/signed-in');
    await member.page.getByRole('main').getByText('grace@acme.example', { exact: true }).waitFor();
    await member.context.close();
  });

  it('refuses a deactivated member with a readable message', async () => {
    const scim = new ScimClient(server.org.scimBaseUrl, server.org.scimToken);
    const created = await scim.request('POST', '/Users', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: 'linus@acme.example',
      active: true,
    });
    const id = String(created.body?.['id']);
    const patched = await scim.request('PATCH', `/Users/${id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    });
    assert.equal(patched.status, 200);

    const { context, page } = await openDashboard(browser, server.baseUrl);
    await page.goto('/sign-in');
    entra.account = {
      tenantId: TENANT_ID,
      oid: randomUUID(),
      preferredUsername: 'linus@acme.example',
    };
    await page.getByRole('link', { name: 'Sign in with Microsoft' }).click();
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await page
      .getByRole('alert')
      .filter({ hasText: /deactivated/i })
      .waitFor();
    await screenshot(page, '51-sign-in-deactivated');
    await context.close();
  });

  it('disconnects the tenant after a confirmation', async () => {
    const { context, page } = await openDashboard(browser, server.baseUrl);
    await signIn(page, server.org.adminEmail, server.org.adminPassword);
    await page.getByRole('link', { name: 'Single Sign-On', exact: true }).click();
    const azure = page.getByRole('article', { name: 'Microsoft Entra ID' });
    await azure.getByRole('button', { name: 'Disconnect' }).click();
    const dialog = page.getByRole('dialog', { name: 'Disconnect Microsoft Entra ID?' });
    await dialog.getByRole('button', { name: 'Disconnect' }).click();
    await page.getByText('Microsoft Entra ID disconnected').waitFor();
    await azure.getByRole('link', { name: 'Connect' }).waitFor();
    assert.equal(await azure.getByText(TENANT_ID).count(), 0);
    await context.close();
  });
});
