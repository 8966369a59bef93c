// The pure rules behind the cabin panel: tile colours from the engine's limits, when values are
// stale, chart maths (ticks, gaps, zoom and pan), tile choice, settings messages, free-text units.
import { describe, expect, it } from 'vitest';
import type { LimitBand, LiveStatus } from '../../../src-shared/status.js';
import { convertFreeText } from '../../../src-renderer/lib/advisory-text.js';
import { gapStarts, niceTicks, panDomain, tickDecimals, timeTicks, valueDomain, zoomDomain } from '../../../src-renderer/lib/chart-scale.js';
import { fromFieldText, pairMessage, placeIssues, toFieldText, wordIssue, LIMIT_PAIRS } from '../../../src-renderer/lib/config-form.js';
import { CONFIG_GROUPS, KEY_LABELS } from '../../../src-renderer/lib/config-labels.js';
import { INITIAL_FEED_CLOCK, feedView, nextFeedClock } from '../../../src-renderer/lib/feed.js';
import { levelFor, thresholdLines } from '../../../src-renderer/lib/limits.js';
import { DEFAULT_TILES, cleanTiles, loadTileChoice, saveTileChoice, tileColumns, tileGroupOf } from '../../../src-renderer/lib/tiles.js';
import { ageText, clockText, dateTimeText } from '../../../src-renderer/lib/time-format.js';
import { defaultConfig } from '../../../src-shared/config.js';
import { flatten } from '../../../src-renderer/lib/config-fields.js';

const band = (warning: number, critical: number, direction: LimitBand['direction']): LimitBand => ({ warning, critical, direction, unit: '' });

describe('tile colour from the engine limit band', () => {
  it('magnitude bands colour both signs; production 10/20 and P&A 5/15 disagree on 12 gpm', () => {
    expect(levelFor(12, band(10, 20, 'magnitude'))).toBe('warn');
    expect(levelFor(-25, band(10, 20, 'magnitude'))).toBe('crit');
    expect(levelFor(4, band(5, 15, 'magnitude'))).toBe('ok');
    expect(levelFor(16, band(5, 15, 'magnitude'))).toBe('crit');
  });
  it('below bands (ECD margin): low is bad; no band or no value is ok', () => {
    expect(levelFor(0.2, band(0.3, 0.1, 'below'))).toBe('warn');
    expect(levelFor(0.05, band(0.3, 0.1, 'below'))).toBe('crit');
    expect(levelFor(null, band(0.3, 0.1, 'below'))).toBe('ok');
    expect(levelFor(99, null)).toBe('ok');
  });
  it('threshold lines: both signs for a magnitude band', () => {
    expect(thresholdLines(band(10, 20, 'magnitude')).map((l) => l.value).sort((a, b) => a - b)).toEqual([-20, -10, 10, 20]);
    expect(thresholdLines(band(100, 500, 'above'))).toHaveLength(2);
  });
});

describe('feed freshness', () => {
  const status = (lastPacketMs: number | null, state: LiveStatus['source']['state'] = 'connected', feedOffline = false) =>
    ({ source: { lastPacketMs, state }, health: { flags: { feedOffline } } }) as unknown as LiveStatus;

  it('a new packet is fresh; 3 s without one is stale, with its age', () => {
    let c = nextFeedClock(INITIAL_FEED_CLOCK, status(1000), 10_000);
    c = nextFeedClock(c, status(2000), 11_000);
    expect(feedView('open', 'connected', c, 12_000)).toMatchObject({ stale: false });
    const v = feedView('open', 'connected', c, 15_500);
    expect(v.stale).toBe(true);
    expect(v.ageMs).toBe(4_500);
    expect(v.reason).toBe('No WITS data');
  });
  it('a dropped feed or engine link is stale at once; a slow feed waits longer', () => {
    const c = nextFeedClock(nextFeedClock(INITIAL_FEED_CLOCK, status(1000), 0), status(2000), 500);
    expect(feedView('open', 'reconnecting', c, 600)).toMatchObject({ stale: true, reconnecting: true });
    expect(feedView('reconnecting', 'connected', c, 600).reason).toMatch(/Engine connection lost/);
    let slow = INITIAL_FEED_CLOCK;
    for (let i = 0; i < 20; i++) slow = nextFeedClock(slow, status(i * 5000), i * 5000);
    expect(feedView('open', 'connected', slow, 95_000 + 6_000).stale).toBe(false); // 5 s feed: 6 s is not stale
  });
  it('after a reload, an old packet from a dead feed is not taken as fresh', () => {
    const c = nextFeedClock(INITIAL_FEED_CLOCK, status(1000, 'offline', true), 50_000);
    expect(c.lastDataAtMs).toBeNull();
    expect(feedView('open', 'offline', c, 50_000)).toMatchObject({ stale: true, reason: 'WITS feed offline' });
  });
});

