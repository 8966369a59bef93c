// Debian Chromium through playwright-core (no browser download), headless, fresh profile.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface OpenBrowser {
  context: BrowserContext;
  page: Page;
  /** Console reports of anything the page's Content-Security-Policy blocked (inline styles, scripts...). */
  cspViolations: string[];
  close(): Promise<void>;
}

export async function openPage(url: string, opts: { autoplay?: boolean } = {}): Promise<OpenBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'sairen-chromium-'));
  const args = [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync',
  ];
  // The alarm test needs sound without a click; the default policy exercises the refusal path.
  if (opts.autoplay !== false) args.push('--autoplay-policy=no-user-gesture-required');
  // launchPersistentContext is Playwright's way of passing a fresh --user-data-dir
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args, headless: true, viewport: { width: 1920, height: 1080 } });
  const page = context.pages()[0] ?? (await context.newPage());
  const cspViolations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
  });
  await page.goto(url);
  return {
    context,
    page,
    cspViolations,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
