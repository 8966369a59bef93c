// The dashboard as a person uses it, in Debian Chromium against headless mode (the real engine
// with its simulator running a kick at 100x): CRITICAL banner + alarm, keyboard acknowledge and
// silence, the acknowledge dialog (fault, time, depth, Esc, focus kept inside), history and
// audit, the Company man events (alarm events in detail: alarm-events.test.ts), the units switch reaching advisory text and thresholds, the
// 12-hour clock, and the Engineer view (markers, threshold lines, hover values, zoom/pan by mouse
// and touch, Live, more than six channels, any channel against depth with depth down).
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src-shared/advisory.js';
import { startBackend, type Backend } from './support/backend.js';
import { openPage, type OpenBrowser } from './support/browser.js';

/** How long a check waits for the screen to catch up (2 shared, busy cores: re-renders can lag). */
const UI_WAIT = { timeout: 10_000 };

const SHOTS = join(process.cwd(), 'tests/e2e/screenshots');
mkdirSync(SHOTS, { recursive: true });

let backend: Backend;
let ui: OpenBrowser;
let ackedId: string | null = null;

beforeAll(async () => {
  // the kick starts somewhere in the scenario's simulated hour: run it 100x faster
  backend = await startBackend({ scenario: 'kick', speed: 100 });
  ui = await openPage(backend.url);
});

afterAll(async () => {
  await ui?.close();
  await backend?.close();
});

async function audit(): Promise<AuditEntry[]> {
  const r = await fetch(new URL('/api/v1/audit', backend.url));
  expect(r.ok).toBe(true);
  return (await r.json()) as AuditEntry[];
}

