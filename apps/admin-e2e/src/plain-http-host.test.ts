import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, openDashboard, screenshot, signIn } from './support/browser';
import { startRollcall, type RollcallServer } from './support/rollcall-server';

// A deployment reached over plain http on a host name that is not localhost (a VM, a
// compose stack on a LAN): browsers treat it as insecure, so anything that assumes https
// (upgrade-insecure-requests, HSTS, Secure cookies) leaves the dashboard blank or signed out.
const HOST = 'rollcall-vm.test';

describe(`the dashboard over http://${HOST}`, () => {
  let server: RollcallServer;
  let browser: Browser;
  let origin: string;

  before(async () => {
    server = await startRollcall('Acme', {}, HOST);
    origin = `http://${HOST}:${server.port}`;
    browser = await launchBrowser([`--host-resolver-rules=MAP ${HOST} 127.0.0.1`]);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the sign-in form, signs in and keeps the session across a reload', async () => {
    const { context, page } = await openDashboard(browser, origin);
    const failedRequests: string[] = [];
    page.on('requestfailed', (request) => {
      // A fetch cut short by the page moving on is not a failure of the transport.
      if (request.failure()?.errorText !== 'net::ERR_ABORTED') failedRequests.push(request.url());
    });
    await page.goto('/');
    await page.waitForURL('**/sign-in');
    await page.getByLabel('Email').waitFor();
    await screenshot(page, '00-plain-http-sign-in');
    await signIn(page, server.org.adminEmail, server.org.adminPassword);
    await page.reload();
    await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
    assert.ok(page.url().startsWith(`${origin}/`), `stayed on http: ${page.url()}`);
    assert.deepEqual(failedRequests, []);
    await context.close();
  });

  it('renders the API docs (Swagger UI) with their assets', async () => {
    const { context, page } = await openDashboard(browser, origin);
    const failedRequests: string[] = [];
    page.on('requestfailed', (request) => {
      // A fetch cut short by the page moving on is not a failure of the transport.
      if (request.failure()?.errorText !== 'net::ERR_ABORTED') failedRequests.push(request.url());
    });
    await page.goto('/api/docs');
    await page.locator('.swagger-ui .info .title').waitFor();
    assert.match(await page.locator('.swagger-ui .info .title').innerText(), /Rollcall/);
    assert.deepEqual(failedRequests, []);
    await context.close();
  });
});
