import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openDashboard, screenshot, signIn } from './support/browser';
import { startRollcall, type RollcallServer } from './support/rollcall-server';
import {
  EMAIL_NAME_ID_FORMAT,
  entraAttributes,
  startSamlIdp,
  type SamlIdp,
} from './support/saml-idp';
import { ScimClient } from './support/scim-client';

const SAML_BUTTON = 'Sign in with SAML SSO';

async function openSso(page: Page) {
  await page.getByRole('link', { name: 'Single Sign-On', exact: true }).click();
  await page.getByRole('article', { name: 'SAML SSO' }).waitFor();
}

/** A member session's user, as the API sees it (401 without one). */
async function memberOf(page: Page): Promise<{ status: number; userName: string | null }> {
  const response = await page.request.get('/api/auth/member-session');
  if (!response.ok()) return { status: response.status(), userName: null };
  const body = (await response.json()) as { user?: { userName?: string } };
  return { status: response.status(), userName: body.user?.userName ?? null };
}

describe('single sign-on with a SAML 2.0 identity provider', () => {
  let server: RollcallServer;
  let idp: SamlIdp;
  let browser: Browser;
  let scim: ScimClient;
  let slug = '';
  let entityId = '';
  let acsUrl = '';

  /** Entra as it signs `nameId` in by default: the UPN as an e-mail NameID, and its claims. */
  function idpSignsInAs(nameId: string) {
    idp.signInAs({
      nameId,
      nameIdFormat: EMAIL_NAME_ID_FORMAT,
      attributes: entraAttributes(nameId),
    });
  }

  /** Entra's "Test this application" / My Apps: the IdP posts an unsolicited response. */
  function idpInitiatedUrl(audience = entityId): string {
    const query = new URLSearchParams({ acs: acsUrl, audience });
    return `${idp.baseUrl}/initiate?${query.toString()}`;
  }

  before(async () => {
    server = await startRollcall();
    idp = await startSamlIdp();
    scim = new ScimClient(server.org.scimBaseUrl, server.org.scimToken);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await idp?.stop();
    await server?.stop();
  });

  it('shows the service provider values and reads the identity provider from its metadata URL', async () => {
    const { context, page } = await openDashboard(browser, server.baseUrl);
    await signIn(page, server.org.adminEmail, server.org.adminPassword);
    await openSso(page);
    const card = page.getByRole('article', { name: 'SAML SSO' });
    await card.getByText('Not connected', { exact: true }).waitFor();

    // What the admin pastes into Entra's Basic SAML Configuration, before anything is set here.
    entityId = await card.getByLabel('Identifier (Entity ID)', { exact: true }).inputValue();
    const match = /^(.+)\/saml\/([^/]+)$/.exec(entityId);
    assert.ok(match, `an entity id: ${entityId}`);
    assert.equal(match[1], server.baseUrl);
    slug = decodeURIComponent(match[2] ?? '');
    assert.match(slug, /^acme/);
    acsUrl = await card
      .getByLabel('Reply URL (Assertion Consumer Service URL)', { exact: true })
      .inputValue();
    assert.equal(acsUrl, `${server.baseUrl}/saml/${slug}/acs`);
    assert.equal(
      await card.getByLabel('Sign on URL', { exact: true }).inputValue(),
      `${server.baseUrl}/sign-in?org=${slug}`,
    );
    await card.getByRole('button', { name: 'Copy Identifier (Entity ID)' }).waitFor();

    // Mantine draws the segmented control over hidden radios: click what a person clicks.
    await card
      .locator('label')
      .filter({ hasText: /^App Federation Metadata URL$/ })
      .click();
    assert.equal(
      await card.getByRole('radio', { name: 'App Federation Metadata URL' }).isChecked(),
      true,
    );
    await card.getByRole('textbox', { name: 'App Federation Metadata URL' }).fill(idp.metadataUrl);
    await card.getByRole('button', { name: 'Save identity provider' }).click();

    await card.getByText('Connected', { exact: true }).waitFor();
    await card.getByText(idp.entityId, { exact: true }).waitFor();
    await card.getByText(idp.ssoUrl, { exact: true }).waitFor();
    await card.getByText('Metadata URL (re-read daily)', { exact: true }).waitFor();
    const certificates = card.getByRole('table', {
      name: 'Signing certificates of the identity provider',
    });
    const rows = certificates.getByRole('row').filter({ hasText: /Microsoft Azure Federated SSO/ });
    assert.equal(await rows.count(), 1, 'one signing certificate, from the metadata');
    await rows.getByText('Valid', { exact: true }).waitFor();
    // The status badge is drawn whole, not cut to "Va…" by the narrow card.
    const badge = rows.locator('.mantine-Badge-root').first();
    const clipped = await badge.evaluate((element) =>
      [element, ...Array.from(element.querySelectorAll('*'))].some(
        (e) => e.scrollWidth > e.clientWidth + 1,
      ),
    );
    assert.equal(clipped, false, 'the certificate status badge is truncated');
    assert.equal(
      await card.getByLabel('SAML sign-in link', { exact: true }).inputValue(),
      `${server.baseUrl}/api/auth/saml/${slug}`,
    );
    await screenshot(page, '80-sso-saml-connected');
    await context.close();
  });

  it('signs a provisioned member in, SP-initiated, from the organization’s sign-in page', async () => {
    const userName = 'grace.hopper@acme.example';
    await scim.createUser(userName, 'Grace', 'Hopper');
    idpSignsInAs(userName);

    const { context, page } = await openDashboard(browser, server.baseUrl);
    const visited: string[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) visited.push(frame.url());
    });
    await page.goto(`/sign-in?org=${encodeURIComponent(slug)}`);
    await page.getByRole('heading', { name: 'Sign in to Acme' }).waitFor();
    const button = page.getByRole('link', { name: SAML_BUTTON });
    assert.equal(await button.getAttribute('href'), `${server.baseUrl}/api/auth/saml/${slug}`);
    await screenshot(page, '81-sign-in-saml');

    // Rollcall → the IdP's SSO URL with an AuthnRequest → its auto-posting page → the ACS.
    await button.click();
    await page.waitForURL((url) => url.pathname === '/signed-in' && url.origin === server.baseUrl, {
      timeout: 20_000,
    });
    assert.ok(
      visited.some((url) => url.startsWith(`${idp.ssoUrl}?SAMLRequest=`)),
      `went through the IdP: ${visited.join(' → ')}`,
    );
    const landing = page.getByRole('main');
    await landing.getByRole('heading', { name: 'You are signed in' }).waitFor();
    await landing.getByText(userName, { exact: true }).waitFor();
    assert.equal(await page.getByRole('alert').count(), 0, 'no refusal');
    assert.deepEqual(await memberOf(page), { status: 200, userName });
    await context.close();
  });

  it('signs in IdP-initiated: a member, then the admin once they linked their account', async () => {
    const userName = 'katherine.johnson@acme.example';
    await scim.createUser(userName, 'Katherine', 'Johnson');
    idpSignsInAs(userName);
    const member = await openDashboard(browser, server.baseUrl);
    await member.page.goto(idpInitiatedUrl());
    await member.page.waitForURL(
      (url) => url.pathname === '/signed-in' && url.origin === server.baseUrl,
      { timeout: 20_000 },
    );
    await member.page.getByRole('main').getByText(userName, { exact: true }).waitFor();
    assert.deepEqual(await memberOf(member.page), { status: 200, userName });
    await member.context.close();

    // The admin's own address from the IdP is not enough: without a link, no dashboard (and
    // the admin is no provisioned member either).
    idpSignsInAs(server.org.adminEmail);
    const unlinked = await openDashboard(browser, server.baseUrl);
    await unlinked.page.goto(idpInitiatedUrl());
    await unlinked.page.waitForURL(
      (url) => url.pathname === '/sign-in' && url.searchParams.get('error') === 'not_provisioned',
      { timeout: 20_000 },
    );
    await unlinked.page
      .getByRole('alert')
      .getByText(/^There is no Rollcall account for you in this organization yet/)
      .waitFor();
    assert.equal((await unlinked.page.request.get('/api/auth/session')).status(), 401);
    await unlinked.context.close();

    // The admin links their account: an SP-initiated round trip that ends on the SSO page.
    const { context, page } = await openDashboard(browser, server.baseUrl);
    await signIn(page, server.org.adminEmail, server.org.adminPassword);
    await openSso(page);
    const mine = page
      .getByRole('article', { name: 'SAML SSO' })
      .getByRole('group', { name: 'Your SAML SSO account' });
    await mine.getByText(/opens your admin dashboard only once you link/).waitFor();
    await mine.getByRole('button', { name: 'Link my SAML SSO account' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Your account at your SAML identity provider is linked' })
      .waitFor({ timeout: 20_000 });
    assert.equal(new URL(page.url()).pathname, '/sso');
    await mine.getByText(`${server.org.adminEmail} (linked`, { exact: false }).waitFor();
    await context.close();

    // Now the IdP's unsolicited response opens the dashboard (`/`) as that admin.
    const admin = await openDashboard(browser, server.baseUrl);
    const landedOn: string[] = [];
    admin.page.on('framenavigated', (frame) => {
      if (frame === admin.page.mainFrame()) landedOn.push(frame.url());
    });
    await admin.page.goto(idpInitiatedUrl());
    await admin.page
      .getByRole('navigation', { name: 'Main navigation' })
      .waitFor({ timeout: 20_000 });
    assert.ok(
      landedOn.includes(`${server.baseUrl}/`),
      `the ACS sends the admin to the dashboard: ${landedOn.join(' → ')}`,
    );
    await admin.page
      .getByRole('button', { name: 'Account menu' })
      .getByText(server.org.adminEmail)
      .waitFor();
    await admin.context.close();
  });

  it('explains a refused response on the sign-in page and signs no one in', async () => {
    idpSignsInAs('grace.hopper@acme.example');

    // A response meant for another application (the IdP's Identifier is wrong).
    const wrongApp = await openDashboard(browser, server.baseUrl);
    await wrongApp.page.goto(idpInitiatedUrl(`${server.baseUrl}/saml/another-org`));
    await wrongApp.page.waitForURL(
      (url) =>
        url.pathname === '/sign-in' &&
        url.searchParams.get('error') === 'saml_rejected' &&
        url.searchParams.get('reason') === 'audience',
      { timeout: 20_000 },
    );
    const audience = wrongApp.page.getByRole('alert');
    await audience.getByText('Could not sign you in', { exact: true }).waitFor();
    await audience
      .getByText(
        /^The SAML response was meant for another application\. The Identifier \(Entity ID\) in your identity provider must be /,
      )
      .waitFor();
    assert.equal((await memberOf(wrongApp.page)).status, 401, 'no member session');
    await wrongApp.context.close();

    // The IdP rolls its signing certificate over before Rollcall re-reads its metadata.
    await idp.rolloverTo();
    const { context, page } = await openDashboard(browser, server.baseUrl);
    await page.goto(`/sign-in?org=${encodeURIComponent(slug)}`);
    await page.getByRole('link', { name: SAML_BUTTON }).click();
    await page.waitForURL(
      (url) => url.pathname === '/sign-in' && url.searchParams.get('reason') === 'signature',
      { timeout: 20_000 },
    );
    await page
      .getByRole('alert')
      .getByText(
        /^The SAML response was not signed by a certificate configured in Rollcall\. An administrator should re-read the identity provider’s metadata/,
      )
      .waitFor();
    assert.equal((await memberOf(page)).status, 401, 'no member session');
    assert.equal((await page.request.get('/api/auth/session')).status(), 401, 'no admin session');
    await screenshot(page, '82-sign-in-saml-rejected');

    // What the message says to do: the admin saves the metadata URL again, which reads the new
    // certificate, and the same sign-in works.
    const admin = await openDashboard(browser, server.baseUrl);
    await signIn(admin.page, server.org.adminEmail, server.org.adminPassword);
    await openSso(admin.page);
    const card = admin.page.getByRole('article', { name: 'SAML SSO' });
    await card.getByRole('button', { name: 'Edit', exact: true }).click();
    await card.getByRole('button', { name: 'Save identity provider' }).click();
    const rows = card
      .getByRole('table', { name: 'Signing certificates of the identity provider' })
      .getByRole('row')
      .filter({ hasText: /Microsoft Azure Federated SSO/ });
    await rows.nth(1).waitFor();
    assert.equal(await rows.count(), 2, 'the old and the new certificate');
    await admin.context.close();

    await page.goto(`/sign-in?org=${encodeURIComponent(slug)}`);
    await page.getByRole('link', { name: SAML_BUTTON }).click();
    await page.waitForURL((url) => url.pathname === '/signed-in', { timeout: 20_000 });
    assert.deepEqual(await memberOf(page), {
      status: 200,
      userName: 'grace.hopper@acme.example',
    });
    await context.close();
  });
});