describe('kick scenario', () => {
  it('shows the CRITICAL banner and sounds the alarm; S silences it', async () => {
    const { page } = ui;
    const banner = page.getByTestId('advisory-banner');
    await expect.poll(() => banner.getAttribute('data-risk'), { timeout: 140_000, interval: 500 }).toBe('Critical');
    // The alarm logic arms at once; the audio starts once Chromium has loaded and started the
    // tone, which on two busy cores has not always happened within 10 s (1 local run in 6).
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.alarmActive), UI_WAIT).toBe('true');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.alarmPlaying), { timeout: 30_000 }).toBe('true');
    const action = await page.getByTestId('advisory-recommendation').innerText();
    expect(action).toMatch(/\S{4,}/);
    expect(action).not.toMatch(/[:]|\.\s/); // one clause
    expect((await page.getByTestId('advisory-diagnosis').boundingBox())!.height).toBeLessThan(60); // one line
    // S silences (a new event of the running kick may sound again a moment later: record the pause)
    await page.evaluate(() => {
      const w = window as unknown as { __paused: boolean };
      w.__paused = false;
      new MutationObserver(() => {
        if (document.documentElement.dataset.alarmPlaying !== 'true') w.__paused = true;
      }).observe(document.documentElement, { attributes: true });
    });
    await page.keyboard.press('s');
    await expect.poll(() => page.evaluate(() => (window as unknown as { __paused: boolean }).__paused), { timeout: 5_000 }).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'driller-critical.png') });
  }, 190_000);

  it('A opens the acknowledge dialog: it names the fault, time and depth, keeps focus inside and closes on Esc', async () => {
    const { page } = ui;
    await page.locator('body').click({ position: { x: 5, y: 400 } }); // focus on the page, not a field
    await page.keyboard.press('a');
    const dialog = page.getByTestId('ack-dialog');
    await expect.poll(() => dialog.isVisible(), UI_WAIT).toBe(true);
    expect(await dialog.getAttribute('role')).toBe('dialog');
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    const what = await page.getByTestId('ack-what').innerText();
    expect(what).toMatch(/Kick|Pit volume change|Gas|SPP deviation|Lost circulation/); // the fault in words
    expect(what).toMatch(/raised \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/); // date and time
    expect(what).toMatch(/ at [\d,]+ ft/); // depth, grouped
    expect(what).toMatch(/EVT-[0-9a-f]{8}/); // the alarm event is acknowledged, not one advisory
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press(i % 5 === 4 ? 'Shift+Tab' : 'Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('[data-testid="ack-dialog"]'))).toBe(true);
    }
    // the focused control is visibly marked
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count(), UI_WAIT).toBe(0);
  });

  it('acknowledges; the history row names the fault and the date; the audit has it', async () => {
    const { page } = ui;
    // the kick's own event (later events of the scenario may stand before it on the banner)
    const kick = page.getByTestId('view-driller').locator('[data-fault="kick"]');
    await kick.locator('[data-testid="ack-button"], [data-testid="event-row-ack"]').click();
    await expect.poll(() => page.getByTestId('ack-dialog').isVisible(), UI_WAIT).toBe(true);
    expect(await page.getByTestId('ack-what').innerText()).toMatch(/^Kick /);
    // the dialog names the event acknowledged
    const eventId = /EVT-[0-9a-f]{8}/.exec(await page.getByTestId('ack-what').innerText())?.[0] ?? null;
    expect(eventId).toMatch(/^EVT-/);
    await page.getByTestId('ack-action-flow-check-performed').click();
    await page.getByTestId('outcome-resolved').click();
    await page.getByTestId('outcome-text').fill('Shut in, circulated the kick out');
    await page.getByTestId('ack-notes').fill('Flow check positive, shut in on annular');
    await page.getByTestId('ack-actor').fill('E2E Driller');
    await page.screenshot({ path: join(SHOTS, 'ack-dialog.png') });
    await page.getByTestId('ack-submit').click();
    // the dialog closes once the acknowledgement and its outcome are committed and audited
    await expect.poll(() => page.getByTestId('ack-dialog').count(), { timeout: 10_000 }).toBe(0);

    await page.getByTestId('nav-company').click();
    const row = page.getByTestId('ack-history-row').filter({ hasText: 'E2E Driller' });
    await expect.poll(() => row.count(), UI_WAIT).toBe(1);
    const text = await row.innerText();
    expect(text).toContain('Flow check performed');
    expect(text).toContain(eventId!);
    // the acknowledgement is stored against the event's latest advisory: the row names it too
    const advisoryId = /ADV-[0-9a-f]{8}/.exec(text)?.[0] ?? null;
    expect(advisoryId).toMatch(/^ADV-/);
    expect(text).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/); // the date, not only a time
    expect(text).toMatch(/Critical kick, raised/i); // the fault in words
    expect(await page.getByTestId('cm-votes').innerText()).toMatch(/CRITICAL|HIGH/);
    await page.screenshot({ path: join(SHOTS, 'company-man.png') });

    const entries = await audit();
    const ack = entries.find((e) => e.kind === 'acknowledgement' && e.actor === 'E2E Driller');
    expect(ack, JSON.stringify(entries.slice(0, 3))).toBeDefined();
    expect(JSON.stringify(ack)).toContain(eventId!);
    ackedId = advisoryId; // the outcome chosen in the dialog went with it
  });

  it('records the outcome with the acknowledgement; the engineer view counts it for the fault', async () => {
    const { page } = ui;
    const outcome = (await audit()).find((e) => e.kind === 'outcome' && e.actor === 'E2E Driller');
    expect(outcome?.summary).toContain(`${ackedId} outcome: resolved: Shut in, circulated the kick out`);
    await page.getByTestId('nav-engineer').click();
    const row = page.getByTestId('outcome-stats-row').filter({ hasText: 'kick' });
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    // the table catches up with the outcome just recorded
    await expect.poll(async () => Number((await row.locator('td').allInnerTexts())[2]), UI_WAIT).toBeGreaterThanOrEqual(1);
    const cells = await row.locator('td').allInnerTexts();
    expect(Number(cells[2])).toBeGreaterThanOrEqual(1); // confirmed real
    expect(Number(cells[1])).toBeGreaterThanOrEqual(Number(cells[2]));
  });

  it('company man: the repeated kick advisories are one alarm event with a ×N count, expandable to them', async () => {
    const { page } = ui;
    await page.getByTestId('nav-company').click();
    const view = page.getByTestId('view-company');
    await expect.poll(async () => Number(await view.getAttribute('data-advisories')), { timeout: 30_000 }).toBeGreaterThanOrEqual(4);
    const advisories = Number(await view.getAttribute('data-advisories'));
    const rows = await page.getByTestId('cm-event').count();
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThan(advisories);
    const kick = page.getByTestId('cm-event').filter({ hasText: 'kick' }).filter({ has: page.getByTestId('cm-event-count') }).first();
    expect(Number(await kick.getAttribute('data-count'))).toBeGreaterThan(1);
    expect(await kick.getByTestId('cm-event-count').innerText()).toMatch(/×\d+/);
    expect(await kick.getByTestId('cm-event-acks').innerText()).toMatch(/acknowledged/);
    await kick.getByTestId('cm-event-item').click();
    await kick.getByTestId('cm-event-expand').click();
    const members = kick.getByTestId('cm-member');
    await expect.poll(() => members.count(), UI_WAIT).toBeGreaterThan(1);
    const oldestId = await members.last().getAttribute('data-advisory-id');
    await members.last().click();
    await expect.poll(() => page.getByTestId('cm-detail').getAttribute('data-advisory-id'), UI_WAIT).toBe(oldestId);
    await page.screenshot({ path: join(SHOTS, 'company-man-events.png') });
    await kick.getByTestId('cm-event-expand').click();
    await kick.getByTestId('cm-event-item').click();
  });
});

