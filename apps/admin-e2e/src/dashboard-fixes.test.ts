import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openDashboard, screenshot, signIn } from './support/browser';
import { startRollcall, type RollcallServer } from './support/rollcall-server';
import { ScimClient } from './support/scim-client';

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1440, height: 900 };

interface PendingList {
  teams: { team: { id: string; name: string }; deletedBy: string | null }[];
}

/** The h1 and the highlighted sidebar item, as a person reads them. */
async function headingAndActiveNav(page: Page): Promise<{ heading: string; active: string[] }> {
  const heading = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
  const active = await page
    .getByRole('navigation', { name: 'Main navigation' })
    .locator('a[data-active]')
    .allInnerTexts();
  return { heading, active: active.map((text) => text.trim()) };
}

/** Every query on the page has answered: no "Loading…" left. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => !Array.from(document.querySelectorAll('p')).some((p) => p.textContent === 'Loading…'),
  );
}

/** The page's visible text, less the parts given (cards another change owns). */
async function visibleText(page: Page, excludeSelector?: string): Promise<string> {
  return page.evaluate((exclude) => {
    const main = document.querySelector('main') ?? document.body;
    const clone = main.cloneNode(true) as HTMLElement;
    if (exclude) Array.from(clone.querySelectorAll(exclude)).forEach((node) => node.remove());
    return `${document.querySelector('nav')?.textContent ?? ''}\n${clone.textContent ?? ''}`;
  }, excludeSelector ?? null);
}

/** Every status badge (and its label) shows its whole word: nothing is cut or ellipsised. */
async function truncatedBadges(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('[data-status-badge]')).flatMap((element) => {
      const badge = element as HTMLElement;
      const label = (badge.querySelector('.mantine-Badge-label') as HTMLElement | null) ?? badge;
      const cut = [badge, label].some((node) => node.scrollWidth > node.clientWidth);
      return cut ? [`${badge.innerText} (${badge.scrollWidth}>${badge.clientWidth})`] : [];
    }),
  );
}

