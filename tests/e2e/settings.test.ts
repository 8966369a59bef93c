// Settings a rig hand can use, and tile colours that agree with the engine (issues 13 and 10),
// in Chromium against headless mode running the simulator: limits from LiveStatus.limits follow a
// campaign switch and a threshold change; validation messages in words on the right field; the
// data source panel shows the source in use (also after a reload), lists serial ports on open,
// offers flow control, tests a connection without applying it, switches to a TCP feed
// (connecting -> connected) and back to the simulator.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src-shared/advisory.js';
import { freePort, startBackend, startExternalSimulator, type Backend } from './support/backend.js';
import { openPage, type OpenBrowser } from './support/browser.js';
import { bridgeCall } from './support/ws-client.js';

/** How long a check waits for the screen to catch up (2 shared, busy cores: re-renders can lag). */
const UI_WAIT = { timeout: 10_000 };

const SHOTS = join(process.cwd(), 'tests/e2e/screenshots');

let backend: Backend;
let ui: OpenBrowser;
let rig: { port: number; stop: () => Promise<void> } | null = null;

beforeAll(async () => {
  backend = await startBackend({ scenario: 'normal', speed: 5 });
  ui = await openPage(backend.url);
});

afterAll(async () => {
  await ui?.close();
  await rig?.stop();
  await backend?.close();
});

async function audit(): Promise<AuditEntry[]> {
  return (await (await fetch(new URL('/api/v1/audit', backend.url))).json()) as AuditEntry[];
}

async function openSettings(section: 'config' | 'source' | 'campaign' | 'display'): Promise<void> {
  const { page } = ui;
  await page.getByTestId('nav-settings').click();
  await page.getByTestId(`settings-section-${section}`).click();
}

describe('tile colours follow the engine', () => {
  it('a campaign switch (P&A: flow 5/15) and a threshold change reach the tile and the trend lines', async () => {
    const { page } = ui;
    const tile = page.getByTestId('tile-flowBalanceGpm');
    const trend = page.getByTestId('driller-trend-flowBalanceGpm');
    await expect.poll(() => tile.getAttribute('data-warning'), { timeout: 30_000 }).toBe('10');
    expect(await tile.getAttribute('data-critical')).toBe('20');
    await expect.poll(() => trend.getAttribute('data-threshold-values'), UI_WAIT).toBe('10,20,-10,-20');

    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-actor').fill('E2E Engineer');
    await openSettings('campaign');
    await page.getByTestId('campaign-plug_abandonment').click();
    await expect.poll(() => page.getByTestId('topbar-campaign').innerText(), UI_WAIT).toBe('P&A');
    await page.getByTestId('nav-driller').click();
    await expect.poll(() => tile.getAttribute('data-warning'), UI_WAIT).toBe('5');
    expect(await tile.getAttribute('data-critical')).toBe('15');
    await expect.poll(() => trend.getAttribute('data-threshold-values'), UI_WAIT).toBe('5,15,-5,-15');

    // P&A limits tightened in Settings until any flow imbalance is critical: the tile turns red
    await openSettings('config');
    await page.getByTestId('cfg-group-campaign-pa').click();
    // (1 gpm is the smallest flow limit the schema allows)
    await page.getByTestId('cfg-campaign.plug_abandonment.flow_imbalance_warning').fill('1');
    await page.getByTestId('cfg-campaign.plug_abandonment.flow_imbalance_critical').fill('1');
    await page.getByTestId('cfg-apply').click();
    await expect.poll(() => page.getByTestId('cfg-result').innerText(), { timeout: 10_000 }).toContain('Applied');
    await page.getByTestId('nav-driller').click();
    await expect.poll(() => tile.getAttribute('data-warning'), UI_WAIT).toBe('1');
    // critical, drawn in the alarm red (level and colour read together: the value moves)
    await expect.poll(() => tile.evaluate((el) => `${el.getAttribute('data-level')} ${getComputedStyle(el).borderTopColor}`), { timeout: 20_000 }).toBe('crit rgb(209, 59, 59)');
    await page.screenshot({ path: join(SHOTS, 'driller-pa-tight-limits.png') });

    // back to production: its limits again
    await openSettings('campaign');
    await page.getByTestId('campaign-production').click();
    await page.getByTestId('nav-driller').click();
    await expect.poll(() => tile.getAttribute('data-warning'), UI_WAIT).toBe('10');
  }, 90_000);
});