describe('units everywhere', () => {
  const OILFIELD = /\d\s?(gpm|bbl\/hr|bbl|ppg|psi|klbf|kft-lbf|ft\/hr|ft)\b/;

  it('metric reaches the tiles, the banner, the Company man text and the thresholds in Settings', async () => {
    const { page } = ui;
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-section-display').click();
    await page.getByTestId('units-metric').click();
    await page.getByTestId('nav-driller').click();
    expect(await page.getByTestId('unit-holeDepthFt').innerText()).toBe('m');
    expect(await page.getByTestId('unit-sppPsi').innerText()).toBe('kPa');
    expect(await page.getByTestId('unit-wobKlbf').innerText()).toBe('kN');
    // the advisory text comes as numbers with units: shown in metric, no oilfield unit left
    const diagnosis = await page.getByTestId('advisory-diagnosis').getAttribute('title');
    expect(diagnosis).toMatch(/m³|L\/min|kPa|g\/cm³/);
    expect(diagnosis).not.toMatch(OILFIELD);
    await page.getByTestId('nav-company').click();
    const rec = await page.getByTestId('cm-recommendation').innerText();
    expect(rec).toMatch(/m³|L\/min|kPa|g\/cm³/);
    expect(rec).not.toMatch(OILFIELD);
    expect(await page.getByTestId('cm-when').innerText()).toMatch(/[\d,]+ m$/);
    await page.screenshot({ path: join(SHOTS, 'company-man-metric.png') });
    // thresholds in Settings are in the screen's units too: pit gain warning 5 bbl = 0.7949 m³
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-section-config').click();
    await page.getByTestId('cfg-group-kick').click();
    const field = page.getByTestId('cfg-thresholds.well_control.pit_gain_warning_bbl');
    await expect.poll(() => field.inputValue(), UI_WAIT).toBe('0.7949');
    expect(await page.locator('label[for="cfg-thresholds.well_control.pit_gain_warning_bbl"]').innerText()).toBe('Pit gain warning (m³)');
    expect(await page.evaluate(() => localStorage.getItem('sairen.displayUnits'))).toBe('metric');
    await page.getByTestId('nav-driller').click();
    await page.screenshot({ path: join(SHOTS, 'driller-metric.png') });
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-section-display').click();
    await page.getByTestId('units-imperial').click();
  });

  it('a 12-hour clock on request; thousands separators on depth and no "-0.0" on the tiles', async () => {
    const { page } = ui;
    await page.getByTestId('clock-12h').click();
    expect(await page.getByTestId('clock').innerText()).toMatch(/^\d{1,2}:\d{2}:\d{2}\s?(am|pm)$/i);
    await page.getByTestId('clock-24h').click();
    expect(await page.getByTestId('clock').innerText()).toMatch(/^\d{2}:\d{2}:\d{2}$/);
    await page.getByTestId('nav-driller').click();
    expect(await page.getByTestId('value-holeDepthFt').innerText()).toMatch(/^\d{1,3}(,\d{3})+$/);
    const values = await page.locator('[data-testid^="value-"]').allInnerTexts();
    for (const v of values) expect(v).not.toMatch(/^-0(\.0+)?$/);
  });
});

