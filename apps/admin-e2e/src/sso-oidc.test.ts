import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openDashboard, screenshot, signIn } from './support/browser';
import { startGenericIdp, type GenericIdp } from './support/generic-idp';
import { startRollcall, type RollcallServer } from './support/rollcall-server';

const CLIENT_ID = 'rollcall-acme';
const CLIENT_SECRET = 'idp-client-secret-0123456789abcdef';

async function openSso(page: Page) {
  await page.getByRole('link', { name: 'Single Sign-On', exact: true }).click();
  await page.getByRole('article', { name: 'Custom OIDC' }).waitFor();
}

describe('single sign-on with a custom OpenID Connect provider', () => {
  let server: RollcallServer;
  let idp: GenericIdp;
  let browser: Browser;
  let signInLink = '';
  let slug = '';

  before(async () => {
    server = await startRollcall();
    idp = await startGenericIdp({
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      redirectUris: [`${server.baseUrl}/api/auth/oidc/callback`],
    });
    // The org's admin has an account at the IdP with the same, verified e-mail.
    await idp.addAccount('idp-admin', {
      email: server.org.adminEmail,
      email_verified: true,
      name: 'IT Admin',
    });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await idp?.stop();
    await server?.stop();
  });

  it('configures the provider: redirect URI to register, inline discovery errors, saved details', async () => {
    const { context, page } = await openDashboard(browser, server.baseUrl);
    await signIn(page, server.org.adminEmail, server.org.adminPassword);
    await openSso(page);
    const card = page.getByRole('article', { name: 'Custom OIDC' });
    await card.getByText('Not connected', { exact: true }).waitFor();
    assert.equal(
      await card.getByLabel('Redirect URI', { exact: true }).inputValue(),
      `${server.baseUrl}/api/auth/oidc/callback`,
    );

    // Without a provider, Require single sign-on cannot be turned on, and says why.
    const policy = page.getByRole('region', { name: 'Sign-in policy' });
    const requireSso = policy.getByRole('switch', { name: 'Require single sign-on' });
    assert.equal(await requireSso.isDisabled(), true);
    assert.match((await requireSso.getAttribute('aria-describedby')) ?? '', /require-sso-reason/);
    await policy
      .getByText(/Connect Microsoft Entra ID, a custom OIDC provider or SAML SSO first/)
      .waitFor();
    await policy.getByText(/first admin keeps a break-glass password sign-in/).waitFor();
    await screenshot(page, '30-sso-custom-oidc-empty');

    // The form names what is missing before asking the server.
    await card.getByRole('button', { name: 'Save provider' }).click();
    await card.getByText('Enter the issuer URL.').waitFor();
    await card.getByText('Enter the client secret from your provider.').waitFor();

    // An issuer without a discovery document: the server's refusal shows under the issuer.
    await card.getByLabel('Display name').fill('Acme Okta');
    const issuerField = card.getByLabel('Issuer URL');
    await issuerField.fill(`${idp.issuer}/not-an-issuer`);
    await card.getByLabel('Client ID').fill(CLIENT_ID);
    await card.getByLabel('Client secret').fill(CLIENT_SECRET);
    await card.getByRole('button', { name: 'Save provider' }).click();
    await page.waitForFunction(
      () =>
        document
          .querySelector('input[aria-invalid="true"][placeholder="https://acme.okta.com"]')
          ?.getAttribute('aria-describedby')
          ?.includes('error') ?? false,
    );
    assert.equal(await issuerField.getAttribute('aria-invalid'), 'true');
    const errorId = ((await issuerField.getAttribute('aria-describedby')) ?? '')
      .split(' ')
      .find((id) => id.endsWith('-error'));
    assert.ok(errorId, 'the issuer field points at its error');
    const issuerError = await page.locator(`[id="${errorId}"]`).innerText();
    assert.ok(issuerError.length > 0, 'a readable reason');
    assert.doesNotMatch(issuerError, new RegExp(CLIENT_SECRET), 'the secret is never echoed');
    await screenshot(page, '31-sso-custom-oidc-discovery-error');

    await issuerField.fill(idp.issuer);
    await card.getByRole('button', { name: 'Save provider' }).click();
    await card.getByText('Connected', { exact: true }).waitFor();
    await card.getByText(idp.issuer, { exact: true }).waitFor();
    await card.getByText(CLIENT_ID, { exact: true }).waitFor();
    assert.equal(await page.getByText(CLIENT_SECRET).count(), 0, 'the secret is not shown');
    signInLink = await card.getByLabel('Sign-in link', { exact: true }).inputValue();
    const match = /^(.+)\/api\/auth\/oidc\/([^/]+)$/.exec(signInLink);
    assert.ok(match, `a sign-in link: ${signInLink}`);
    assert.equal(match[1], server.baseUrl);
    slug = decodeURIComponent(match[2] ?? '');
    await card.getByRole('button', { name: 'Copy Sign-in link' }).waitFor();

    // Now the policy can require it; the default JIT follows provisioning (on for this org).
    assert.equal(await requireSso.isDisabled(), false);
    const jit = policy.getByRole('radiogroup', { name: /Just-in-time user creation/ });
    assert.equal(await jit.getByRole('radio', { name: 'Default' }).isChecked(), true);
    await policy.getByText('Now: Off').waitFor();
    await policy.getByText(/^Default: off, because provisioning is on/).waitFor();
    await screenshot(page, '32-sso-custom-oidc-saved');

    // Test & link: the admin signs in at the provider, which links that account to them; only
    // a linked account opens the dashboard through single sign-on.
    const mine = card.getByRole('group', { name: 'Your Acme Okta account' });
    await mine.getByText(/opens your admin dashboard only once you link/).waitFor();
    await idp.loginAs('idp-admin');
    await mine.getByRole('button', { name: 'Link my Acme Okta account' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Your account at your identity provider is linked' })
      .waitFor({ timeout: 20_000 });
    await mine.getByText(`${server.org.adminEmail} (linked`, { exact: false }).waitFor();
    await context.close();
  });

  it('signs the admin in through the provider from the organization’s sign-in page', async () => {
    await idp.loginAs('idp-admin');
    const { context, page } = await openDashboard(browser, server.baseUrl);
    await page.goto('/sign-in');
    // The plain page finds the organization's page from its name.
    await page.getByRole('button', { name: 'Use single sign-on' }).click();
    const lookup = page.getByRole('form', { name: 'Use single sign-on' });
    await lookup.getByLabel('Organization').fill(slug.toUpperCase());
    await lookup.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(
      (url) => url.pathname === '/sign-in' && url.searchParams.get('org') === slug,
    );
    await page.getByRole('heading', { name: 'Sign in to Acme' }).waitFor();
    const button = page.getByRole('link', { name: 'Sign in with Acme Okta' });
    assert.equal(await button.getAttribute('href'), signInLink);
    await screenshot(page, '33-sign-in-organization');

    // The real round trip: Rollcall → IdP (auto sign-in and consent) → callback → dashboard.
    await button.click();
    await page.getByRole('navigation', { name: 'Main navigation' }).waitFor({ timeout: 20_000 });
    assert.match(page.url(), /\/sso\/provisioning$/);
    await page
      .getByRole('button', { name: 'Account menu' })
      .getByText(server.org.adminEmail)
      .waitFor();
    await context.close();
  });

  it('edits the provider keeping its secret, and creates a member just in time', async () => {
    const { context, page } = await openDashboard(browser, server.baseUrl);
    await signIn(page, server.org.adminEmail, server.org.adminPassword);
    await openSso(page);
    const card = page.getByRole('article', { name: 'Custom OIDC' });
    await card.getByRole('button', { name: 'Edit provider' }).click();
    const secret = card.getByLabel('Replace client secret');
    assert.equal(await secret.inputValue(), '', 'the stored secret is never sent back');
    await card.getByLabel('Display name').fill('Acme SSO');
    await card.getByRole('button', { name: 'Save provider' }).click();
    await card.getByText('Acme SSO', { exact: true }).waitFor();

    const policy = page.getByRole('region', { name: 'Sign-in policy' });
    // Mantine draws its own radio and switch over a hidden input: click what a person clicks.
    await policy.locator('label').filter({ hasText: /^On$/ }).click();
    // On, but nobody is created until the organization's own domains are listed.
    await policy.getByText(/^Off until you list your organization’s e-mail domains/).waitFor();
    await policy.getByLabel('Just-in-time domains').fill('Acme.example');
    await policy.getByRole('button', { name: 'Save domains' }).click();
    await policy.getByText('Now: On').waitFor();
    await policy
      .getByText(
        /^On: .*even before Entra provisions them\. Only verified addresses at acme\.example/,
      )
      .waitFor();

    // Someone unknown to Rollcall signs in: a member account is created (a member session,
    // not the dashboard, which is for admins).
    await idp.addAccount('idp-nia', {
      email: 'nia@acme.example',
      email_verified: true,
      name: 'Nia Newcomer',
      preferred_username: 'nia@acme.example',
    });
    await idp.loginAs('idp-nia');
    const member = await openDashboard(browser, server.baseUrl);
    await member.page.goto(`/sign-in?org=${encodeURIComponent(slug)}`);
    // Signing in with the stored secret still works after the edit.
    await member.page.getByRole('link', { name: 'Sign in with Acme SSO' }).click();
    // Members land on their own page, not the admin dashboard, and can sign out there.
    await member.page.waitForURL(
      (url) => url.pathname === '/signed-in' && url.origin === server.baseUrl,
      { timeout: 20_000 },
    );
    const landing = member.page.getByRole('main');
    await landing.getByRole('heading', { name: 'You are signed in' }).waitFor();
    await landing.getByText('nia@acme.example', { exact: true }).waitFor();
    assert.equal(await member.page.getByRole('alert').count(), 0, 'no refusal');
    await screenshot(member.page, '37-member-signed-in');
    await landing.getByRole('button', { name: 'Sign out' }).click();
    await member.page.waitForURL((url) => url.pathname === '/sign-in');
    const after = await member.page.request.get('/api/auth/member-session');
    assert.equal(after.status(), 401, 'the member session is revoked');
    await member.context.close();

    await page.getByRole('link', { name: 'Users', exact: true }).click();
    const row = page.getByRole('row', { name: /nia@acme\.example|Nia Newcomer/ }).first();
    await row.getByText('SSO (just-in-time)', { exact: true }).waitFor();
    await screenshot(page, '34-users-sso-badge');
    await context.close();
  });

  it('requires single sign-on, keeps the break-glass admin, and explains a refused password', async () => {
    const { context, page } = await openDashboard(browser, server.baseUrl, {
      colorScheme: 'dark',
    });
    await signIn(page, server.org.adminEmail, server.org.adminPassword);
    await openSso(page);
    const policy = page.getByRole('region', { name: 'Sign-in policy' });
    const requireSso = policy.getByRole('switch', { name: 'Require single sign-on' });
    await policy
      .locator('label')
      .filter({ hasText: /^Require single sign-on/ })
      .first()
      .click();
    await policy
      .getByText(/Single sign-on is required: password sign-in is refused for everyone except/)
      .waitFor();
    assert.equal(await requireSso.isChecked(), true);
    await screenshot(page, '35-sso-policy-required-dark');

    // The organization's first admin is the break-glass account: the password still works.
    const glass = await openDashboard(browser, server.baseUrl);
    await signIn(glass.page, server.org.adminEmail, server.org.adminPassword);
    await glass.context.close();

    // The organization's page says SSO is required.
    const visitor = await openDashboard(browser, server.baseUrl);
    await visitor.page.goto(`/sign-in?org=${encodeURIComponent(slug)}`);
    await visitor.page
      .getByText(/requires single sign-on\. Password sign-in is kept only/)
      .waitFor();

    // Any other account gets 403 SSO_REQUIRED. The only admin here is the break-glass one, so
    // the answer is played back to check what the page makes of it.
    await visitor.context.route('**/api/auth/login', (route) =>
      route.fulfill({
        status: 403,
        contentType: 'application/json',
        body: JSON.stringify({
          statusCode: 403,
          code: 'SSO_REQUIRED',
          message: 'Your organization requires single sign-on.',
        }),
      }),
    );
    await visitor.page.getByLabel('Email').fill('someone@acme.example');
    await visitor.page.getByLabel('Password', { exact: true }).fill('a password');
    await visitor.page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const alert = visitor.page.getByRole('alert');
    await alert
      .getByText(/passwords are turned off\. Use “Sign in with Acme SSO” instead/)
      .waitFor();
    await screenshot(visitor.page, '36-sign-in-sso-required');

    await visitor.page.goto('/sign-in');
    await visitor.page.getByLabel('Email').fill('someone@acme.example');
    await visitor.page.getByLabel('Password', { exact: true }).fill('a password');
    await visitor.page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await visitor.page
      .getByRole('alert')
      .getByText(/Choose “Use single sign-on” below/)
      .waitFor();
    // …and the organization field is already open.
    await visitor.page
      .getByRole('form', { name: 'Use single sign-on' })
      .getByLabel('Organization')
      .waitFor();
    await visitor.context.close();

    // Back to passwords, then remove the provider.
    await policy
      .locator('label')
      .filter({ hasText: /^Require single sign-on/ })
      .first()
      .click();
    await policy.getByText(/Single sign-on is required/).waitFor({ state: 'detached' });
    const card = page.getByRole('article', { name: 'Custom OIDC' });
    await card.getByRole('button', { name: 'Remove provider' }).click();
    await page
      .getByRole('dialog')
      .getByText(/stops working at once/)
      .waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove provider' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await card.getByText('Not connected', { exact: true }).waitFor();
    await card.getByRole('button', { name: 'Save provider' }).waitFor();
    assert.equal(await requireSso.isDisabled(), true);
    await context.close();
  });
});
