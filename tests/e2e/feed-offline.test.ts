// Feed loss at a glance (issue 13): the feed (an external simulator over TCP) is killed. At once
// the strip says the feed is lost and reconnecting, the tiles dim and show their age, and the
// clock keeps running; after acquisition.feed_timeout_s the engine's OFFLINE verdict shows; when
// the feed comes back everything is live again.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type Backend } from './support/backend.js';
import { openPage, type OpenBrowser } from './support/browser.js';

// A short health timeout (the default is 30 s) keeps the test quick.
const FEED_TIMEOUT_S = 5;
/** "At once": the source's state change is pushed to the screen without waiting for a packet. */
const AT_ONCE_MS = 3_000;

let backend: Backend;
let ui: OpenBrowser;

beforeAll(async () => {
  backend = await startBackend({ scenario: 'normal', feed: 'tcp', feedTimeoutS: FEED_TIMEOUT_S });
  ui = await openPage(backend.url);
});

afterAll(async () => {
  await ui?.close();
  await backend?.close();
});

describe('feed loss', () => {
  it('reconnecting shows at once, tiles dim with their age, the clock runs, OFFLINE after the timeout, all clears on return', async () => {
    const { page } = ui;
    const strip = page.getByTestId('feed-strip');
    const rpm = page.getByTestId('tile-rpm');
    await expect.poll(() => page.getByTestId('value-rpm').innerText(), { timeout: 60_000 }).not.toBe('—');
    await expect.poll(() => rpm.getAttribute('data-stale'), { timeout: 10_000 }).toBe('false');
    expect(await strip.count()).toBe(0);

    const killedAt = Date.now();
    await backend.killFeed();
    await expect.poll(() => strip.getAttribute('data-reconnecting'), { timeout: AT_ONCE_MS, interval: 100 }).toBe('true');
    expect(Date.now() - killedAt).toBeLessThan(AT_ONCE_MS);
    expect(await page.getByTestId('feed-reason').innerText()).toMatch(/reconnecting/i);
    // stale tiles: dimmed (opacity) and aged, still showing the last value
    expect(await rpm.getAttribute('data-stale')).toBe('true');
    expect(Number(await rpm.evaluate((el) => getComputedStyle(el).opacity))).toBeLessThan(0.6);
    expect(await page.getByTestId('value-rpm').innerText()).not.toBe('—');
    const age1 = await page.getByTestId('age-rpm').innerText();
    expect(age1).toMatch(/^\d+ s old$/);
    const clock1 = await page.getByTestId('clock').innerText();
    await page.waitForTimeout(2_200);
    expect(await page.getByTestId('clock').innerText()).not.toBe(clock1); // the clock keeps running
    const age2 = await page.getByTestId('age-rpm').innerText();
    expect(Number(age2.split(' ')[0])).toBeGreaterThan(Number(age1.split(' ')[0]));
    expect(await page.getByTestId('feed-age').innerText()).toMatch(/last data \d{2}:\d{2}:\d{2} \(\d+ s ago\)/);
    await page.screenshot({ path: join(process.cwd(), 'tests/e2e/screenshots/feed-lost.png') });

    // the engine's own verdict after feed_timeout_s (health is evaluated every second)
    await expect.poll(() => page.getByTestId('banner-offline').count(), { timeout: FEED_TIMEOUT_S * 1000 + 5_000, interval: 250 }).toBe(1);
    expect(Date.now() - killedAt).toBeLessThan(FEED_TIMEOUT_S * 1000 + 5_000);
    await page.screenshot({ path: join(process.cwd(), 'tests/e2e/screenshots/feed-offline.png') });

    await backend.restoreFeed();
    await expect.poll(() => strip.count(), { timeout: 90_000, interval: 500 }).toBe(0);
    expect(await rpm.getAttribute('data-stale')).toBe('false');
    expect(await page.getByTestId('age-rpm').count()).toBe(0);
  }, 150_000);
});