describe('dashboard fixes: navigation, naming, the deletion banner, purge, users at every width', () => {
  let server: RollcallServer;
  let browser: Browser;
  let scim: ScimClient;
  let platformId: string;
  const deactivated: string[] = [];

  before(async () => {
    server = await startRollcall();
    browser = await launchBrowser();
    scim = new ScimClient(server.org.scimBaseUrl, server.org.scimToken);
    const people = [
      ['Ada', 'Lovelace'],
      ['Grace', 'Hopper'],
      ['Alan', 'Turing'],
      ['Maximiliana', 'Vandenberghe-Oyelaran'],
      ['Bartholomew', 'Featherstonehaugh'],
      ['Lin', 'Wu'],
    ] as const;
    const ids: string[] = [];
    for (const [given, family] of people) {
      const user = await scim.createUser(
        `${given.toLowerCase()}.${family.toLowerCase()}@acme-corporation.example`,
        given,
        family,
      );
      ids.push(user.id);
    }
    // Deactivated is the longest status word: the one a squeezed column cut first.
    for (const id of ids.slice(3)) {
      await scim.deactivateUser(id);
      deactivated.push(id);
    }
    platformId = (await scim.createGroup('Platform', ids.slice(0, 3))).id;
    const legacy = await scim.createGroup('Legacy', ids.slice(0, 2));
    await scim.deleteGroup(legacy.id);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signedIn(viewport = LAPTOP) {
    const session = await openDashboard(browser, server.baseUrl, { viewport });
    await signIn(session.page, server.org.adminEmail, server.org.adminPassword);
    return session;
  }

  it('shows the highlighted sidebar item as the heading, on both SSO pages', async () => {
    const { context, page } = await signedIn();
    assert.match(page.url(), /\/sso\/provisioning$/);
    await page.getByRole('heading', { level: 1, name: 'Provisioning' }).waitFor();
    assert.deepEqual(await headingAndActiveNav(page), {
      heading: 'Provisioning',
      active: ['Provisioning'],
    });
    await screenshot(page, 'fix-01-provisioning-1440');

    await page.getByRole('link', { name: 'Single Sign-On', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Single Sign-On' }).waitFor();
    assert.deepEqual(await headingAndActiveNav(page), {
      heading: 'Single Sign-On',
      active: ['Single Sign-On'],
    });
    // No second navigation inside the page that could disagree with the sidebar.
    assert.equal(await page.getByRole('tablist').count(), 0);
    await screenshot(page, 'fix-01-sso-1440');
    await context.close();
  });

  it('names Microsoft Entra ID, never Azure, on the pages of this change', async () => {
    const { context, page } = await signedIn();
    const pages: [string, string][] = [
      ['/sso', 'Single Sign-On'],
      ['/sso/provisioning', 'Provisioning'],
      ['/users', 'Users'],
      ['/teams', 'Teams'],
      [`/teams/${platformId}`, 'Platform'],
      ['/pending-deletions', 'Pending deletions'],
      ['/settings', 'Settings'],
    ];
    for (const [path, heading] of pages) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await settled(page);
      // The sign-in policy card (not part of this change) still says "Connect Microsoft Azure".
      const text = await visibleText(page, '[aria-labelledby="sign-in-policy-title"]');
      assert.doesNotMatch(text, /Azure/, `"Azure" on ${path}`);
      assert.doesNotMatch(text, /Managed by Entra\b/, `a bare "Entra" badge on ${path}`);
    }
    await page.goto('/teams');
    await page
      .getByRole('row', { name: /Platform/ })
      .getByText('Managed by Microsoft Entra ID')
      .waitFor();
    await page.goto('/sso');
    await page.getByRole('article', { name: 'Microsoft Entra ID' }).waitFor();
    assert.equal(await page.getByRole('article', { name: /Azure/ }).count(), 0);
    await context.close();
  });

  it('shows the Entra deletion banner only on team pages, and Acknowledge hides it for good', async () => {
    const { context, page } = await signedIn();
    const banner = page.getByRole('status', { name: /Microsoft Entra ID deleted/ });

    await page.goto('/teams');
    await banner.getByText('Microsoft Entra ID deleted the team Legacy').waitFor();
    await screenshot(page, 'fix-03-teams-banner-1440');

    await page.goto('/no-such-page');
    await page.getByText('Page not found').waitFor();
    assert.equal(await banner.count(), 0, 'no banner on a 404');
    await page.goto('/users');
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await settled(page);
    assert.equal(await banner.count(), 0, 'no banner on Users');

    await page.goto('/pending-deletions');
    await banner.waitFor();
    await banner.getByRole('button', { name: 'Acknowledge' }).click();
    await banner.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByRole('row', { name: /Legacy/ }).waitFor();
    assert.equal(await banner.count(), 0, 'acknowledged: gone after a reload');
    await page.goto('/teams');
    await page.getByRole('row', { name: /Platform/ }).waitFor();
    assert.equal(await banner.count(), 0, 'acknowledged: gone on Teams too');
    const stored = await page.evaluate(() =>
      window.localStorage.getItem('rollcall.acknowledged-team-deletions'),
    );
    assert.match(stored ?? '', /@/, 'kept per deletion in localStorage');

    // Another browser has not acknowledged it.
    const other = await signedIn();
    await other.page.goto('/teams');
    await other.page
      .getByRole('status', { name: /Microsoft Entra ID deleted/ })
      .getByText('Microsoft Entra ID deleted the team Legacy')
      .waitFor();
    await other.context.close();
    await context.close();
  });

  it('keeps the retention window in Settings only, linked from Provisioning', async () => {
    const { context, page } = await signedIn();
    await page.goto('/sso/provisioning');
    const link = page.getByRole('link', { name: 'Change the retention window in Settings' });
    await link.waitFor();
    assert.equal(await page.getByLabel('Retention window (days)').count(), 0);
    await link.click();
    await page.waitForURL('**/settings');
    await page.getByRole('textbox', { name: 'Retention window (days)' }).waitFor();
    assert.equal(await page.getByLabel('Retention window (days)').count(), 1);
    await context.close();
  });

  it('shows the slug as read-only text with a copy button and why it matters', async () => {
    const { context, page } = await signedIn();
    const organization = (await (await page.request.get('/api/organization')).json()) as {
      slug: string;
    };
    await page.goto('/settings');
    const slug = page.getByRole('group', { name: 'Slug' });
    await slug.getByText(organization.slug, { exact: true }).waitFor();
    await slug.getByRole('button', { name: 'Copy slug' }).waitFor();
    await slug.getByText(/sign-in link/).waitFor();
    assert.equal(await slug.locator('input, textarea').count(), 0, 'the slug is not a field');
    assert.equal(await page.getByRole('textbox', { name: 'Slug' }).count(), 0);
    await screenshot(page, 'fix-07-settings-1440');
    await context.close();
  });

  it('fills every cell of the Entra attribute mapping table', async () => {
    const { context, page } = await signedIn();
    await page.goto('/sso/provisioning');
    const table = page.getByRole('table', { name: 'Attribute mappings' });
    await table.waitFor();
    const headers = (await table.locator('th').allInnerTexts()).map((text) => text.trim());
    assert.deepEqual(headers, ['Microsoft Entra ID attribute', 'Rollcall attribute']);
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) =>
          Array.from(tr.querySelectorAll('td')).map((td) => td.textContent?.trim() ?? ''),
        ),
      );
    assert.equal(rows.length, 9);
    for (const cells of rows) {
      assert.equal(cells.length, 2);
      for (const cell of cells) assert.notEqual(cell, '', `an empty cell in ${cells.join(' | ')}`);
    }
    assert.deepEqual(rows[0], ['userPrincipalName', 'userNameMatching']);
    await context.close();
  });

  it('says members are removed from the team, not deleted, when deleting it', async () => {
    const { context, page } = await signedIn();
    await page.goto(`/teams/${platformId}`);
    await page.getByRole('heading', { name: 'Platform', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Delete team' }).click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByText('3 members will be removed from the team (their accounts stay).')
      .waitFor();
    await dialog.getByText('The team holds no monitors').waitFor();
    assert.doesNotMatch(await dialog.innerText(), /delete[^.]*\d+ members?/i);
    await screenshot(page, 'fix-05-delete-dialog-1440');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await context.close();
  });

  it('purges a pending team now, after the typed confirmation, and the API no longer has it', async () => {
    const { context, page } = await signedIn();
    const before = (await (await page.request.get('/api/teams/deleted')).json()) as PendingList;
    const legacy = before.teams.find((entry) => entry.team.name === 'Legacy');
    assert.ok(legacy, 'Legacy is pending deletion');

    await page.goto('/pending-deletions');
    const row = page.getByRole('row', { name: /Legacy/ });
    await row.getByRole('button', { name: 'Restore Legacy' }).waitFor();
    await screenshot(page, 'fix-03-pending-deletions-1440');
    await row.getByRole('button', { name: 'Purge Legacy now' }).click();
    const dialog = page.getByRole('dialog', { name: 'Purge team Legacy now?' });
    await dialog.getByText(/cannot be undone/).waitFor();
    await dialog
      .getByText('2 members will be removed from the team (their accounts stay).')
      .waitFor();
    const purge = dialog.getByRole('button', { name: 'Purge now' });
    assert.equal(await purge.isDisabled(), true, 'disabled until the name is typed');
    await dialog.getByLabel('Type the team name to confirm').fill('legacy');
    assert.equal(await purge.isDisabled(), true, 'the name must match exactly');
    await dialog.getByLabel('Type the team name to confirm').fill('Legacy');
    await screenshot(page, 'fix-03-purge-dialog-1440');
    await purge.click();
    await page.getByText('Nothing is pending deletion').waitFor();

    const afterPurge = (await (await page.request.get('/api/teams/deleted')).json()) as PendingList;
    assert.equal(
      afterPurge.teams.some((entry) => entry.team.id === legacy.team.id),
      false,
      'the API lists it no more',
    );
    // A pending team's resources can be listed; a purged one is gone.
    const resources = await page.request.get(`/api/teams/${legacy.team.id}/resources`);
    assert.equal(resources.status(), 404, 'purged for good');
    await context.close();
  });

  for (const viewport of [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }, PHONE]) {
    it(`shows every status badge whole at ${viewport.width} px`, async () => {
      const { context, page } = await signedIn(viewport);
      await page.goto('/users');
      await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
      await page.locator('[data-status-badge]').first().waitFor();
      assert.equal(await page.locator('[data-status-badge]').count(), 6);
      assert.deepEqual(await truncatedBadges(page), []);
      if (viewport.width <= 600) {
        assert.equal(await page.getByRole('table').count(), 0, 'no table on a phone');
        const cards = page.getByRole('list', { name: 'Users' }).getByRole('listitem');
        assert.equal(await cards.count(), 6);
        const card = cards.filter({ hasText: 'Maximiliana Vandenberghe-Oyelaran' });
        await card
          .getByText('maximiliana.vandenberghe-oyelaran@acme-corporation.example')
          .waitFor();
        await card.getByText('Deactivated', { exact: true }).waitFor();
        await card.getByText('Member', { exact: true }).waitFor();
        for (const text of await cards.allInnerTexts()) {
          assert.match(text, /Active|Deactivated/, 'each card shows the status');
          assert.match(text, /Member|Admin|Responder|Team lead|Billing admin/, 'and the role');
        }
        await screenshot(page, 'fix-08-users-390');
      } else if (viewport.width === 1366) {
        await screenshot(page, 'fix-08-users-1366');
      }
      await context.close();
    });
  }

  it('screenshots the touched pages at 1440 and 390 px', async () => {
    for (const [viewport, suffix] of [
      [LAPTOP, '1440'],
      [PHONE, '390'],
    ] as const) {
      const { context, page } = await signedIn(viewport);
      for (const [path, name, heading] of [
        ['/sso', 'sso', 'Single Sign-On'],
        ['/sso/provisioning', 'provisioning', 'Provisioning'],
        ['/users', 'users', 'Users'],
        ['/teams', 'teams', 'Teams'],
        [`/teams/${platformId}`, 'team', 'Platform'],
        ['/pending-deletions', 'pending-deletions', 'Pending deletions'],
        ['/settings', 'settings', 'Settings'],
      ] as const) {
        await page.goto(path);
        await page.getByRole('heading', { level: 1, name: heading }).waitFor();
        await settled(page);
        await screenshot(page, `fix-page-${name}-${suffix}`);
      }
      await context.close();
    }
    assert.equal(deactivated.length, 3);
  });
});
