import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, openDashboard, screenshot, signIn } from './support/browser';
import { startRollcall, type RollcallServer } from './support/rollcall-server';

describe('signing in', () => {
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

  it('refuses a wrong password with a readable message, and offers Microsoft only honestly', async () => {
    const { context, page } = await openDashboard(browser, server.baseUrl);
    await page.goto('/');
    await page.waitForURL('**/sign-in');
    const microsoft = page.getByRole('button', { name: 'Sign in with Microsoft' });
    assert.equal(await microsoft.isDisabled(), true, 'Sign in with Microsoft is disabled');
    await page.getByText('Microsoft sign-in is not configured on this server.').waitFor();
    await screenshot(page, '01-sign-in');

    await page.getByLabel('Email').fill(server.org.adminEmail);
    await page.getByLabel('Password', { exact: true }).fill('not the password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /e-mail or password is not right/);
    await context.close();
  });

  it('explains a refused single sign-on (the API sends it to /signin?error=…)', async () => {
    const { context, page } = await openDashboard(browser, server.baseUrl);
    await page.goto('/signin?error=not_provisioned');
    await page.waitForURL('**/sign-in?error=not_provisioned');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /Could not sign you in/);
    assert.match(await alert.innerText(), /no Rollcall account for you in this organization yet/);
    assert.doesNotMatch(await alert.innerText(), /not_provisioned/);
    await screenshot(page, '01b-sign-in-not-provisioned');
    await context.close();
  });

  it('signs in, keeps the session across a reload, and signs out', async () => {
    const { context, page } = await openDashboard(browser, server.baseUrl);
    await signIn(page, server.org.adminEmail, server.org.adminPassword);
    assert.match(page.url(), /\/sso\/provisioning$/);
    await page.getByRole('heading', { level: 1, name: 'Provisioning' }).waitFor();
    await page.reload();
    await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
    for (const link of [
      'Single Sign-On',
      'Provisioning',
      'Users',
      'Teams',
      'Pending deletions',
      'Provisioning log',
      'Settings',
    ]) {
      await page.getByRole('link', { name: link, exact: true }).waitFor();
    }

    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in');
    await page.goto('/users');
    await page.waitForURL('**/sign-in');
    await context.close();
  });

  it('switches to dark mode and remembers it', async () => {
    const { context, page } = await openDashboard(browser, server.baseUrl, {
      colorScheme: 'light',
    });
    await signIn(page, server.org.adminEmail, server.org.adminPassword);
    const scheme = () => page.locator('html').getAttribute('data-mantine-color-scheme');
    assert.equal(await scheme(), 'light');
    await page.getByRole('button', { name: 'Switch to dark mode' }).click();
    assert.equal(await scheme(), 'dark');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.notEqual(background, 'rgb(255, 255, 255)', 'the page is dark');
    await page.reload();
    await page.getByRole('button', { name: 'Switch to light mode' }).waitFor();
    assert.equal(await scheme(), 'dark');
    await screenshot(page, '02-provisioning-dark');
    await context.close();
  });

  it('shows the providers honestly and the settings, on a desktop and a phone', async () => {
    const { context, page } = await openDashboard(browser, server.baseUrl);
    await signIn(page, server.org.adminEmail, server.org.adminPassword);
    await page.getByRole('link', { name: 'Single Sign-On', exact: true }).click();
    // The test server runs without ENTRA_*: Connect is disabled, and the page says why.
    await page
      .getByText('Microsoft sign-in is not configured on this server', { exact: true })
      .waitFor();
    const azure = page.getByRole('article', { name: 'Microsoft Entra ID' });
    await azure.getByText('Not configured', { exact: true }).waitFor();
    const connect = azure.getByRole('button', { name: 'Connect' });
    assert.equal(await connect.isDisabled(), true);
    assert.match(
      (await connect.getAttribute('aria-describedby')) ?? '',
      /microsoft-connect-reason/,
    );
    await azure.getByText(/not configured on this server, so Connect is unavailable/).waitFor();
    const oidc = page.getByRole('article', { name: 'Custom OIDC' });
    await oidc.getByText('Not connected', { exact: true }).waitFor();
    await oidc.getByRole('button', { name: 'Save provider' }).waitFor();
    await screenshot(page, '15-sso-providers');

    // The connect callback's landing: the flash, and a clean address bar.
    await page.goto('/sso?connected=microsoft');
    const flash = page.getByRole('status').filter({
      hasText: 'Microsoft Entra ID single sign-on was successfully connected.',
    });
    await flash.waitFor();
    await page.waitForURL((url) => url.pathname === '/sso' && url.search === '');
    await page.goto('/sso?error=tenant_taken');
    await page
      .getByRole('alert')
      .filter({ hasText: 'already connected to another organization' })
      .waitFor();
    await page.waitForURL((url) => url.pathname === '/sso' && url.search === '');

    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page
      .getByRole('region', { name: 'Role mappings' })
      .getByText(/explicit roleName/)
      .waitFor();
    const mappings = page.getByRole('form', { name: 'Add a role mapping' });
    await mappings.getByLabel('Group name').fill('SRE');
    await mappings.getByRole('button', { name: 'Save mapping' }).click();
    await page.getByRole('table', { name: 'Group role mappings' }).getByText('SRE').waitFor();
    await screenshot(page, '16-settings');

    // Rename the organization: toast, header, and it survives a reload.
    const name = page.getByRole('form', { name: 'Organization name' });
    const field = name.getByLabel('Organization name');
    await field.fill('   ');
    assert.equal(await name.getByRole('button', { name: 'Save name' }).isDisabled(), true);
    await field.fill('  Acme Renamed  ');
    await name.getByRole('button', { name: 'Save name' }).click();
    await page.getByText('Organization renamed').waitFor();
    const header = page.getByRole('banner');
    await header.getByText('Acme Renamed', { exact: true }).waitFor();
    await page.reload();
    await page.getByRole('form', { name: 'Organization name' }).waitFor();
    assert.equal(
      await page
        .getByRole('form', { name: 'Organization name' })
        .getByLabel('Organization name')
        .inputValue(),
      'Acme Renamed',
    );
    await page.getByRole('banner').getByText('Acme Renamed', { exact: true }).waitFor();
    await screenshot(page, '16b-settings-renamed');
    await context.close();

    const phone = await openDashboard(browser, server.baseUrl, {
      viewport: { width: 390, height: 844 },
    });
    await phone.page.goto('/sign-in');
    await phone.page.getByLabel('Email').fill(server.org.adminEmail);
    await phone.page.getByLabel('Password', { exact: true }).fill(server.org.adminPassword);
    await phone.page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await phone.page.getByRole('heading', { level: 1, name: 'Provisioning' }).waitFor();
    await screenshot(phone.page, '17-mobile-provisioning');
    await phone.page.getByRole('button', { name: 'Open navigation' }).click();
    await phone.page.getByRole('link', { name: 'Teams', exact: true }).click();
    await phone.page.getByRole('heading', { name: 'Teams' }).waitFor();
    await screenshot(phone.page, '18-mobile-teams');
    await phone.context.close();
  });
});
