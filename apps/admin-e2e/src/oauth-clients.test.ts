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

/** What Entra's provisioning service does: client credentials over HTTP Basic (RFC 6749 §2.3.1). */
async function requestToken(tokenEndpoint: string, clientId: string, clientSecret: string) {
  const basic = Buffer.from(
    `${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`,
  ).toString('base64');
  const response = await fetch(tokenEndpoint, {
    method: 'POST',
    headers: {
      Authorization: `Basic ${basic}`,
      'Content-Type': 'application/x-www-form-urlencoded',
      Accept: 'application/json',
    },
    body: new URLSearchParams({ grant_type: 'client_credentials' }).toString(),
  });
  const body = (await response.json()) as Record<string, unknown>;
  return { status: response.status, body };
}

describe('provisioning: OAuth clients and federated credentials for Entra gallery apps', () => {
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

  it('creates a client whose secret gets a token that works on SCIM, rotates it, and revokes it', async () => {
    const { context, page } = await openDashboard(browser, server.baseUrl);
    await signIn(page, server.org.adminEmail, server.org.adminPassword);
    await page.getByRole('link', { name: 'Provisioning', exact: true }).click();
    // The CLI's organization has provisioning on; a fresh one would need Enable provisioning.
    const enable = page.getByRole('button', { name: 'Enable provisioning' });
    if (await enable.isVisible()) await enable.click();
    await page.getByRole('heading', { name: 'Admin credentials' }).waitFor();

    const section = page.getByRole('region', { name: 'OAuth authentication' });
    await section.getByText('No OAuth clients yet').waitFor();
    await section.getByText('No federated credentials yet').waitFor();
    await section.getByText(/Microsoft requires apps listed in the Entra gallery/).waitFor();
    const tokenEndpoint = await section.getByLabel('Token endpoint', { exact: true }).inputValue();
    assert.equal(tokenEndpoint, `${server.baseUrl}/oauth/token`);
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, '20-oauth-empty');

    // Out-of-bounds lifetimes are caught before the request.
    await section.getByRole('button', { name: 'Create OAuth client' }).click();
    const modal = page.getByRole('dialog', { name: 'Create OAuth client' });
    await modal.getByLabel('Name').fill('Entra gallery app');
    const lifetime = modal.getByLabel('Access token lifetime (minutes)');
    await lifetime.fill('30');
    await modal.getByLabel('Secret lifetime (days)').fill('730');
    await modal.getByRole('button', { name: 'Create OAuth client' }).click();
    await modal.getByText('Between 60 and 360 minutes.').waitFor();
    await lifetime.fill('120');
    await modal.getByRole('button', { name: 'Create OAuth client' }).click();

    const created = page.getByRole('dialog', { name: 'OAuth client created' });
    await created.getByText(/it won't be shown again/).waitFor();
    const clientId = await created.getByLabel('Client ID', { exact: true }).inputValue();
    const clientSecret = await created.getByLabel('Client secret', { exact: true }).inputValue();
    assert.ok(clientId.length > 0, 'a client id');
    assert.ok(clientSecret.length >= 32, 'a long random secret');
    await created.getByRole('button', { name: 'Copy Client secret' }).waitFor();
    await screenshot(page, '21-oauth-client-created');
    await created.getByRole('button', { name: 'Done' }).click();
    await created.waitFor({ state: 'detached' });

    // The table lists it without the secret: its prefix, lifetime and "never used".
    const clients = page.getByRole('table', { name: 'OAuth clients' });
    const row = clients.getByRole('row', { name: 'Entra gallery app' });
    await row.getByText('2 hours').waitFor();
    assert.equal(await row.getByText(clientSecret).count(), 0, 'the secret is not shown again');
    assert.equal(await page.getByText(clientSecret).count(), 0);
    await row.getByText(clientId).waitFor();
    await row.getByRole('button', { name: 'Copy client ID of Entra gallery app' }).waitFor();

    // What Entra does with them: a token, then SCIM with it.
    const token = await requestToken(tokenEndpoint, clientId, clientSecret);
    assert.equal(token.status, 200, JSON.stringify(token.body));
    assert.equal(token.body['token_type'], 'Bearer');
    assert.equal(token.body['expires_in'], 7200);
    const accessToken = String(token.body['access_token']);
    const scim = new ScimClient(server.org.scimBaseUrl, accessToken);
    const users = await scim.request('GET', '/Users');
    assert.equal(users.status, 200);
    assert.deepEqual(users.body?.['schemas'], [
      'urn:ietf:params:scim:api:messages:2.0:ListResponse',
    ]);

    // The dashboard shows the use.
    await page.reload();
    const usedRow = page
      .getByRole('table', { name: 'OAuth clients' })
      .getByRole('row', { name: 'Entra gallery app' });
    await usedRow.getByText('Never').waitFor({ state: 'detached' });

    // Rotation: a second secret, shown once; both work until the old one is revoked.
    await usedRow.getByRole('button', { name: 'New secret for Entra gallery app' }).click();
    const rotate = page.getByRole('dialog', { name: 'New secret for Entra gallery app' });
    await rotate.getByText('Two secrets overlap during a rotation').waitFor();
    await rotate.getByRole('button', { name: 'Create secret' }).click();
    const second = await rotate.getByLabel('Client secret', { exact: true }).inputValue();
    assert.notEqual(second, clientSecret);
    await screenshot(page, '22-oauth-new-secret');
    await rotate.getByRole('button', { name: 'Done' }).click();
    await rotate.waitFor({ state: 'detached' });
    const secrets = usedRow.getByRole('list', { name: 'Secrets of Entra gallery app' });
    await secrets.getByRole('listitem').nth(1).waitFor();
    assert.equal(await secrets.getByRole('listitem').count(), 2);
    assert.equal((await requestToken(tokenEndpoint, clientId, second)).status, 200);
    assert.equal((await requestToken(tokenEndpoint, clientId, clientSecret)).status, 200);

    // Revoke the first secret (its prefix is the start of the secret itself).
    const revokeButtons = await secrets.getByRole('button', { name: /^Revoke secret / }).all();
    const names: string[] = [];
    let revokedFirst = false;
    for (const button of revokeButtons) {
      const prefix = ((await button.getAttribute('aria-label')) ?? '').replace(
        /^Revoke secret /,
        '',
      );
      names.push(prefix);
      if (prefix && clientSecret.startsWith(prefix) && !second.startsWith(prefix)) {
        await button.click();
        await confirmModal(page, 'Revoke secret');
        revokedFirst = true;
        break;
      }
    }
    assert.ok(revokedFirst, `the first secret is listed by its prefix: ${names.join(', ')}`);
    await secrets.getByText('Revoked', { exact: true }).waitFor();
    assert.equal((await requestToken(tokenEndpoint, clientId, clientSecret)).status, 401);
    assert.equal((await requestToken(tokenEndpoint, clientId, second)).status, 200);
    await screenshot(page, '23-oauth-rotated');

    // Revoke the client: Entra's next token request is refused.
    await usedRow.getByRole('button', { name: 'Revoke client Entra gallery app' }).click();
    await page
      .getByRole('dialog')
      .getByText(/refused at once/)
      .waitFor();
    await confirmModal(page, 'Revoke client');
    await usedRow.getByText('Revoked', { exact: true }).first().waitFor();
    assert.equal(await secrets.getByText('Live', { exact: true }).count(), 0, 'no live secret');
    assert.equal(
      await usedRow.getByRole('button', { name: /New secret|Revoke client/ }).count(),
      0,
      'a revoked client has no actions',
    );
    const refused = await requestToken(tokenEndpoint, clientId, second);
    assert.equal(refused.status, 401);
    assert.equal(refused.body['error'], 'invalid_client');
    await context.close();
  });

  it('adds and revokes a federated credential, showing the audience Rollcall assigned to copy', async () => {
    const { context, page } = await openDashboard(browser, server.baseUrl, {
      colorScheme: 'dark',
    });
    await signIn(page, server.org.adminEmail, server.org.adminPassword);
    await page.goto('/sso/provisioning');
    const section = page.getByRole('region', { name: 'OAuth authentication' });
    await section.getByRole('button', { name: 'Add federated credential' }).click();
    const modal = page.getByRole('dialog', { name: 'Add federated credential' });
    // The audience is not the admin's to choose: no field for it.
    assert.equal(await modal.getByLabel('Audience').count(), 0);

    // The issuer must be https: caught before the request.
    await modal.getByLabel('Name').fill('Contoso provisioning');
    await modal.getByLabel('Issuer').fill('http://login.example.com/tenant/v2.0');
    await modal.getByLabel('Subject').fill('6f1c1b1e-0000-4000-8000-00000000a11c');
    await modal.getByRole('button', { name: 'Add federated credential' }).click();
    await modal.getByText('The issuer must use https.').waitFor();
    const issuer = 'https://login.microsoftonline.com/3f0c1b1e-0000-4000-8000-000000000001/v2.0';
    await modal.getByLabel('Issuer').fill(issuer);
    await modal
      .getByLabel('JWKS URI', { exact: true })
      .fill(
        'https://login.microsoftonline.com/3f0c1b1e-0000-4000-8000-000000000001/discovery/v2.0/keys',
      );
    await screenshot(page, '24-federated-credential-form-dark');
    await modal.getByRole('button', { name: 'Add federated credential' }).click();
    await modal.waitFor({ state: 'detached' });

    const table = page.getByRole('table', { name: 'Federated credentials' });
    const row = table.getByRole('row', { name: 'Contoso provisioning' });
    await row.getByText(issuer).waitFor();
    await row.getByText('6f1c1b1e-0000-4000-8000-00000000a11c').waitFor();
    const audience = row.getByText(
      /^api:\/\/3f0c1b1e-0000-4000-8000-000000000001\/rollcall-scim-[0-9a-f]{32}$/,
    );
    await audience.waitFor();
    await row.getByRole('button', { name: 'Copy audience' }).waitFor();
    await row.getByText('Never', { exact: true }).waitFor();
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, '25-federated-credentials-dark');

    await row.getByRole('button', { name: 'Revoke Contoso provisioning' }).click();
    await confirmModal(page, 'Revoke credential');
    await row.getByText('Revoked', { exact: true }).waitFor();
    assert.equal(await row.getByRole('button', { name: /^Revoke/ }).count(), 0);
    await context.close();
  });
});
