// Fit the panel (issue 13): every view at 1280x800, 1366x768 and 1920x1080 with nothing clipped,
// nothing spilling past the screen and no overlapping boxes (support/layout-check.ts), during a
// CRITICAL kick so the banner carries its longest text; screenshots of every view at each size
// into tests/e2e/screenshots/. Also the dialogs, the day theme and a small 800x600 screen.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type Backend } from './support/backend.js';
import { openPage, type OpenBrowser } from './support/browser.js';
import { PANEL_SIZES, formatProblems, layoutProblems } from './support/layout-check.js';

/** How long a check waits for the screen to catch up (2 shared, busy cores: re-renders can lag). */
const UI_WAIT = { timeout: 10_000 };

const SHOTS = join(process.cwd(), 'tests/e2e/screenshots');
mkdirSync(SHOTS, { recursive: true });
const VIEWS = ['driller', 'company', 'engineer', 'settings'] as const;

let backend: Backend;
let ui: OpenBrowser;

beforeAll(async () => {
  backend = await startBackend({ scenario: 'kick', speed: 100 });
  ui = await openPage(backend.url);
});

afterAll(async () => {
  await ui?.close();
  await backend?.close();
});

async function show(view: (typeof VIEWS)[number]): Promise<void> {
  const { page } = ui;
  await page.getByTestId(`nav-${view}`).click();
  await page.getByTestId(`view-${view}`).waitFor();
  if (view === 'engineer') {
    await expect.poll(async () => Number(await page.getByTestId('chart-ropFtHr').getAttribute('data-points')), { timeout: 15_000 }).toBeGreaterThan(10);
  }
  await page.waitForTimeout(300); // one chart redraw after the view shows
}

describe('fit the panel', () => {
  it('the layout check finds clipped, off-screen and overlapping boxes (it can fail)', async () => {
    const { page } = ui;
    await page.evaluate(() => {
      // styles set through the CSSOM: the page's CSP refuses inline style attributes
      const box = (css: Partial<CSSStyleDeclaration>, text = ''): HTMLDivElement => {
        const d = document.createElement('div');
        Object.assign(d.style, css);
        d.textContent = text;
        return d;
      };
      const host = box({ position: 'fixed', left: '0', top: '0', width: '300px', zIndex: '99' });
      host.id = 'bad-layout';
      host.append(
        box({ width: '60px', overflow: 'hidden', whiteSpace: 'nowrap' }, 'a label far too long for its box'),
        box({ position: 'relative', left: '5000px', width: '10px', height: '10px' }),
        box({ height: '20px', marginBottom: '-15px' }),
        box({ height: '20px' }),
      );
      document.body.appendChild(host);
    });
    const problems = formatProblems(await layoutProblems(page));
    await page.evaluate(() => document.getElementById('bad-layout')?.remove());
    expect(problems).toMatch(/content wider than its box/);
    expect(problems).toMatch(/reaches past the/);
    expect(problems).toMatch(/overlaps its sibling/);
  });

  it('waits for a CRITICAL kick on the banner (its longest text)', async () => {
    // the kick goes CRITICAL within the simulated hour (100x)
    await expect.poll(() => ui.page.getByTestId('advisory-banner').getAttribute('data-risk'), { timeout: 140_000, interval: 500 }).toBe('Critical');
    await ui.page.keyboard.press('s'); // silence it for the rest of the file
  }, 160_000);

  for (const size of PANEL_SIZES) {
    it(`every view at ${size.width}x${size.height}: nothing clipped, past the screen or overlapping`, async () => {
      const { page } = ui;
      await page.setViewportSize(size);
      for (const view of VIEWS) {
        await show(view);
        const problems = await layoutProblems(page);
        expect(problems, `${view} at ${size.width}x${size.height}:\n${formatProblems(problems)}`).toEqual([]);
        await page.screenshot({ path: join(SHOTS, `${view}-${size.width}x${size.height}.png`) });
      }
      // the driller's action line is whole (the issue saw "→ Flow-…"), and the clock is on screen
      await show('driller');
      const action = page.getByTestId('advisory-recommendation');
      const cut = await action.evaluate((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1);
      expect(cut, await action.innerText()).toBe(false);
      const clock = await page.getByTestId('clock').boundingBox();
      expect(clock!.x + clock!.width).toBeLessThanOrEqual(size.width);
    }, 60_000);
  }

  it('settings sections, the acknowledge dialog and the tile picker fit at 1280x800', async () => {
    const { page } = ui;
    await page.setViewportSize(PANEL_SIZES[0]);
    await show('settings');
    for (const section of ['config', 'source', 'campaign', 'llm', 'display'] as const) {
      await page.getByTestId(`settings-section-${section}`).click();
      await page.waitForTimeout(200);
      const problems = await layoutProblems(page);
      expect(problems, `settings ${section}:\n${formatProblems(problems)}`).toEqual([]);
      await page.screenshot({ path: join(SHOTS, `settings-${section}-1280x800.png`) });
    }
    await show('driller');
    await page.getByTestId('ack-button').click();
    await page.getByTestId('ack-dialog').waitFor();
    expect(formatProblems(await layoutProblems(page))).toBe('');
    await page.screenshot({ path: join(SHOTS, 'ack-dialog-1280x800.png') });
    await page.keyboard.press('Escape');
    await page.getByTestId('choose-tiles').click();
    await page.getByTestId('tile-picker').waitFor();
    expect(formatProblems(await layoutProblems(page))).toBe('');
    await page.screenshot({ path: join(SHOTS, 'tile-picker-1280x800.png') });
    await page.keyboard.press('Escape');
  });

  it('day theme: every view still fits; screenshots', async () => {
    const { page } = ui;
    await page.setViewportSize(PANEL_SIZES[2]);
    await show('settings');
    await page.getByTestId('settings-section-display').click();
    await page.getByTestId('theme-day').click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('day');
    for (const view of VIEWS) {
      await show(view);
      expect(formatProblems(await layoutProblems(page)), view).toBe('');
      await page.screenshot({ path: join(SHOTS, `${view}-day-1920x1080.png`) });
    }
    await show('settings');
    await page.getByTestId('theme-night').click();
  });

  it('red only for alarms (not the logo), and a favicon', async () => {
    const { page } = ui;
    const brand = await page.locator('.brand').evaluate((el) => getComputedStyle(el).color);
    const [r, g, b] = brand.match(/\d+/g)!.map(Number);
    expect(r - Math.max(g, b), brand).toBeLessThan(60);
    const href = await page.locator('link[rel="icon"]').getAttribute('href');
    const icon = await fetch(new URL(href!, backend.url));
    expect(icon.ok).toBe(true);
    expect(icon.headers.get('content-type')).toMatch(/svg/);
  });

  it('on a small 800x600 screen every view is still reachable (Settings included)', async () => {
    const { page } = ui;
    await page.setViewportSize({ width: 800, height: 600 });
    for (const view of VIEWS) {
      const nav = page.getByTestId(`nav-${view}`);
      const box = await nav.boundingBox();
      expect(box!.x + box!.width, view).toBeLessThanOrEqual(800);
      expect(box!.y + box!.height, view).toBeLessThanOrEqual(600);
      await nav.click();
      await expect.poll(() => page.getByTestId(`view-${view}`).isVisible(), UI_WAIT).toBe(true);
    }
    await page.screenshot({ path: join(SHOTS, 'settings-800x600.png') });
    await page.setViewportSize(PANEL_SIZES[2]);
  });
});
