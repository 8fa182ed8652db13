import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openDashboard, screenshot, signIn } from './support/browser';
import { startRollcall, type RollcallServer } from './support/rollcall-server';

const NAV_LINKS = [
  'Single Sign-On',
  'Provisioning',
  'Users',
  'Teams',
  'Pending deletions',
  'Provisioning log',
  'Activity',
  'Webhooks',
  'Settings',
  'API keys',
  'Admins',
];

interface FocusStop {
  name: string;
  tag: string;
  borderColor: string;
  inNavigation: boolean;
  outlineStyle: string;
  outlineWidth: number;
  width: number;
}

/** What has focus, and whether a person can see it (a ring drawn by outline). */
function focused(page: Page): Promise<FocusStop> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) {
      return {
        name: '',
        tag: '',
        borderColor: '',
        inNavigation: false,
        outlineStyle: 'none',
        outlineWidth: 0,
        width: 0,
      };
    }
    const style = getComputedStyle(element);
    return {
      name: (element.getAttribute('aria-label') ?? element.innerText ?? '').trim(),
      tag: element.tagName,
      borderColor: style.borderColor,
      inNavigation: element.closest('nav[aria-label="Main navigation"]') !== null,
      outlineStyle: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth) || 0,
      width: element.getBoundingClientRect().width,
    };
  });
}

interface ContrastSample {
  text: string;
  ratio: number;
  color: string;
  background: string;
}

/**
 * WCAG 2.x contrast of each element's text against what is painted behind it: translucent
 * backgrounds (Mantine's light variants) are composited up to the first opaque one.
 */
