// The engine's windows mean seconds, not packets: the same physical signal fed at 1 Hz, 0.5 Hz
// and 0.2 Hz gets the same judgement at about the same second.
import { describe, expect, it } from 'vitest';
import { makePacket } from '../../../src-shared/wits.js';
import { defaultConfig } from '../../../src-shared/config.js';
import { EmaBaseline, ShortWindow } from '../../../src-main/physics/ema.js';
import { FeedClock, alphaOver } from '../../../src-main/physics/feed-clock.js';
import { HistoryBuffer, type HistoryEntry } from '../../../src-main/physics/history.js';
import { thresholdsFor } from '../../../src-main/physics/thresholds.js';
import { EfficiencyJudge } from '../../../src-main/physics/trackers/efficiency.js';
import { FounderTracker } from '../../../src-main/physics/trackers/founder.js';
import { MseReference } from '../../../src-main/physics/trackers/mse-reference.js';
import { NoiseBand } from '../../../src-main/physics/trackers/noise-band.js';
import { PackOffTrend, TREND_WINDOW_S, type PackOffTrendPacket, type PackOffTrendReading } from '../../../src-main/physics/trackers/pack-off-trend.js';
import type { DrillingMetrics } from '../../../src-shared/metrics.js';

const RATES_HZ = [1, 0.5, 0.2];
/** Packet times (s) from 0 to `untilS` at `hz`. */
const times = (hz: number, untilS: number): number[] => Array.from({ length: Math.floor(untilS * hz) + 1 }, (_, i) => i / hz);

describe('FeedClock', () => {
  it('a packet stands for the seconds since the one before; a long silence is a gap at the last pace; a restart starts over', () => {
    const c = new FeedClock();
    expect(c.next(0)).toBe(1);
    expect(c.next(2000)).toBe(2);
    expect(c.next(4000)).toBe(2);
    expect(c.next(64_000)).toBe(2);
    expect(c.next(64_000)).toBe(0);
    expect(c.next(1000)).toBe(1);
  });
  it('an α per second compounds over a longer reading, and is exactly α at 1 s', () => {
    expect(alphaOver(0.01, 1)).toBe(0.01);
    expect(1 - alphaOver(0.01, 2)).toBeCloseTo(0.99 * 0.99, 12);
    expect(alphaOver(0.01, 0)).toBe(0);
  });
});

describe('windows in seconds', () => {
  it('ShortWindow holds 5 s of readings at any rate, and 3 readings where 5 s holds fewer', () => {
    for (const hz of [1, 0.5]) {
      const w = new ShortWindow(5);
      for (const t of times(hz, 60)) w.push(t, 1 / hz);
      // The newest readings covering 5 s: 56..60 at 1 Hz, 56..60 at 0.5 Hz (three of them).
      expect(w.coveredS).toBeGreaterThanOrEqual(5);
      expect(w.coveredS - 1 / hz).toBeLessThan(5);
      expect(w.mean).toBeCloseTo(58, 9);
    }
    const sparse = new ShortWindow(5);
    for (const t of times(0.1, 100)) sparse.push(t, 10);
    expect(sparse.n).toBe(3);
  });
  it('an EMA baseline follows a step with the same memory in seconds', () => {
    const after = (hz: number) => {
      const b = new EmaBaseline();
      for (const t of times(hz, 300)) b.update(t <= 200 ? 100 : 110, false, 1 / hz);
      return b.current as number;
    };
    expect(after(0.5)).toBeCloseTo(after(1), 6);
    expect(after(0.2)).toBeCloseTo(after(1), 6);
    expect(after(1)).toBeGreaterThan(100.5);
  });
  it('a noise band is trusted after the same 240 s (120 s learned, 120 s late) at 1 Hz and 0.5 Hz', () => {
    for (const hz of [1, 0.5]) {
      const b = new NoiseBand();
      const firstTrusted = times(hz, 400).find((t, i) => b.update(i % 2 ? 5 : -5, true, 1 / hz) !== null);
      expect(firstTrusted).toBe(240 - 1 / hz);
    }
  });
  it('MSE efficiency is judged after the same drilling seconds, against the same reference, at 1 Hz and 0.5 Hz', () => {
    const judgedFrom = (hz: number) => {
      const ref = new MseReference();
      const judge = new EfficiencyJudge(60_000);
      let first: number | null = null;
      let last: number | null = null;
      for (const t of times(hz, 1200)) {
        // MSE 20 kpsi, rising to 30 kpsi after 900 s (the bit dulling).
        const r = ref.update(t < 900 ? 20_000 : 30_000, 1 / hz);
        const e = judge.update(t * 1000, true, 0, r.efficiencyPercent, 1 / hz);
        if (e !== null) {
          first ??= t;
          last = e;
        }
      }
      return { first, last };
    };
    const one = judgedFrom(1);
    const half = judgedFrom(0.5);
    expect(one.first).not.toBeNull();
    expect(Math.abs((half.first as number) - (one.first as number))).toBeLessThanOrEqual(4);
    expect(half.last).toBeCloseTo(one.last as number, 6);
    expect(one.last as number).toBeLessThan(70);
  });
  it('the founder trend is read per second over the last 10 s at 1 Hz and 0.5 Hz', () => {
    const th = thresholdsFor(defaultConfig(), 'production');
    const slopes = RATES_HZ.slice(0, 2).map((hz) => {
      const h = new HistoryBuffer<HistoryEntry>(60);
      const f = new FounderTracker(10);
      let last = null as number | null;
      for (const t of times(hz, 60)) {
        const p = makePacket(t * 1000, { wobKlbf: 20 + 0.5 * t, ropFtHr: 60 });
        p.rigState = 'Drilling';
        last = f.update(p, true, h, th).wobSlopeRel;
        h.push({ packet: p, metrics: {} as DrillingMetrics, anomalous: false });
      }
      return last as number;
    });
    // WOB +0.5 klbf/s from ~45 klbf at the window start: about 1.1 %/s at either rate.
    expect(slopes[0]).toBeCloseTo(0.5 / (20 + 0.5 * 50), 2);
    expect(slopes[1]).toBeCloseTo(slopes[0], 2);
  });
});