describe('optimal parameters (ML engine)', () => {
  it('run now from the engineer view: the panel shows the optimum with its heat map, or why there is none', async () => {
    const { page } = ui;
    await page.getByTestId('nav-engineer').click();
    await page.getByTestId('ml-run-now').click();
    const message = page.getByTestId('ml-run-message');
    await expect.poll(() => message.count(), { timeout: 30_000 }).toBe(1);
    const text = await message.innerText();
    expect(text).toMatch(/^(New optimum computed\.|No optimum: (InsufficientData|AllDataRejected|UnstableFormation) .+|Not run: too little drilling data.+)$/);
    if (text.startsWith('New optimum')) {
      await expect.poll(() => page.getByTestId('ml-confidence').count()).toBe(1);
      // the heat map with its best cell, or (one steady set point so far) the note that the medians are used
      expect((await page.getByTestId('ml-heat-best').count()) + (await page.getByTestId('ml-medians').count())).toBe(1);
      expect(await page.getByTestId('ml-best-wob').innerText()).toMatch(/\d/);
    }
    const latest = await fetch(new URL('/api/v1/ml/latest', backend.url));
    expect(latest.status).toBe(text.startsWith('Not run') ? 204 : 200);
    await page.screenshot({ path: join(SHOTS, 'engineer-optimal-parameters.png') });
  }, 60_000);
});

