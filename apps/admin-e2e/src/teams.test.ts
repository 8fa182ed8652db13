import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openDashboard, screenshot, signIn } from './support/browser';
import { startRollcall, type RollcallServer } from './support/rollcall-server';
import { ScimClient } from './support/scim-client';

async function addResource(page: Page, kind: string, name: string) {
  const form = page.getByRole('form', { name: 'Add resource' });
  await form.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: kind, exact: true }).click();
  await form.getByLabel('Resource name').fill(name);
  await form.getByRole('button', { name: 'Add resource' }).click();
  await page.getByText(name, { exact: true }).first().waitFor();
}

describe('teams: the delete warning, pending deletions and restore', () => {
  let server: RollcallServer;
  let browser: Browser;
  let scim: ScimClient;
  let groupId: string;

  before(async () => {
    server = await startRollcall();
    browser = await launchBrowser();
    scim = new ScimClient(server.org.scimBaseUrl, server.org.scimToken);
    const members = [];
    for (const [given, family] of [
      ['Ada', 'Lovelace'],
      ['Grace', 'Hopper'],
      ['Alan', 'Turing'],
    ] as const) {
      members.push(await scim.createUser(`${given.toLowerCase()}@acme.example`, given, family));
    }
    groupId = (
      await scim.createGroup(
        'Platform',
        members.map((member) => member.id),
      )
    ).id;
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows what a delete destroys, needs the name typed, and can be undone', async () => {
    const { context, page } = await openDashboard(browser, server.baseUrl);
    await signIn(page, server.org.adminEmail, server.org.adminPassword);

    await page.getByRole('link', { name: 'Teams', exact: true }).click();
    const row = page.getByRole('row', { name: /Platform/ });
    await row.getByText('Managed by Microsoft Entra ID').waitFor();
    await row.getByText('3 members').waitFor();
    await row.getByRole('link', { name: 'Platform' }).click();
    await page.getByRole('heading', { name: 'Platform', level: 1 }).waitFor();

    await addResource(page, 'Monitor', 'api.acme.example');
    await addResource(page, 'Monitor', 'www.acme.example');
    await addResource(page, 'Monitor', 'status.acme.example');
    await addResource(page, 'Status page', 'Acme status');
    await page.getByText('3 monitors, 1 status page, 3 members').first().waitFor();
    await screenshot(page, '05-team-detail');

    await page.getByRole('button', { name: 'Delete team' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('This will delete 3 monitors and 1 status page.').waitFor();
    await dialog
      .getByText('3 members will be removed from the team (their accounts stay).')
      .waitFor();
    await dialog.getByText(/Pending deletions for 30 days/).waitFor();
    await dialog.getByText(/Entra deletes or recreates it according to its assignments/).waitFor();
    const confirm = dialog.getByLabel('Type the team name to confirm');
    const deleteButton = dialog.getByRole('button', { name: 'Delete', exact: true });
    assert.equal(
      await deleteButton.isDisabled(),
      true,
      'Delete is disabled before the name is typed',
    );
    await confirm.fill('platform');
    assert.equal(await deleteButton.isDisabled(), true, 'the name must match exactly');
    await confirm.fill('Platform');
    assert.equal(await deleteButton.isEnabled(), true, 'Delete is enabled once the name matches');
    await screenshot(page, '06-delete-team-dialog');
    await deleteButton.click();
    await page.waitForURL('**/teams');
    await page.getByText('No teams yet').waitFor();

    await page.getByRole('link', { name: 'Pending deletions' }).click();
    const pending = page.getByRole('row', { name: /Platform/ });
    await pending.getByText('3 monitors, 1 status page, 3 members').waitFor();
    await pending.getByText(server.org.adminEmail).waitFor();
    await screenshot(page, '07-pending-deletions');
    await pending.getByRole('button', { name: /Restore/ }).click();
    await page.getByText('Nothing is pending deletion').waitFor();

    await page.getByRole('link', { name: 'Teams', exact: true }).click();
    await page
      .getByRole('row', { name: /Platform/ })
      .getByText('3 members')
      .waitFor();
    await screenshot(page, '04-teams');
    await context.close();
  });

  it('warns on the team pages when Entra deletes a group, and restores it', async () => {
    await scim.deleteGroup(groupId);
    const { context, page } = await openDashboard(browser, server.baseUrl);
    await signIn(page, server.org.adminEmail, server.org.adminPassword);
    const banner = page.getByRole('status', { name: /Microsoft Entra ID deleted/ });
    await page.goto('/teams');
    await banner.getByText('Microsoft Entra ID deleted the team Platform').waitFor();
    await screenshot(page, '08-provisioning-delete-banner');

    await banner.getByRole('link', { name: 'Review pending deletions' }).click();
    const pending = page.getByRole('row', { name: /Platform/ });
    await pending.getByText(/Microsoft Entra ID \(token rcs_/).waitFor();
    await pending.getByRole('button', { name: /Restore/ }).click();
    await page.getByText('Nothing is pending deletion').waitFor();
    await page.getByRole('link', { name: 'Teams', exact: true }).click();
    await page.getByRole('row', { name: /Platform/ }).waitFor();
    assert.equal(await page.getByRole('status', { name: /Microsoft Entra ID deleted/ }).count(), 0);
    await context.close();
  });

  it('creates a manual team', async () => {
    const { context, page } = await openDashboard(browser, server.baseUrl);
    await signIn(page, server.org.adminEmail, server.org.adminPassword);
    await page.goto('/teams');
    await page.getByRole('button', { name: 'Create team' }).click();
    await page.getByRole('dialog').getByLabel('Team name').fill('Support');
    await page.getByRole('dialog').getByRole('button', { name: 'Create team' }).click();
    await page.getByRole('heading', { name: 'Support', level: 1 }).waitFor();
    await page.getByText('Manual', { exact: true }).waitFor();
    await context.close();
  });
});
