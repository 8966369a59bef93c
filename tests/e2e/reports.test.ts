// The Reports view as a person uses it, in headless Chromium against headless mode fed by the
// simulator's kick: preview the whole well, export the PDF (a browser download) and read it
// back with pdftotext; the audit log shows a change and filters by kind and name.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Advisory } from '../../src-shared/advisory.js';
import { pdfPageCount, pdfText } from '../support/pdf-tools.js';
import { startBackend, type Backend } from './support/backend.js';
import { openPage, type OpenBrowser } from './support/browser.js';
import { bridgeCall } from './support/ws-client.js';

const SHOTS = path.join(process.cwd(), 'tests/e2e/screenshots');
fs.mkdirSync(SHOTS, { recursive: true });

let backend: Backend;
let ui: OpenBrowser;
let tmp: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sairen-e2e-reports-'));
  backend = await startBackend({ scenario: 'kick', speed: 100 });
  ui = await openPage(backend.url);
});

afterAll(async () => {
  await ui?.close();
  await backend?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

async function history(): Promise<Advisory[]> {
  const r = await fetch(new URL('/api/v1/history?limit=1000', backend.url));
  return (await r.json()) as Advisory[];
}

describe('Reports view', () => {
  it('previews the whole well and exports a PDF that pdftotext reads back', async () => {
    const { page } = ui;
    // wait until the kick has produced advisories, so the report has something to say
    await expect.poll(async () => (await history()).length, { timeout: 150_000, interval: 1000 }).toBeGreaterThan(0);
    const before = await history();

    await page.getByTestId('nav-reports').click();
    await page.getByTestId('reports-mode-well').click();
    await page.getByTestId('reports-preview').click();
    await expect.poll(() => page.getByTestId('report-preview').count(), { timeout: 60_000 }).toBe(1);
    const shown = Number(await page.getByTestId('rp-advisories').locator('.rp-value').innerText());
    expect(shown).toBeGreaterThanOrEqual(before.length);
    await page.screenshot({ path: path.join(SHOTS, 'reports-preview.png') });

    const download = page.waitForEvent('download', { timeout: 90_000 });
    await page.getByTestId('reports-export-pdf').click();
    // the progress bar shows while the engine works
    await expect.poll(() => page.getByTestId('reports-progress').count(), { timeout: 10_000 }).toBe(1);
    const file = path.join(tmp, (await download).suggestedFilename());
    await (await download).saveAs(file);
    expect(path.basename(file)).toMatch(/^sairen-well-default-\d{8}-\d{4}-\d{8}-\d{4}\.pdf$/);
    await expect.poll(() => page.getByTestId('reports-message').innerText(), { timeout: 10_000 }).toMatch(/Downloaded sairen-well-.*\.pdf \(\d+ kB, \d+ pages\)/);
    const pagesSaid = Number(/(\d+) pages/.exec(await page.getByTestId('reports-message').innerText())?.[1]);

    const text = pdfText(file);
    expect(text).toContain('Post-well debrief');
    expect(text).toContain('DEFAULT');
    for (const a of before) expect(text).toContain(a.id);
    // summary, two pages of trends, the timelines: as many pages as the screen said
    expect(pdfPageCount(file)).toBe(pagesSaid);
    expect(pagesSaid).toBeGreaterThanOrEqual(4);
    await page.screenshot({ path: path.join(SHOTS, 'reports-exported.png') });
  }, 240_000);

  it('shows a campaign switch in the audit log, filterable by kind and name', async () => {
    const { page } = ui;
    await bridgeCall(backend.url, 'setCampaign', { campaign: 'plug_abandonment', actor: 'E2E Åse Ødegård' });
    await page.getByTestId('reports-tab-audit').click();
    const row = page.getByTestId('audit-row').filter({ hasText: 'E2E Åse Ødegård' });
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    expect(await row.innerText()).toMatch(/campaign-switch[\s\S]*campaign switched from production to plug_abandonment/);
    await page.getByTestId('audit-kind').selectOption('acknowledgement');
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(0);
    await page.getByTestId('audit-kind').selectOption('');
    await page.getByTestId('audit-search').fill('Ødegård');
    await expect.poll(() => page.getByTestId('audit-row').count(), { timeout: 10_000 }).toBe(1);
    await row.click(); // opens before / after
    await expect.poll(() => page.locator('.rp-audit-detail').innerText()).toMatch(/production[\s\S]*plug_abandonment/);
    await page.screenshot({ path: path.join(SHOTS, 'audit-log.png') });
  }, 60_000);
});
