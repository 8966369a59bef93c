// Feed killed: the OFFLINE banner appears within the health timeout and clears when the feed
// comes back. Against headless mode the feed is an external simulator on TCP that is killed
// and restarted; against the stand-in, its feed is switched off and on.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type Backend } from './support/backend.js';
import { openPage, type OpenBrowser } from './support/browser.js';

// A short health timeout (the default is 30 s) keeps the test quick; health is evaluated every
// second and the page refreshes a few times a second, so allow a few seconds more.
const FEED_TIMEOUT_S = 5;
const BANNER_DEADLINE_MS = FEED_TIMEOUT_S * 1000 + 5_000;

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

describe('feed offline', () => {
  it('shows OFFLINE after the feed dies and clears it after the feed returns', async () => {
    const { page } = ui;
    const offline = page.getByTestId('banner-offline');
    // live first: values are flowing and no offline banner
    await expect.poll(() => page.getByTestId('value-rpm').innerText(), { timeout: 60_000 }).not.toBe('—');
    expect(await offline.count()).toBe(0);

    const killedAt = Date.now();
    await backend.killFeed();
    await expect.poll(() => offline.count(), { timeout: BANNER_DEADLINE_MS, interval: 500 }).toBe(1);
    expect(Date.now() - killedAt).toBeLessThan(BANNER_DEADLINE_MS);
    expect(await offline.innerText()).toContain('OFFLINE');
    await page.screenshot({ path: join(process.cwd(), 'tests/e2e/screenshots/feed-offline.png') });

    await backend.restoreFeed();
    await expect.poll(() => offline.count(), { timeout: 90_000, interval: 500 }).toBe(0);
  }, 240_000);
});
