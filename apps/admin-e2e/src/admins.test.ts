import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { launchBrowser, openDashboard, screenshot, signIn } from './support/browser';
import { startRollcall, type RollcallServer } from './support/rollcall-server';

// Admins as a team in Chromium: the owner invites a viewer with SMTP configured, the e-mail
// arrives at an SMTP server this test runs, the viewer accepts in a fresh browser and gets a
// read-only dashboard (the API refuses their writes), and the owner promotes them.

interface ReceivedMail {
  to: string[];
  raw: string;
}

const VIEWER = 'vera@acme.example';
const VIEWER_PASSWORD = 'violet mountain lantern';

/** The text part is quoted-printable: soft line breaks and =XX escapes. */
function decodeQuotedPrintable(text: string): string {
  return text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function invitationLinkIn(mail: ReceivedMail): string {
  const match = /https?:\/\/[^\s"<>]+\/invitations\/[A-Za-z0-9_-]{43}/.exec(
    decodeQuotedPrintable(mail.raw),
  );
  if (!match) throw new Error(`no invitation link in the mail:\n${mail.raw}`);
  return match[0];
}

/** A write with the page's own session: its cookie, and the CSRF token of that session. */
async function createTeamAs(page: Page): Promise<{ status: number; code?: string }> {
  return page.evaluate(async () => {
    const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
    const response = await fetch('/api/teams', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrfToken },
      body: JSON.stringify({ name: 'Made by a viewer' }),
    });
    const body = (await response.json()) as { code?: string };
    return { status: response.status, code: body.code };
  });
}

async function waitForMail(mails: ReceivedMail[], timeoutMs = 10_000): Promise<ReceivedMail> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const [mail] = mails;
    if (mail) return mail;
    await new Promise((wait) => setTimeout(wait, 100));
  }
  throw new Error(`no e-mail arrived in ${timeoutMs} ms`);
}

const READ_ONLY_BANNER = 'You have read-only access (viewer).';