function contrasts(page: Page, selector: string): Promise<ContrastSample[]> {
  return page.evaluate((query) => {
    type Rgba = [number, number, number, number];
    const probe = document.createElement('canvas').getContext('2d');
    const parse = (value: string): Rgba => {
      // Let the canvas normalise any CSS colour (rgb, color-mix, oklch…) to sRGB bytes.
      if (!probe) throw new Error('no canvas');
      probe.clearRect(0, 0, 1, 1);
      probe.fillStyle = '#000';
      probe.fillStyle = value;
      probe.fillRect(0, 0, 1, 1);
      const [r = 0, g = 0, b = 0, a = 0] = probe.getImageData(0, 0, 1, 1).data;
      return [r, g, b, a / 255];
    };
    const over = (top: Rgba, bottom: Rgba): Rgba => [
      top[0] * top[3] + bottom[0] * (1 - top[3]),
      top[1] * top[3] + bottom[1] * (1 - top[3]),
      top[2] * top[3] + bottom[2] * (1 - top[3]),
      1,
    ];
    const backgroundOf = (element: Element): Rgba => {
      const layers: Rgba[] = [];
      for (let node: Element | null = element; node; node = node.parentElement) {
        const layer = parse(getComputedStyle(node).backgroundColor);
        if (layer[3] > 0) layers.push(layer);
        if (layer[3] >= 1) break;
      }
      let painted: Rgba = [255, 255, 255, 1];
      for (const layer of layers.reverse()) painted = over(layer, painted);
      return painted;
    };
    const luminance = ([r, g, b]: Rgba) => {
      const channel = (value: number) => {
        const c = value / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    return Array.from(document.querySelectorAll(query))
      .filter((element) => {
        const box = element.getBoundingClientRect();
        const text = (element as HTMLElement).innerText?.trim() ?? '';
        return box.width > 0 && box.height > 0 && text.length > 0;
      })
      .map((element) => {
        const background = backgroundOf(element);
        const color = over(parse(getComputedStyle(element).color), background);
        const [light, dark] = [luminance(color), luminance(background)].sort((a, b) => b - a);
        return {
          text: ((element as HTMLElement).innerText ?? '').trim().slice(0, 60),
          ratio: ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05),
          color: `rgb(${color.slice(0, 3).map(Math.round).join(', ')})`,
          background: `rgb(${background.slice(0, 3).map(Math.round).join(', ')})`,
        };
      });
  }, selector);
}

describe('accessibility: keyboard, focus and contrast', () => {
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

  it('tabs from the top to the skip link, then the navigation links in order, each with a visible ring', async () => {
    const { context, page } = await openDashboard(browser, server.baseUrl);
    await signIn(page, server.org.adminEmail, server.org.adminPassword);
    await page.goto('/users');
    await page.getByRole('heading', { name: 'Users' }).waitFor();

    await page.keyboard.press('Tab');
    const first = await focused(page);
    assert.equal(first.name, 'Skip to main content', 'the skip link comes first');
    assert.notEqual(first.outlineStyle, 'none');
    assert.ok(first.outlineWidth >= 2, 'a 2px ring');
    assert.ok(first.width > 40, 'the skip link is shown when focused');
    await screenshot(page, '40-skip-link-focused');

    const navigation: FocusStop[] = [];
    for (let press = 0; press < 20 && navigation.length < NAV_LINKS.length; press++) {
      await page.keyboard.press('Tab');
      const stop = await focused(page);
      if (stop.inNavigation) navigation.push(stop);
    }
    assert.deepEqual(
      navigation.map((stop) => stop.name.replace(/\s*\d+$/, '')),
      NAV_LINKS,
      'the navigation links, in order',
    );
    for (const stop of navigation) {
      assert.notEqual(stop.outlineStyle, 'none', `${stop.name} shows where focus is`);
      assert.ok(stop.outlineWidth >= 1, `${stop.name} has a visible ring`);
    }
    await screenshot(page, '41-nav-link-focused');

    // The skip link does what it says: focus lands on the page, past the navigation.
    await page.reload();
    await page.getByRole('heading', { name: 'Users' }).waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main-content');
    await context.close();
  });

  it('keeps focus inside a dialog, and Escape closes it', async () => {
    const { context, page } = await openDashboard(browser, server.baseUrl);
    await signIn(page, server.org.adminEmail, server.org.adminPassword);
    await page.goto('/sso/provisioning');
    const section = page.getByRole('region', { name: 'OAuth authentication' });
    await section.getByRole('button', { name: 'Create OAuth client' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create OAuth client' });
    await dialog.waitFor();
    const unfocusedBorder = await dialog
      .getByLabel('Secret lifetime (days)')
      .evaluate((input) => getComputedStyle(input).borderColor);
    const stops: FocusStop[] = [];
    for (let press = 0; press < 12; press++) {
      await page.keyboard.press('Tab');
      const inside = await page.evaluate(
        () => document.activeElement?.closest('[role="dialog"]') !== null,
      );
      assert.ok(inside, `focus stays in the dialog (Tab ${press + 1})`);
      const stop = await focused(page);
      if (stop.tag === 'INPUT') {
        // The border colour eases in (a CSS transition): wait for it rather than sample it.
        await page.waitForFunction(
          (before) =>
            document.activeElement !== null &&
            getComputedStyle(document.activeElement).borderColor !== before,
          unfocusedBorder,
          { timeout: 2_000 },
        );
        stop.borderColor = (await focused(page)).borderColor;
      }
      stops.push(stop);
    }
    // Buttons draw a ring; inputs show focus by their border, as Mantine styles them.
    for (const stop of stops) {
      if (stop.tag === 'INPUT') {
        assert.notEqual(stop.borderColor, unfocusedBorder, 'a focused input changes its border');
      } else {
        assert.notEqual(stop.outlineStyle, 'none', `${stop.name} shows focus inside the dialog`);
      }
    }
    assert.ok(
      stops.some((stop) => stop.name === 'Close') &&
        stops.some((stop) => stop.name === 'Create OAuth client'),
      'Tab cycles through the whole dialog',
    );
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await context.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has at least 4.5:1 contrast for navigation and body text (${colorScheme})`, async () => {
      const { context, page } = await openDashboard(browser, server.baseUrl, { colorScheme });
      await signIn(page, server.org.adminEmail, server.org.adminPassword);
      assert.equal(
        await page.locator('html').getAttribute('data-mantine-color-scheme'),
        colorScheme,
      );
      const failures: string[] = [];
      const check = (where: string, samples: ContrastSample[]) => {
        assert.ok(samples.length > 0, `${where}: something to measure`);
        for (const sample of samples) {
          if (sample.ratio < 4.5) {
            failures.push(
              `${where} "${sample.text}": ${sample.ratio.toFixed(2)}:1 (${sample.color} on ${sample.background})`,
            );
          }
        }
      };

      for (const path of ['/users', '/sso', '/sso/provisioning', '/activity', '/webhooks']) {
        await page.goto(path);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.waitForFunction(() => !document.querySelector('.mantine-Loader-root'));
        // Navigation labels (the active one sits on a tinted background).
        check(
          `${path} nav`,
          await contrasts(page, 'nav[aria-label="Main navigation"] a .mantine-NavLink-label'),
        );
        // Body text: headings, paragraphs, list items, table cells and labels in the page.
        check(
          `${path} body`,
          await contrasts(
            page,
            'main h1, main h2, main h3, main p, main li, main td, main th, main label',
          ),
        );
      }
      await screenshot(page, `42-contrast-${colorScheme}`);
      assert.deepEqual(failures, [], 'text below 4.5:1');
      await context.close();
    });
  }
});
