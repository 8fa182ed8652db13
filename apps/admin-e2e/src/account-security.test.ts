import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openDashboard, screenshot, signIn } from './support/browser';
import { startRollcall, type RollcallServer } from './support/rollcall-server';

// An admin secures their own account in the dashboard: TOTP enrolment (the secret read off
// the page, the code computed with otplib as an authenticator app would), recovery codes saved
// once, a password sign-in with its second step, and a password change that ends the
// admin's other browser session.

/** The code an authenticator shows `offsetSteps` 30-second steps from now. */
function totp(secret: string, offsetSteps = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSteps * 30 });
}

async function openAccount(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Your account' }).click();
  await page.waitForURL('**/account');
  await page.getByRole('heading', { name: 'Your account' }).waitFor();
}

describe('your account: two-factor and password', () => {
  let server: RollcallServer;
  let browser: Browser;

  before(async () => {
    server = await startRollcall('Secure Co');
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('enrols TOTP, signs in with password and code, and a password change ends the other session', async () => {
    const first = await openDashboard(browser, server.baseUrl);
    const page = first.page;
    await signIn(page, server.org.adminEmail, server.org.adminPassword);
    await openAccount(page);

    await page.getByRole('button', { name: 'Turn on two-factor' }).click();
    const secret = await page.getByRole('textbox', { name: 'Setup key' }).inputValue();
    assert.match(secret, /^[A-Z2-7]{32}$/);
    assert.match(
      await page.getByRole('textbox', { name: 'Or the otpauth link' }).inputValue(),
      /^otpauth:\/\/totp\//,
    );
    await page.getByLabel('Code', { exact: true }).fill(await totp(secret));
    await page.getByRole('button', { name: 'Turn on', exact: true }).click();

    const codes = page.locator('[data-recovery-code]');
    await codes.first().waitFor();
    assert.equal(await codes.count(), 10);
    const recoveryCodes = await codes.allInnerTexts();
    await screenshot(page, 'account-01-recovery-codes');
    const done = page.getByRole('button', { name: 'Done' });
    assert.equal(await done.isDisabled(), true, 'Done waits for "I saved these codes"');
    await page.getByLabel('I saved these codes somewhere safe').check();
    await done.click();
    await page.getByText('10 recovery codes left.', { exact: false }).waitFor();

    // Sign out, then back in: the password alone is not enough any more.
    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in');
    await page.getByLabel('Email').fill(server.org.adminEmail);
    await page.getByLabel('Password', { exact: true }).fill(server.org.adminPassword);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByLabel('Authentication code').waitFor();
    assert.equal(
      (await first.context.cookies()).some((c) => c.name.includes('rollcall_session')),
      false,
      'no session cookie before the second step',
    );
    await screenshot(page, 'account-02-second-step');
    // The enrolment code's step is spent: the next step's code is what the app shows next.
    await page.getByLabel('Authentication code').fill(await totp(secret, 1));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();

    // A second browser signs in with a recovery code…
    const second = await openDashboard(browser, server.baseUrl);
    await second.page.goto('/sign-in');
    await second.page.getByLabel('Email').fill(server.org.adminEmail);
    await second.page.getByLabel('Password', { exact: true }).fill(server.org.adminPassword);
    await second.page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await second.page.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await second.page.getByLabel('Recovery code').fill(recoveryCodes[0] ?? '');
    await second.page.getByRole('button', { name: 'Verify' }).click();
    await second.page.getByRole('navigation', { name: 'Main navigation' }).waitFor();

    // …and changes the password there: the first browser's session is gone.
    await openAccount(second.page);
    await second.page.getByLabel('Current password').fill(server.org.adminPassword);
    await second.page.getByLabel('New password', { exact: true }).fill('a brand new password');
    await second.page.getByLabel('Repeat the new password').fill('a brand new password');
    await second.page.getByRole('button', { name: 'Change password' }).click();
    await second.page.getByText('Password changed.').waitFor();

    await page.goto('/users');
    await page.waitForURL('**/sign-in');
    // The second browser is still signed in.
    await second.page.reload();
    await second.page.getByRole('heading', { name: 'Your account' }).waitFor();
    await first.context.close();
    await second.context.close();
  });
});