describe('engineer view', () => {
  /** The track's time window, both ends read at once (a live window moves between two reads). */
  const trackRange = (key: string): Promise<[number, number]> =>
    ui.page.getByTestId(`chart-${key}`).evaluate((el) => [Number(el.getAttribute('data-from')), Number(el.getAttribute('data-to'))] as [number, number]);

  it('threshold lines and event markers; hover shows values on every track at the same time', async () => {
    const { page } = ui;
    await page.getByTestId('nav-engineer').click();
    const flow = page.getByTestId('chart-flowBalanceGpm');
    await expect.poll(async () => Number(await flow.getAttribute('data-points')), { timeout: 15_000 }).toBeGreaterThan(10);
    expect(Number(await flow.getAttribute('data-thresholds'))).toBe(4); // ±warning, ±critical from LiveStatus.limits
    await expect.poll(async () => Number(await flow.getAttribute('data-markers')), UI_WAIT).toBeGreaterThan(0); // the kick's events
    const plot = (await page.getByTestId('chart-ropFtHr').locator('.track-plot').boundingBox())!;
    const readout = page.getByTestId('chart-ropFtHr').getByTestId('hover-readout');
    // hover where there is data (a readout shows only next to a real sample, never in a gap)
    let at = 0.8;
    await expect.poll(async () => {
      at = at > 0.3 ? at - 0.05 : 0.8;
      await page.mouse.move(plot.x + plot.width * at, plot.y + plot.height / 2);
      return readout.count();
    }, UI_WAIT).toBe(1);
    expect(await readout.innerText()).toMatch(/^\d{2}:\d{2}:\d{2} · [\d,.]+ ft\/hr$/);
    // the same time on the other tracks (aligned axes, one hover)
    const wob = await page.getByTestId('chart-wobKlbf').getByTestId('hover-readout').innerText();
    expect(wob.split(' · ')[0]).toBe((await readout.innerText()).split(' · ')[0]);
    expect(wob).toMatch(/klbf$/);
    expect(await page.getByTestId('time-axis-unit').innerText()).toBe('time axis: local time, 24-hour');
    for (const k of ['ropFtHr', 'wobKlbf', 'flowBalanceGpm', 'sppPsi']) {
      expect(await page.getByTestId(`chart-${k}`).getByTestId('axis-title').innerText()).toMatch(/\(.+\)$/);
    }
    await page.screenshot({ path: join(SHOTS, 'engineer-hover.png') });
  });

  it('zoom with the wheel, pan by dragging, back to Live; every track keeps the same time axis', async () => {
    const { page } = ui;
    const live = page.getByTestId('live-button');
    expect(await live.getAttribute('data-live')).toBe('true');
    const [from0, to0] = await trackRange('ropFtHr');
    const plot = (await page.getByTestId('chart-ropFtHr').locator('.track-plot').boundingBox())!;
    await page.mouse.move(plot.x + plot.width * 0.5, plot.y + plot.height / 2);
    for (let i = 0; i < 3; i++) await page.mouse.wheel(0, -200);
    await expect.poll(() => live.getAttribute('data-live'), UI_WAIT).toBe('false');
    const [from1, to1] = await trackRange('ropFtHr');
    expect(to1 - from1).toBeLessThan((to0 - from0) * 0.7);
    expect(await trackRange('sppPsi')).toEqual([from1, to1]); // aligned
    // drag to the right: earlier data comes into view
    await page.mouse.move(plot.x + plot.width * 0.4, plot.y + plot.height / 2);
    await page.mouse.down();
    await page.mouse.move(plot.x + plot.width * 0.7, plot.y + plot.height / 2, { steps: 5 });
    await page.mouse.up();
    const [from2] = await trackRange('ropFtHr');
    expect(from2).toBeLessThan(from1);
    await page.screenshot({ path: join(SHOTS, 'engineer-zoomed.png') });
    await live.click();
    expect(await live.getAttribute('data-live')).toBe('true');
    const [from3, to3] = await trackRange('ropFtHr');
    expect(to3 - from3).toBe(to0 - from0);
  });

  it('pinch-zooms with two fingers on a touch panel', async () => {
    const { page, context } = ui;
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 2 });
    const [from0, to0] = await trackRange('ropFtHr');
    const plot = (await page.getByTestId('chart-ropFtHr').locator('.track-plot').boundingBox())!;
    const y = plot.y + plot.height / 2;
    const mid = plot.x + plot.width / 2;
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', spread: number) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: type === 'touchEnd' ? [] : [{ x: mid - spread, y, id: 1 }, { x: mid + spread, y, id: 2 }],
      });
    await touch('touchStart', 30);
    for (const s of [50, 80, 120, 160]) await touch('touchMove', s);
    await touch('touchEnd', 0);
    await expect.poll(async () => {
      const [f, t] = await trackRange('ropFtHr');
      return (t - f) / (to0 - from0);
    }, UI_WAIT).toBeLessThan(0.5);
    expect(await page.getByTestId('live-button').getAttribute('data-live')).toBe('false');
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: false });
    await cdp.detach();
    await page.getByTestId('live-button').click();
  });

  it('charts more than six channels (the stack scrolls), each axis with its unit', async () => {
    const { page } = ui;
    await page.getByTestId('channels-button').click();
    for (const k of ['gasUnits', 'pitVolumeBbl', 'hookLoadKlbf', 'dExponent', 'torqueKftLbf']) await page.getByTestId(`chan-${k}`).check();
    await page.getByTestId('channels-done').click();
    const stack = page.getByTestId('track-stack');
    expect(Number(await stack.getAttribute('data-tracks'))).toBe(9);
    expect(await page.getByTestId('chart-gasUnits').getByTestId('axis-title').innerText()).toBe('Gas (units)');
    expect(await page.getByTestId('chart-dExponent').getByTestId('axis-title').innerText()).toBe('d-exponent (dimensionless)');
    const scrolls = await stack.evaluate((el) => el.scrollHeight > el.clientHeight);
    expect(scrolls).toBe(true);
    await page.getByTestId('chart-torqueKftLbf').scrollIntoViewIfNeeded();
    await expect.poll(async () => Number(await page.getByTestId('chart-torqueKftLbf').getAttribute('data-points')), UI_WAIT).toBeGreaterThan(10);
    await page.screenshot({ path: join(SHOTS, 'engineer-nine-channels.png') });
  });

  it('plots any channel against depth, depth increasing downwards', async () => {
    const { page } = ui;
    const depth = page.getByTestId('depth-a');
    expect(await depth.getAttribute('data-depth-down')).toBe('true');
    await page.getByTestId('depth-a-channel').selectOption('sppPsi');
    await expect.poll(() => depth.getAttribute('data-channel'), UI_WAIT).toBe('sppPsi');
    await expect.poll(async () => Number(await depth.getAttribute('data-points')), { timeout: 15_000 }).toBeGreaterThan(10);
    expect(await depth.getByTestId('axis-title').innerText()).toMatch(/SPP \(psi\) vs depth \(ft, down\)/);
    // the canvas draws the shallowest depth at the top: the y tick labels grow downwards
    // The plot's place is read on every try: new data arriving can re-lay the view out under a stale box.
    const readoutAt = async (from: 'top' | 'bottom'): Promise<string> => {
      const readout = depth.getByTestId('hover-readout');
      let text = '';
      await expect.poll(async () => {
        await depth.scrollIntoViewIfNeeded();
        const box = (await depth.locator('.track-plot').boundingBox())!;
        const y = from === 'top' ? box.y + 14 : box.y + box.height - 24;
        await page.mouse.move(box.x + box.width / 2, y);
        await page.mouse.move(box.x + box.width / 2 + 1, y);
        text = (await readout.count()) ? await readout.innerText() : '';
        return text;
      }, { timeout: 15_000 }).toMatch(/ft · /);
      return text;
    };
    const top = await readoutAt('top');
    const bottom = await readoutAt('bottom');
    const ft = (t: string) => Number(t.split(' · ')[0].replace(/[^\d.]/g, ''));
    expect(ft(bottom)).toBeGreaterThan(ft(top));
    await page.screenshot({ path: join(SHOTS, 'engineer-depth.png') });
    // Served with style-src 'self' (no 'unsafe-inline'): every view rendered without a CSP refusal.
    expect(ui.cspViolations).toEqual([]);
  });

  it('shows the engine log: the last lines with their level, bounded, a warning filter, Refresh reads new ones', async () => {
    const { page } = ui;
    await page.getByTestId('nav-engineer').click();
    await page.getByTestId('log-toggle').click();
    const file = join(backend.dataDir, 'logs', 'sairen.log');
    // What the engine itself wrote: the panel shows the file's newest lines (at most the 50 asked for).
    const written = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as { msg: string });
    expect(written.length).toBeGreaterThan(0);
    const lines = page.getByTestId('log-line');
    await expect.poll(() => lines.count(), UI_WAIT).toBeGreaterThan(0);
    expect(await lines.count()).toBeLessThanOrEqual(50);
    const shown = await page.locator('[data-testid="log-line"] .log-text').allInnerTexts();
    const messages = new Set(written.map((w) => w.msg));
    expect(shown.filter((t) => !messages.has(t) && !t.startsWith('e2e'))).toEqual([]);
    // A warning appended to the engine's own log file reaches the panel on Refresh, its level shown.
    const marker = `e2e marker ${Date.now()}: disk space low on the logger PC`;
    appendFileSync(file, `${JSON.stringify({ level: 40, time: Date.now(), component: 'e2e', msg: marker })}\n`);
    await page.getByTestId('log-refresh').click();
    const line = lines.filter({ hasText: marker });
    await expect.poll(() => line.count(), UI_WAIT).toBe(1);
    expect(await line.getAttribute('data-level')).toBe('warn');
    expect(await line.locator('.log-level').innerText()).toBe('WARN');
    // Warnings only: every line left is a warning or an error, the marker among them.
    await page.getByTestId('log-warn-only').check();
    const levels = await lines.evaluateAll((els) => els.map((e) => e.getAttribute('data-level')));
    expect(levels.length).toBeGreaterThan(0);
    expect(levels.filter((l) => l !== 'warn' && l !== 'error')).toEqual([]);
    await page.getByTestId('log-warn-only').uncheck();
    await page.screenshot({ path: join(SHOTS, 'engineer-log.png') });
    // Back to the charts, as they were.
    await page.getByTestId('log-toggle').click();
    await expect.poll(() => page.getByTestId('log-panel').count(), UI_WAIT).toBe(0);
    expect(await page.getByTestId('chart-ropFtHr').isVisible()).toBe(true);
  });
});
