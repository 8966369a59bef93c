// Where flow out comes from, as the driller sees it (Debian Chromium against headless mode
// replaying a paddle-only recording at 4x): pumps off, then one pump rate learned (a blue banner
// counting the seconds, the flow tiles saying "learning n/120 s"), then calibrated (banner
// gone, "paddle calibrated"), then the flow-out channel stops (an amber "pits only" banner).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type Backend } from './support/backend.js';
import { openPage, type OpenBrowser } from './support/browser.js';
import { formatProblems, layoutProblems } from './support/layout-check.js';

const SHOTS = join(process.cwd(), 'tests/e2e/screenshots');
mkdirSync(SHOTS, { recursive: true });
const SPEED = 4;
/** Feed seconds: pumps off, then 600 gpm read by the paddle only, then no flow-out reading at all. */
const PUMPS_ON_S = 60;
const PADDLE_STOPS_S = 260;
const END_S = 400;

/** A paddle-only recording: percent of a 1,500 gpm full scale, bending as a paddle's does. */
function paddleCsv(path: string): void {
  const t0 = Date.now();
  const rows = ['timestamp,bit_depth_ft,hole_depth_ft,hook_load_klb,spp_psi,pump_spm,flow_in_gpm,flow_out_pct,pit_volume_bbl'];
  for (let s = 0; s < END_S; s++) {
    const on = s >= PUMPS_ON_S;
    const pct = !on ? '0' : s >= PADDLE_STOPS_S ? '' : (100 * ((600 + Math.sin(s / 3)) / 1500) ** 0.85).toFixed(3);
    rows.push([new Date(t0 + s * 1000).toISOString(), 9000, 10000, 250, on ? 2500 : 0, on ? 120 : 0, on ? 600 : 0, pct, 800].join(','));
  }
  writeFileSync(path, rows.join('\n') + '\n');
}

let backend: Backend;
let ui: OpenBrowser;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sairen-paddle-'));
  const csv = join(dir, 'paddle.csv');
  paddleCsv(csv);
  backend = await startBackend({ scenario: 'normal', csv, speed: SPEED });
  ui = await openPage(backend.url);
});

afterAll(async () => {
  await ui?.close();
  await backend?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('flow out from the paddle', () => {
  it('learning (blue banner, seconds counting), calibrated (no banner), then pits only (amber)', async () => {
    const { page } = ui;
    const note = page.getByTestId('tile-flowBalanceGpm').getByTestId('flow-out-note');
    const banner = page.getByTestId('banner-flow-out');

    // Learning this pump rate: the note and a blue banner, the seconds counting up.
    await expect.poll(() => note.innerText().catch(() => ''), { timeout: 90_000, interval: 250 }).toMatch(/^learning \d+\/120 s$/);
    expect(await note.getAttribute('data-severity')).toBe('info');
    await expect.poll(() => banner.innerText().catch(() => ''), { timeout: 10_000, interval: 250 }).toMatch(/^Flow out from paddle %: learning this pump rate \(\d+ of 120 s\): flow-based kick detection starts when learned; pits are watched meanwhile$/);
    expect(await banner.getAttribute('class')).toContain('hb-blue');
    const first = Number(/learning (\d+)\//.exec(await note.innerText())?.[1]);
    await expect.poll(async () => Number(/learning (\d+)\//.exec(await note.innerText().catch(() => ''))?.[1] ?? -1), { timeout: 15_000, interval: 250 }).toBeGreaterThan(first);
    // The flow-out tile says the same; the "Degraded" line does not repeat it.
    expect(await page.getByTestId('tile-flowOutGpm').getByTestId('flow-out-note').innerText()).toMatch(/^learning \d+\/120 s$/);
    expect(await page.getByTestId('banner-degraded').count()).toBe(0);
    // Whole and in its box (the note is on a tile, the banner is the longest health line).
    const cut = await note.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
    expect(cut, await note.innerText()).toBe(false);
    const problems = await layoutProblems(page);
    expect(problems, formatProblems(problems)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'flow-out-learning.png') });

    // Learned: calibrated, the banner goes.
    await expect.poll(() => note.innerText().catch(() => ''), { timeout: 60_000, interval: 250 }).toBe('paddle calibrated');
    expect(await note.getAttribute('data-severity')).toBe('ok');
    await expect.poll(() => banner.count(), { timeout: 10_000, interval: 250 }).toBe(0);

    // The paddle's channel stops: pits only, amber (once it has lasted a few seconds).
    await expect.poll(() => banner.innerText().catch(() => ''), { timeout: 60_000, interval: 250 }).toBe('No flow-out sensor: kick and loss are judged on pits only');
    expect(await banner.getAttribute('class')).toContain('hb-amber');
    expect(await note.innerText()).toBe('no flow out');
    expect(await note.getAttribute('data-severity')).toBe('warning');
    // Amber, not the alarms' red.
    expect(await banner.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgb(209, 59, 59)');
    await page.screenshot({ path: join(SHOTS, 'flow-out-pits-only.png') });
  }, 180_000);
});
