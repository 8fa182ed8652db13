import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { launchBrowser, openDashboard, screenshot, signIn } from './support/browser';
import { startRollcall, type RollcallServer } from './support/rollcall-server';
import { waitForCount } from './support/wait-for';

interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver on loopback that records what it gets and answers what the test says. */
class Receiver {
  readonly requests: ReceivedRequest[] = [];
  answer = { status: 200, body: 'ok' };
  private constructor(private readonly server: Server) {}

  static async start(): Promise<Receiver> {
    const server = createServer();
    const receiver = new Receiver(server);
    server.on('request', (request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        receiver.requests.push({
          headers: request.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
        response.writeHead(receiver.answer.status, { 'Content-Type': 'text/plain' });
        response.end(receiver.answer.body);
      });
    });
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks/rollcall`;
  }

  /** Waits until `times` requests that match have arrived. */
  async waitFor(predicate: (request: ReceivedRequest) => boolean, times = 1) {
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const matching = this.requests.filter(predicate);
      if (matching.length >= times) return matching;
      await new Promise((wait) => setTimeout(wait, 100));
    }
    throw new Error(`the receiver got ${this.requests.length} requests, not the one expected`);
  }

  stop(): Promise<void> {
    return new Promise((closed) => this.server.close(() => closed()));
  }
}

function header(request: ReceivedRequest, name: string): string {
  const value = request.headers[name];
  assert.equal(typeof value, 'string', `${name} header`);
  return value as string;
}

function typeOf(request: ReceivedRequest): unknown {
  return (JSON.parse(request.body) as { type?: unknown }).type;
}

/** The newest delivery row of an event type (the table lists newest first). */
function newestDelivery(page: Page, eventType: string) {
  return page
    .getByRole('row', { name: new RegExp(`Delivery of ${eventType.replace('.', '\\.')}`) })
    .first();
}

describe('Webhooks: an endpoint added in the dashboard receives signed events', () => {
  let server: RollcallServer;
  let browser: Browser;
  let receiver: Receiver;

  before(async () => {
    receiver = await Receiver.start();
    server = await startRollcall();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    await receiver?.stop();
  });

  it('adds an endpoint, shows its secret once, delivers a signed test event, shows a failed attempt, resends and disables it', async () => {
    const { context, page } = await openDashboard(browser, server.baseUrl);
    await signIn(page, server.org.adminEmail, server.org.adminPassword);

    await page.getByRole('link', { name: /^Webhooks/ }).click();
    await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
    await page.getByText('No endpoints yet').waitFor();

    await page.getByRole('button', { name: 'Add endpoint' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add endpoint' });
    await dialog.getByRole('button', { name: 'Add endpoint' }).click();
    await dialog.getByText('Enter the URL that receives the events.').waitFor();
    await dialog.getByLabel('Endpoint URL').fill(receiver.url);
    await dialog.getByLabel('Description').fill('Seat sync');
    await dialog.getByText('All events', { exact: true }).waitFor();
    await dialog.getByRole('button', { name: 'Add endpoint' }).click();

    const added = page.getByRole('dialog', { name: 'Endpoint added' });
    const secret = await added.getByLabel('Signing secret', { exact: true }).inputValue();
    assert.match(secret, /^whsec_[A-Za-z0-9+/=]{20,}$/);
    await added.getByText(/won.t be shown again/).waitFor();
    await added.getByRole('button', { name: 'Copy Signing secret' }).waitFor();
    await added.getByText('webhook-signature', { exact: true }).waitFor();
    await screenshot(page, '60-webhook-added');
    await added.getByRole('button', { name: 'Done' }).click();
    await added.waitFor({ state: 'detached' });

    const row = page.getByRole('row', { name: new RegExp(receiver.url.replace(/[.]/g, '\\.')) });
    await row.getByText('All events', { exact: true }).waitFor();
    await row.getByText('Active', { exact: true }).waitFor();
    await row.getByText('Seat sync').waitFor();
    assert.equal(await page.getByText(secret).count(), 0, 'the secret is not shown again');
    const listed = await page.evaluate(async () => (await fetch('/api/webhooks')).text());
    assert.equal(listed.includes(secret), false, 'the API never sends the secret again');

    // A test event, received signed with the secret just shown.
    await row.getByRole('link', { name: receiver.url }).click();
    await page.getByRole('heading', { name: receiver.url, level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Send test event' }).click();
    // The endpoint takes every event, so its own webhook.created may arrive too: pick the test.
    const [delivered] = await receiver.waitFor((request) => typeOf(request) === 'webhook.test');
    assert.ok(delivered);
    const webhookId = header(delivered, 'webhook-id');
    assert.match(header(delivered, 'webhook-signature'), /^v1,/);
    const payload = new Webhook(secret).verify(delivered.body, {
      'webhook-id': webhookId,
      'webhook-timestamp': header(delivered, 'webhook-timestamp'),
      'webhook-signature': header(delivered, 'webhook-signature'),
    }) as { type: string };
    assert.equal(payload.type, 'webhook.test');
    assert.throws(() =>
      new Webhook(`whsec_${Buffer.from('not the secret').toString('base64')}`).verify(
        delivered.body,
        {
          'webhook-id': webhookId,
          'webhook-timestamp': header(delivered, 'webhook-timestamp'),
          'webhook-signature': header(delivered, 'webhook-signature'),
        },
      ),
    );
    const succeeded = newestDelivery(page, 'webhook.test');
    await succeeded.getByText('Succeeded', { exact: true }).waitFor();
    await succeeded.getByText('200', { exact: true }).waitFor();
    await succeeded.getByText(webhookId).waitFor();

    // The receiver breaks: the attempt shows its status and what the receiver said.
    receiver.answer = { status: 500, body: 'receiver down: queue full' };
    await page.getByRole('button', { name: 'Send test event' }).click();
    const [failedRequest] = await receiver.waitFor(
      (request) =>
        typeOf(request) === 'webhook.test' && request.headers['webhook-id'] !== webhookId,
    );
    assert.ok(failedRequest);
    const failedId = header(failedRequest, 'webhook-id');
    const failing = page.getByRole('row', { name: new RegExp(failedId) });
    await failing.getByText('500', { exact: true }).waitFor();
    assert.equal(await failing.getByText('Succeeded', { exact: true }).count(), 0);
    await screenshot(page, '61-webhook-deliveries');

    await failing.click();
    const drawer = page.getByRole('dialog', { name: 'Delivery' });
    const attempt = drawer.getByRole('listitem', { name: 'Attempt 1' });
    await attempt.getByText('500', { exact: true }).waitFor();
    await attempt.getByText('receiver down: queue full').waitFor();
    await drawer.getByText(failedId).first().waitFor();
    const shownPayload = await drawer.getByLabel('Payload').textContent();
    assert.match(shownPayload ?? '', /"webhook\.test"/);
    await screenshot(page, '62-webhook-delivery-drawer');

    // Resend: the same event goes out again as a new delivery, with the same webhook-id.
    await drawer.getByRole('button', { name: 'Resend' }).click();
    await page.getByText('Delivery resent').waitFor();
    await receiver.waitFor((request) => request.headers['webhook-id'] === failedId, 2);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
    await waitForCount(page.getByRole('row', { name: new RegExp(failedId) }), 2);

    // The status filter narrows the list to what succeeded.
    await page.getByRole('combobox', { name: 'Delivery status' }).click();
    await page.getByRole('option', { name: 'Succeeded', exact: true }).click();
    await waitForCount(page.getByRole('row', { name: new RegExp(failedId) }), 0);
    await newestDelivery(page, 'webhook.test').getByText(webhookId).waitFor();

    // Disable: the endpoint says so and takes no test events.
    await page.getByRole('button', { name: `Actions for ${receiver.url}` }).click();
    await page.getByRole('menuitem', { name: 'Disable…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Disable this endpoint?' });
    await confirm.getByRole('button', { name: 'Disable endpoint' }).click();
    await confirm.waitFor({ state: 'detached' });
    await page.getByText('Disabled', { exact: true }).first().waitFor();
    assert.equal(
      await page.getByRole('button', { name: 'Send test event' }).isDisabled(),
      true,
      'no test event to a disabled endpoint',
    );

    await page.getByRole('link', { name: 'Webhooks', exact: true }).first().click();
    await row.getByText('Disabled', { exact: true }).waitFor();
    await context.close();
  });
});