describe('admins: invite by e-mail, accept, read-only viewer, role change', () => {
  const mails: ReceivedMail[] = [];
  let smtp: SMTPServer;
  let server: RollcallServer;
  let browser: Browser;

  before(async () => {
    smtp = new SMTPServer({
      secure: false,
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
        stream.on('end', () => {
          mails.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const smtpPort = (smtp.server.address() as AddressInfo).port;
    server = await startRollcall('Acme', { SMTP_URL: `smtp://127.0.0.1:${smtpPort}` });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (smtp) await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('lets the owner invite a viewer who accepts from the e-mail and gets a read-only dashboard', async () => {
    const owner = await openDashboard(browser, server.baseUrl);
    await signIn(owner.page, server.org.adminEmail, server.org.adminPassword);

    await owner.page.getByRole('link', { name: 'Admins', exact: true }).click();
    await owner.page.getByRole('heading', { name: 'Admins', level: 1 }).waitFor();
    const admins = owner.page.getByRole('table', { name: 'Admins' });
    const ownerRow = admins.getByRole('row', { name: new RegExp(server.org.adminEmail) });
    await ownerRow.getByText('You', { exact: true }).waitFor();
    await ownerRow.getByText('Owner', { exact: true }).waitFor();

    await owner.page.getByRole('button', { name: 'Invite admin' }).click();
    const dialog = owner.page.getByRole('dialog', { name: 'Invite admin' });
    await dialog.getByRole('textbox', { name: 'E-mail' }).fill(VIEWER);
    await dialog.getByRole('combobox', { name: 'Role' }).click();
    await owner.page.getByRole('option', { name: /Viewer/ }).click();
    await dialog.getByText(/Read-only: sees every page/).waitFor();
    await screenshot(owner.page, '60-admins-invite-modal');
    await dialog.getByRole('button', { name: 'Send invitation' }).click();

    const created = owner.page.getByRole('dialog', { name: 'Invitation created' });
    await created.getByText(/e-mailed to/).waitFor();
    // E-mailed: the link is not on screen for the inviter to copy.
    assert.equal(await created.getByLabel('Invitation link').count(), 0);
    await created.getByRole('button', { name: 'Done' }).click();
    await created.waitFor({ state: 'detached' });
    const pending = owner.page.getByRole('table', { name: 'Pending invitations' });
    const pendingRow = pending.getByRole('row', { name: new RegExp(VIEWER) });
    await pendingRow.getByText('Viewer', { exact: true }).waitFor();
    await screenshot(owner.page, '61-admins-page');

    const mail = await waitForMail(mails);
    assert.deepEqual(mail.to, [VIEWER]);
    assert.match(mail.raw, /^Subject: .*Acme/im);
    const link = invitationLinkIn(mail);
    assert.ok(link.startsWith(server.baseUrl), `${link} is on ${server.baseUrl}`);

    // The accept page on a phone, before accepting (looking does not use the link).
    const phone = await openDashboard(browser, server.baseUrl, {
      viewport: { width: 390, height: 844 },
    });
    await phone.page.goto(link);
    await phone.page.getByRole('heading', { name: 'Join Acme' }).waitFor();
    await screenshot(phone.page, '62-accept-invitation-390');
    await phone.context.close();

    // The invited person: a fresh browser, no session.
    const viewer = await openDashboard(browser, server.baseUrl);
    await viewer.page.goto(link);
    await viewer.page.getByRole('heading', { name: 'Join Acme' }).waitFor();
    await viewer.page.getByText(/as a viewer/).waitFor();
    assert.equal(await viewer.page.getByRole('textbox', { name: 'Email' }).inputValue(), VIEWER);
    await screenshot(viewer.page, '63-accept-invitation');

    // The form's rules before the API's.
    await viewer.page.getByLabel('Password', { exact: true }).fill('short');
    await viewer.page.getByLabel('Confirm password').fill('shorter');
    await viewer.page.getByRole('button', { name: 'Set password and continue' }).click();
    await viewer.page.getByText('Too short: use at least 8 characters.').waitFor();
    await viewer.page.getByText('The passwords do not match.').waitFor();

    await viewer.page.getByLabel('Password', { exact: true }).fill(VIEWER_PASSWORD);
    await viewer.page.getByLabel('Confirm password').fill(VIEWER_PASSWORD);
    await viewer.page.getByRole('button', { name: 'Set password and continue' }).click();
    await viewer.page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
    await viewer.page.getByText(READ_ONLY_BANNER).waitFor();

    await viewer.page.getByRole('link', { name: 'Teams', exact: true }).click();
    await viewer.page.getByRole('heading', { name: 'Teams', level: 1 }).waitFor();
    const createTeam = viewer.page.getByRole('button', { name: 'Create team' });
    assert.equal(await createTeam.isDisabled(), true, 'a viewer cannot press Create team');
    assert.deepEqual(await createTeamAs(viewer.page), { status: 403, code: 'ROLE_FORBIDDEN' });

    await viewer.page.getByRole('link', { name: 'Admins', exact: true }).click();
    await viewer.page.getByRole('heading', { name: 'Admins', level: 1 }).waitFor();
    await viewer.page.getByText('Only an owner can invite, remove or change admins.').waitFor();
    assert.equal(await viewer.page.getByRole('button', { name: 'Invite admin' }).count(), 0);
    await screenshot(viewer.page, '64-admins-page-viewer');

    // The link worked once.
    const again = await fetch(`${server.baseUrl}/api/invitations/${link.split('/').pop() ?? ''}`);
    assert.equal(again.status, 404);

    // The owner sees the new admin (no longer pending) and makes them an admin.
    await owner.page.reload();
    const viewerRow = admins.getByRole('row', { name: new RegExp(VIEWER) });
    const roleSelect = viewerRow.getByRole('combobox', { name: `Role of ${VIEWER}` });
    assert.equal(await roleSelect.inputValue(), 'Viewer');
    await owner.page.getByText('No invitations waiting.', { exact: false }).waitFor();
    await screenshot(owner.page, '65-admins-page-with-viewer');
    await roleSelect.click();
    await owner.page.getByRole('option', { name: 'Admin', exact: true }).click();
    await owner.page.getByText(`${VIEWER} is now admin.`).waitFor();
    assert.equal(await roleSelect.inputValue(), 'Admin');

    // At their next page load the viewer is an admin: no banner, the controls work.
    await viewer.page.goto('/teams');
    await viewer.page.getByRole('heading', { name: 'Teams', level: 1 }).waitFor();
    await viewer.page.getByRole('button', { name: 'Create team' }).waitFor();
    assert.equal(await viewer.page.getByText(READ_ONLY_BANNER).count(), 0);
    assert.equal(
      await viewer.page.getByRole('button', { name: 'Create team' }).isDisabled(),
      false,
    );

    // The Admins page on a phone, as the owner.
    await owner.page.setViewportSize({ width: 390, height: 844 });
    await owner.page.reload();
    await admins.waitFor();
    await screenshot(owner.page, '66-admins-page-390');

    await viewer.context.close();
    await owner.context.close();
  });
});