/** Clean drilling with a wobble in time, then a 5-minute pack-off ramp from `startS`. */
function packOffRun(hz: number, startS: number, untilS: number, ramp = true): Array<{ t: number; r: PackOffTrendReading | null }> {
  const trend = new PackOffTrend();
  const floors = { torqueFraction: 0.075, sppPsi: 50, ropFraction: 0.1 };
  return times(hz, untilS).map((t) => {
    const w = Math.sin(t / 7) * 0.02;
    const k = ramp ? Math.min(Math.max(t - startS, 0), 300) / 300 : 0;
    const p: PackOffTrendPacket = { torqueKftLbf: 20 * (1 + w) * (1 + 0.45 * k), sppPsi: 3000 + 1000 * w + 300 * k, ropFtHr: 60 * (1 - w) * (1 - 0.6 * k), wobKlbf: 25, rpm: 120 };
    return { t, r: trend.update(p, true, floors, 1 / hz) };
  });
}

describe('PackOffTrend at other feed rates', () => {
  const START_S = 3 * TREND_WINDOW_S + 60;
  it('a 5-minute torque/SPP/ROP ramp clears within about the same seconds at 1, 0.5 and 0.2 Hz; clean drilling does not', () => {
    const clearsAt = RATES_HZ.map((hz) => packOffRun(hz, START_S, START_S + 300).find((x) => x.r !== null && x.r.clearRatio >= 1)?.t ?? null);
    expect(clearsAt[0]).not.toBeNull();
    const latency1Hz = (clearsAt[0] as number) - START_S;
    expect(latency1Hz).toBeLessThan(150);
    for (const at of clearsAt.slice(1)) expect(Math.abs((at as number) - (clearsAt[0] as number))).toBeLessThanOrEqual(10);
    for (const hz of RATES_HZ) {
      const clean = packOffRun(hz, START_S, START_S + 300, false).filter((x) => x.r !== null);
      expect(clean.length).toBeGreaterThan(0);
      expect(Math.max(...clean.map((x) => x.r!.clearRatio))).toBeLessThan(1);
    }
  });
  it('the window covers 120 s at 0.5 Hz (not 240 s): a steady ramp reads the same change at either rate', () => {
    const at = (hz: number) => packOffRun(hz, START_S, START_S + 250).at(-1)!.r!;
    const one = at(1);
    const half = at(0.5);
    // Half-way up the ramp: torque +45 % over 300 s, so about +18 % of the mean over 120 s.
    expect(one.torqueTrendFraction).toBeGreaterThan(0.12);
    expect(half.torqueTrendFraction).toBeCloseTo(one.torqueTrendFraction, 2);
    expect(half.sppTrendPsi).toBeCloseTo(one.sppTrendPsi, -1);
    expect(half.ropFallFraction).toBeCloseTo(one.ropFallFraction, 2);
  });
  it('is not read before two minutes of feed have come, at any rate', () => {
    for (const hz of RATES_HZ) {
      const trend = new PackOffTrend();
      const floors = { torqueFraction: 0.075, sppPsi: 50, ropFraction: 0.1 };
      // Long enough to learn the bands, then off bottom, then back: the window starts over.
      for (const t of times(hz, START_S)) trend.update({ torqueKftLbf: 20 + Math.sin(t), sppPsi: 3000, ropFtHr: 60, wobKlbf: 25, rpm: 120 }, true, floors, 1 / hz);
      trend.update({ torqueKftLbf: 20, sppPsi: 3000, ropFtHr: 60, wobKlbf: 25, rpm: 120 }, false, floors, 1 / hz);
      const back = times(hz, 200).map((t) => trend.update({ torqueKftLbf: 20 + Math.sin(t), sppPsi: 3000, ropFtHr: 60, wobKlbf: 25, rpm: 120 }, true, floors, 1 / hz));
      const first = back.findIndex((r) => r !== null);
      expect(first / hz).toBe(TREND_WINDOW_S - 1 / hz);
    }
  });
});
