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

  it('signs in, keeps the session across a reload, and signs out', async () => {
    const { context, page } = await openDashboard(browser, server.baseUrl);
    await signIn(page, server.org.adminEmail, server.org.adminPassword);
    assert.match(page.url(), /\/sso\/provisioning$/);
    await page.getByRole('heading', { name: 'Single Sign-On' }).waitFor();
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
    const azure = page.getByRole('article', { name: 'Microsoft Azure' });
    await azure.getByText('Not connected').waitFor();
    assert.equal(
      await azure.getByRole('button', { name: 'Connect Microsoft Azure' }).isDisabled(),
      true,
    );
    await page.getByRole('article', { name: 'Custom OIDC' }).getByText('Not connected').waitFor();
    await screenshot(page, '15-sso-providers');

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
    await context.close();

    const phone = await openDashboard(browser, server.baseUrl, {
      viewport: { width: 390, height: 844 },
    });
    await phone.page.goto('/sign-in');
    await phone.page.getByLabel('Email').fill(server.org.adminEmail);
    await phone.page.getByLabel('Password', { exact: true }).fill(server.org.adminPassword);
    await phone.page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await phone.page.getByRole('heading', { name: 'Single Sign-On' }).waitFor();
    await screenshot(phone.page, '17-mobile-provisioning');
    await phone.page.getByRole('button', { name: 'Open navigation' }).click();
    await phone.page.getByRole('link', { name: 'Teams', exact: true }).click();
    await phone.page.getByRole('heading', { name: 'Teams' }).waitFor();
    await screenshot(phone.page, '18-mobile-teams');
    await phone.context.close();
  });
});