describe('driller tiles chosen by the driller', () => {
  it('a tile choice for the work in hand is kept on this screen across a reload', async () => {
    const { page } = ui;
    await page.getByTestId('nav-driller').click();
    const group = await page.getByTestId('tile-group').getAttribute('data-group');
    const state = await page.getByTestId('value-rig-state').innerText();
    // the rig state picks the set: drilling / tripping / circulating
    expect(group).toBe(/Tripping/.test(state) ? 'tripping' : /Drilling|Reaming/.test(state) ? 'drilling' : 'circulating');
    await page.getByTestId('choose-tiles').click();
    await page.getByTestId(`tile-group-${group}`).click();
    await page.getByTestId('tile-reset').click();
    await page.getByTestId('tile-choice-tripTankBbl').check();
    await page.getByTestId('tile-choice-mudWeightOutPpg').check();
    await page.getByTestId('tile-save').click();
    await expect.poll(() => page.getByTestId('tile-tripTankBbl').count(), UI_WAIT).toBe(1);
    expect(await page.getByTestId('tile-mudWeightOutPpg').count()).toBe(1);
    await page.reload();
    await page.getByTestId('view-driller').waitFor();
    await expect.poll(() => page.getByTestId('tile-tripTankBbl').count(), UI_WAIT).toBe(1);
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('sairen.tiles.v1') ?? '{}') as Record<string, string[]>);
    expect(saved[group!]).toContain('tripTankBbl');
  });
});

describe('settings validation in words', () => {
  const warningKey = 'thresholds.well_control.pit_gain_warning_bbl';
  const criticalKey = 'thresholds.well_control.pit_gain_critical_bbl';

  it('labels in words with units, the raw key in a tooltip, grouped by purpose', async () => {
    const { page } = ui;
    await openSettings('config');
    await page.getByTestId('cfg-group-kick').click();
    expect(await page.locator(`label[for="cfg-${warningKey}"]`).innerText()).toBe('Pit gain warning (bbl)');
    expect(await page.getByTestId(`cfg-${warningKey}`).locator('xpath=..').getAttribute('title')).toBe(warningKey);
    expect(await page.locator('[data-testid^="cfg-group-"]').count()).toBeLessThanOrEqual(14);
  });

  it('a warning above its critical is refused with the message on the warning field, naming the critical', async () => {
    const { page } = ui;
    const before = (await audit()).length;
    await page.getByTestId(`cfg-${warningKey}`).fill('50');
    await page.getByTestId('cfg-apply').click();
    const error = page.getByTestId(`cfg-error-${warningKey}`);
    await expect.poll(() => error.count(), { timeout: 10_000 }).toBe(1);
    expect(await error.innerText()).toBe('Pit gain warning (bbl) must be below the critical, 10 bbl');
    expect(await page.getByTestId(`cfg-error-${criticalKey}`).count()).toBe(0);
    // the engine refused it too
    const v = (await bridgeCall(backend.url, 'validateConfig', { config: { thresholds: { well_control: { pit_gain_warning_bbl: 50 } } } })) as { ok: boolean };
    expect(v.ok).toBe(false);
    expect((await audit()).length).toBe(before);
    await page.screenshot({ path: join(SHOTS, 'settings-invalid.png') });
  });

  it('a negative warning is refused', async () => {
    const { page } = ui;
    await page.getByTestId(`cfg-${warningKey}`).fill('-3');
    await page.getByTestId('cfg-apply').click();
    await expect.poll(() => page.getByTestId(`cfg-error-${warningKey}`).innerText(), UI_WAIT).toBe('Pit gain warning (bbl) cannot be negative (you entered -3)');
    expect(await page.getByTestId('cfg-result').innerText()).toMatch(/not applied/);
    const cfg = (await bridgeCall(backend.url, 'getConfig', {})) as { thresholds: { well_control: { pit_gain_warning_bbl: number } } };
    expect(cfg.thresholds.well_control.pit_gain_warning_bbl).toBe(5);
  });

  it('a valid threshold is applied and audited', async () => {
    const { page } = ui;
    await page.getByTestId(`cfg-${warningKey}`).fill('6');
    await page.getByTestId('cfg-apply').click();
    await expect.poll(() => page.getByTestId('cfg-result').innerText(), { timeout: 10_000 }).toContain('Applied');
    expect(await page.locator('[data-testid^="cfg-error-"]').count()).toBe(0);
    await expect.poll(async () => (await audit()).some((e) => e.kind === 'config-change' && e.actor === 'E2E Engineer' && JSON.stringify(e.after).includes('pit_gain_warning_bbl')), UI_WAIT).toBe(true);
    const cfg = (await bridgeCall(backend.url, 'getConfig', {})) as { thresholds: { well_control: { pit_gain_warning_bbl: number } } };
    expect(cfg.thresholds.well_control.pit_gain_warning_bbl).toBe(6);
    await page.getByTestId('nav-driller').click();
    await expect.poll(() => page.getByTestId('tile-pitGainBbl').getAttribute('data-warning'), UI_WAIT).toBe('6');
  });
});