describe('chart maths', () => {
  it('nice ticks, decimals and time ticks on whole minutes', () => {
    expect(niceTicks(0, 10, 5)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(tickDecimals([0.1, 0.2])).toBe(1);
    expect(tickDecimals([3000], 8)).toBe(0);
    const t = timeTicks(Date.UTC(2026, 0, 1, 10, 2), Date.UTC(2026, 0, 1, 10, 58), 6);
    expect(t.every((x) => x % 60_000 === 0)).toBe(true);
    expect(t.length).toBeLessThanOrEqual(6);
  });
  it('value range includes the threshold lines and never has zero width', () => {
    expect(valueDomain([1, 2], [-20, 20])[0]).toBeLessThan(-20);
    const flat = valueDomain([5, 5]);
    expect(flat[1]).toBeGreaterThan(flat[0]);
  });
  it('a gap in the data breaks the line', () => {
    expect([...gapStarts([0, 1000, 2000, 120_000, 121_000])]).toEqual([3]);
    expect(gapStarts([0, 1000, 2000, 50_000, 51_000]).size).toBe(0); // under a minute: drawn through
    expect(gapStarts([0, 1000, 2000, 3000]).size).toBe(0);
  });
  it('zoom keeps the time under the pointer in place; pan stays inside the loaded window', () => {
    const z = zoomDomain([0, 3_600_000], 900_000, 0.5);
    expect(z[1] - z[0]).toBe(1_800_000);
    expect((900_000 - z[0]) / (z[1] - z[0])).toBeCloseTo(0.25);
    expect(panDomain([0, 100_000], -50_000, [0, 1_000_000])).toEqual([0, 100_000]);
    expect(panDomain([0, 100_000], 2_000_000, [0, 1_000_000])).toEqual([900_000, 1_000_000]);
  });
});

describe('red only for alarms', () => {
  it('no trend line colour is red (red marks alarm limits and critical events)', async () => {
    const { TREND_CHANNELS } = await import('../../../src-renderer/lib/channels.js');
    for (const c of TREND_CHANNELS) {
      const n = Number.parseInt(c.color.slice(1), 16);
      const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
      const redDominant = r > 150 && r - g > 70 && r - b > 70;
      expect(redDominant, `${c.key} ${c.color}`).toBe(false);
    }
  });
});

describe('driller tiles', () => {
  it('rig state picks the set; defaults include the rig channels', () => {
    expect(tileGroupOf('TrippingOut')).toBe('tripping');
    expect(tileGroupOf('Reaming')).toBe('drilling');
    expect(tileGroupOf('Connection')).toBe('circulating');
    expect(DEFAULT_TILES.tripping).toEqual(expect.arrayContaining(['hookLoadKlbf', 'blockHeightFt', 'tripTankBbl']));
  });
  it('a choice survives storage; unknown or repeated keys are dropped', () => {
    const m = new Map<string, string>();
    const storage = { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
    const choice = loadTileChoice(storage);
    saveTileChoice(storage, { ...choice, drilling: ['gasUnits', 'pumpSpm'] });
    expect(loadTileChoice(storage).drilling).toEqual(['gasUnits', 'pumpSpm']);
    expect(cleanTiles(['gasUnits', 'nonsense', 'gasUnits'])).toEqual(['gasUnits']);
    m.set('sairen.tiles.v1', '{broken');
    expect(loadTileChoice(storage).drilling).toEqual([...DEFAULT_TILES.drilling]);
  });
  it('columns give the biggest numbers for the area', () => {
    expect(tileColumns(12, 1200, 600)).toBe(4);
    expect(tileColumns(12, 800, 600)).toBe(3);
  });
});

describe('settings in words and units', () => {
  const key = 'thresholds.well_control.pit_gain_warning_bbl';
  it('every configuration key has a label and a group', () => {
    const keys = Object.keys(flatten(defaultConfig()));
    for (const k of keys) expect(KEY_LABELS[k], k).toBeDefined();
    const grouped = new Set(CONFIG_GROUPS.flatMap((g) => g.keys));
    for (const k of keys.filter((x) => x !== 'campaign.active')) expect(grouped.has(k), k).toBe(true);
  });
  it('fields show and take metric values; unedited values are not rounded', () => {
    expect(toFieldText(key, 10, 'metric')).toBe('1.5899');
    expect(fromFieldText(key, '1.5899', 10, 'metric')).toBeCloseTo(10, 3);
    expect(toFieldText(key, 10, 'imperial')).toBe('10');
    expect(fromFieldText(key, 'abc', 10, 'metric')).toBe('abc');
  });
  it('a warning above its critical is said on the warning field, in words', () => {
    const pit = LIMIT_PAIRS.find((p) => p.warning === key)!;
    expect(pairMessage(pit, 50, 10, 'imperial')).toBe('Pit gain warning (bbl) must be below the critical, 10 bbl');
    expect(pairMessage(pit, 5, 10, 'imperial')).toBeNull();
    const ecd = LIMIT_PAIRS.find((p) => p.warning.endsWith('ecd_margin_warning_ppg'))!;
    expect(pairMessage(ecd, 0.1, 0.3, 'imperial')).toBe('ECD margin warning (below) (ppg) must be above the critical, 0.3 ppg');
    const placed = placeIssues([{ key: 'thresholds.well_control.pit_gain_critical_bbl', message: 'x: must be >= y (10 < 50)' }], (k) => (k === key ? 50 : 10), 'metric');
    expect([...placed.byKey.keys()]).toEqual([key]);
    expect(placed.byKey.get(key)![0]).toBe('Pit gain warning (m³) must be below the critical, 1.5899 m³');
  });
  it('other engine messages lose the raw key and say the rule in words', () => {
    const m = wordIssue({ key, message: `${key}: must be >= 0 (got -3)` }, 'imperial');
    expect(m).toBe('Pit gain warning (bbl): must be at least 0 (you entered -3)');
    expect(wordIssue({ key, message: `${key}: Invalid input: expected number, received string` }, 'imperial')).toBe('Pit gain warning (bbl): must be a number');
  });
});

describe('free text in the screen units (LLM text, reasons)', () => {
  it('converts "<number> <oilfield unit>" and leaves the rest', () => {
    expect(convertFreeText('flow out 32.0 gpm above flow in, pit +6.1 bbl at 10,200 ft; ROP 60 ft/hr; gas 240 units', 'metric')).toBe(
      'flow out 121.1 L/min above flow in, pit +0.97 m³ at 3,109 m; ROP 18 m/hr; gas 240 units',
    );
    expect(convertFreeText('pit 5 bbl', 'imperial')).toBe('pit 5 bbl');
  });
});

describe('time text', () => {
  it('24 and 12 hour clocks, dates on history rows, ages', () => {
    const t = new Date(2026, 4, 1, 14, 2, 11).getTime();
    expect(clockText(t, '24h')).toBe('14:02:11');
    expect(clockText(t, '12h')).toMatch(/^0?2:02:11\s?pm$/i);
    expect(dateTimeText(t, '24h')).toBe('2026-05-01 14:02:11');
    expect(ageText(8_400)).toBe('8 s');
    expect(ageText(180_000)).toBe('3 min');
  });
});