describe('data source panel', () => {
  it('shows the source in use, also after a reload', async () => {
    const { page } = ui;
    await openSettings('source');
    const now = page.getByTestId('source-now');
    await expect.poll(() => now.getAttribute('data-kind'), UI_WAIT).toBe('simulator');
    expect(await now.innerText()).toMatch(/simulator: normal/);
    await expect.poll(() => page.getByTestId('source-state').getAttribute('data-state'), UI_WAIT).toBe('connected');
    expect(await page.getByTestId('source-kind-simulator').getAttribute('aria-checked')).toBe('true');
    expect(await page.getByTestId('source-scenario').inputValue()).toBe('normal');
    await page.reload();
    await page.getByTestId('view-driller').waitFor();
    await openSettings('source');
    await expect.poll(() => page.getByTestId('source-kind-simulator').getAttribute('aria-checked'), UI_WAIT).toBe('true');
    expect(await page.getByTestId('source-now').innerText()).toMatch(/simulator: normal/);
  });

  it('lists serial ports as the serial form opens and offers flow control', async () => {
    const { page } = ui;
    await page.getByTestId('source-kind-serial').click();
    // no button pressed: the list (or why there is none) comes by itself
    await expect.poll(() => page.getByTestId('serial-ports-found').innerText(), UI_WAIT).not.toMatch(/Looking/);
    const options = await page.getByTestId('serial-flow-control').locator('option').allInnerTexts();
    expect(options).toEqual(['None', 'RTS/CTS (hardware)', 'XON/XOFF (software)']);
    await page.screenshot({ path: join(SHOTS, 'settings-source-serial.png') });
  });

  it('tests a TCP connection without applying it; switched to, the state shown is the real one', async () => {
    const { page } = ui;
    const port = await freePort();
    await page.getByTestId('source-kind-tcp').click();
    await page.getByTestId('source-host').fill('127.0.0.1');
    await page.getByTestId('source-port').fill(String(port));
    // nobody listens there yet: refused, in words
    await page.getByTestId('source-test').click();
    await expect.poll(() => page.getByTestId('source-test-result').getAttribute('data-ok'), { timeout: 10_000 }).toBe('false');
    expect(await page.getByTestId('source-test-result').innerText()).toMatch(/refused/);
    expect(await page.getByTestId('source-now').getAttribute('data-kind')).toBe('simulator'); // nothing applied

    // applied anyway: the panel says it is trying, never "connected"
    await page.getByTestId('source-apply').click();
    await expect.poll(() => page.getByTestId('source-now').getAttribute('data-kind'), { timeout: 10_000 }).toBe('tcp');
    const trying = page.getByTestId('source-state');
    await expect.poll(() => trying.getAttribute('data-state'), UI_WAIT).toMatch(/^(connecting|reconnecting)$/);
    await page.waitForTimeout(1000);
    expect(await trying.getAttribute('data-state')).not.toBe('connected');
    await page.screenshot({ path: join(SHOTS, 'settings-source-reconnecting.png') });

    // the rig's WITS server comes up on that port: the test now passes and the feed connects
    rig = await startExternalSimulator('normal', 5, port);
    await page.getByTestId('source-test').click();
    await expect.poll(() => page.getByTestId('source-test-result').getAttribute('data-ok'), { timeout: 10_000 }).toBe('true');
    expect(await page.getByTestId('source-test-result').innerText()).toMatch(/receiving data/);
    await expect.poll(() => trying.getAttribute('data-state'), { timeout: 20_000 }).toBe('connected');
    expect(await page.getByTestId('source-now').innerText()).toContain(`WITS TCP 127.0.0.1:${port}`);
    await expect.poll(() => page.getByTestId('banner-simulated').count(), UI_WAIT).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'settings-source-tcp.png') });
    expect((await audit()).some((e) => e.kind === 'source-change' && e.actor === 'E2E Engineer')).toBe(true);
  }, 60_000);

  it('offers the simulator back', async () => {
    const { page } = ui;
    await page.getByTestId('source-kind-simulator').click();
    await page.getByTestId('source-scenario').selectOption('normal');
    await page.getByTestId('source-apply').click();
    await expect.poll(() => page.getByTestId('source-now').getAttribute('data-kind'), { timeout: 10_000 }).toBe('simulator');
    await expect.poll(() => page.getByTestId('source-state').getAttribute('data-state'), UI_WAIT).toBe('connected');
    await expect.poll(() => page.getByTestId('banner-simulated').count(), UI_WAIT).toBe(1);
  });
});
