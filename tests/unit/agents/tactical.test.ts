import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src-shared/config.js';
import type { DrillingMetrics } from '../../../src-shared/metrics.js';
import { makePacket, type WitsPacket } from '../../../src-shared/wits.js';
import { TacticalAgent, type TacticalContext } from '../../../src-main/agents/tactical.js';
import type { Detection } from '../../../src-main/physics/detectors.js';
import { thresholdsFor } from '../../../src-main/physics/thresholds.js';
import { HistoryBuffer, type HistoryEntry } from '../../../src-main/physics/history.js';

const th = thresholdsFor(defaultConfig(), 'production');
const ctx = (shadowMode = false): TacticalContext => ({ thresholds: th, campaign: 'production', operation: 'ProductionDrilling', shadowMode });
const h = new HistoryBuffer<HistoryEntry>(60);

function pkt(i: number, depth = 10000): WitsPacket {
  const p = makePacket(i * 1000, { bitDepthFt: depth, holeDepthFt: depth, flowInGpm: 500, flowOutGpm: 540 });
  p.rigState = 'Drilling';
  return p;
}
function metrics(p: WitsPacket, fb = 40): DrillingMetrics {
  return {
    timeMs: p.timeMs, rigState: p.rigState, operation: 'ProductionDrilling', bitDepthFt: p.bitDepthFt, holeDepthFt: p.holeDepthFt,
    msePsi: null, optimalMsePsi: null, mseEfficiencyPercent: 60, dExponent: null, dxc: null, ecdPpg: null, fractureGradientPpg: null,
    ecdMarginPpg: null, flowBalanceGpm: fb, pitRateBblHr: null, pitGainBbl: null, torqueCv: null, torqueDeltaFraction: null,
    sppDeltaPsi: null, mseDeltaFraction: null, hardness: null,
  };
}
const det = (fault: Detection['fault'], level: Detection['level']): Detection => ({
  fault, level, severity: 0.5, trigger: { parameter: 'x', value: 1, threshold: 0, unit: '' }, description: fault,
});

describe('TacticalAgent', () => {
  it('a warning needs 3 of the last 5 packets', () => {
    const a = new TacticalAgent();
    const seq = [true, false, true, false, true];
    const out = seq.map((on, i) => a.evaluate(pkt(i), metrics(pkt(i)), on ? [det('mse-inefficiency', 'WARNING')] : [], h, ctx()));
    expect(out.slice(0, 4).every((t) => t === null)).toBe(true);
    expect(out[4]?.fault).toBe('mse-inefficiency');
    expect(out[4]?.category).toBe('DrillingEfficiency');
    expect(out[4]?.id).toBe('TKT-4000-1');
  });
  it('critical well control goes once sustained (3 of 5 packets), with breaches and context', () => {
    const a = new TacticalAgent();
    const r = [0, 1, 2].map((i) => a.evaluate(pkt(i), metrics(pkt(i)), [det('kick', 'CRITICAL')], h, ctx()));
    expect(r[0]).toBeNull();
    expect(r[1]).toBeNull();
    const t = r[2]!;
    expect(t.severity).toBe('CRITICAL');
    expect(t.category).toBe('WellControl');
    expect(t.breaches.find((b) => b.parameter === 'flowBalanceGpm')?.level).toBe('CRITICAL');
    expect(t.campaign).toBe('production');
    expect(t.rigState).toBe('Drilling');
    expect(t.depthFt).toBe(10000);
  });
  it('an advised fault is not ticketed again in its episode until time or new hole pass; another fault still passes', () => {
    const a = new TacticalAgent();
    const tickets: string[] = [];
    for (let i = 0; i < 700; i++) {
      const dets = [det('washout', 'WARNING'), ...(i >= 300 && i < 310 ? [det('pack-off', 'WARNING')] : [])];
      const t = a.evaluate(pkt(i), metrics(pkt(i)), dets, h, ctx());
      if (!t) continue;
      tickets.push(`${t.fault}@${i}`);
      a.verdict(t.fault, 'Confirmed', t.timeMs);
    }
    expect(tickets).toEqual(['washout@2', 'pack-off@302', 'washout@602']);
    // 100 ft of new hole also refreshes the advisory.
    const b = new TacticalAgent();
    const deeper: number[] = [];
    for (let i = 0; i < 100; i++) {
      const t = b.evaluate(pkt(i, 10000 + i * 2), metrics(pkt(i)), [det('washout', 'WARNING')], h, ctx());
      if (t) { deeper.push(i); b.verdict(t.fault, 'Confirmed', t.timeMs); }
    }
    expect(deeper).toEqual([2, 52]);
  });
  it('optimisation advice is repeated only after advice_repeat_after_s, not for new hole, and flickering is one episode', () => {
    const a = new TacticalAgent({ adviceRepeatAfterS: 1800 });
    const tickets: number[] = [];
    for (let i = 0; i < 2000; i++) {
      // Founder flickers: present 3 minutes, gone 5 minutes, while the bit drills 2 ft/s.
      const on = i % 480 < 180;
      const t = a.evaluate(pkt(i, 10000 + i * 2), metrics(pkt(i)), on ? [det('founder', 'WARNING')] : [], h, ctx());
      if (t) { tickets.push(i); a.verdict(t.fault, 'Confirmed', t.timeMs); }
    }
    expect(tickets).toEqual([2, 1922]);
  });
  it('an uncertain ticket is retried after a third of retry_after_rejected_s, or sooner when the verification says its evidence is building', () => {
    const retries = (recheckAfterS?: number) => {
      const a = new TacticalAgent({ retryAfterRejectedS: 60 });
      const at: number[] = [];
      for (let i = 0; i < 50; i++) {
        const t = a.evaluate(pkt(i), metrics(pkt(i)), [det('pack-off', 'WARNING')], h, ctx());
        if (t) { at.push(i); a.verdict(t.fault, 'Uncertain', t.timeMs, recheckAfterS); }
      }
      return at;
    };
    expect(retries()).toEqual([2, 22, 42]);
    expect(retries(5)).toEqual([2, 7, 12, 17, 22, 27, 32, 37, 42, 47]);
    // A hint longer than the usual wait never delays the retry.
    expect(retries(100)).toEqual([2, 22, 42]);
  });
  it('a rejected ticket is retried after retry_after_rejected_s; an escalation passes at once', () => {
    const a = new TacticalAgent({ retryAfterRejectedS: 60 });
    const tickets: number[] = [];
    for (let i = 0; i < 100; i++) {
      const t = a.evaluate(pkt(i), metrics(pkt(i)), [det('pack-off', 'WARNING')], h, ctx());
      if (t) { tickets.push(i); a.verdict(t.fault, 'Rejected', t.timeMs); }
    }
    expect(tickets).toEqual([2, 62]);
    const b = new TacticalAgent();
    const levels: string[] = [];
    for (let i = 0; i < 30; i++) {
      const t = b.evaluate(pkt(i), metrics(pkt(i)), [det('pack-off', i < 15 ? 'WARNING' : 'CRITICAL')], h, ctx());
      if (t) { levels.push(`${t.severity}@${i}`); b.verdict(t.fault, 'Confirmed', t.timeMs); }
    }
    expect(levels.length).toBe(2);
    expect(levels[1]).toBe('HIGH@15');
  });
  it('shadow mode: no warnings, but critical well control still raises a ticket after 10 packets in a row', () => {
    const a = new TacticalAgent();
    let warn = 0;
    for (let i = 0; i < 10; i++) if (a.evaluate(pkt(i), metrics(pkt(i)), [det('pack-off', 'CRITICAL')], h, ctx(true))) warn++;
    expect(warn).toBe(0);
    const b = new TacticalAgent();
    const at: number[] = [];
    for (let i = 0; i < 12; i++) {
      const t = b.evaluate(pkt(i), metrics(pkt(i)), [det('kick', 'CRITICAL')], h, ctx(true));
      if (t) { at.push(i); b.verdict(t.fault, 'Confirmed', t.timeMs); }
    }
    expect(at).toEqual([9]);
  });
  it('critical well control holds for the same 9 s of data on a sparse feed, and never on fewer than 3 packets', () => {
    // One packet every 2 s: 6 packets span 10 s (at 1 Hz it took 10 packets, 9 s).
    const every = (spacingS: number, n: number) => {
      const a = new TacticalAgent();
      const at: number[] = [];
      for (let i = 0; i < n; i++) {
        const p = makePacket(i * spacingS * 1000, { bitDepthFt: 10000, holeDepthFt: 10000, flowInGpm: 500, flowOutGpm: 540 });
        p.rigState = 'Drilling';
        const t = a.evaluate(p, metrics(p), [det('kick', 'CRITICAL')], h, ctx(true));
        if (t) { at.push(i * spacingS); a.verdict(t.fault, 'Confirmed', t.timeMs); }
      }
      return at;
    };
    expect(every(2, 8)[0]).toBe(10);
    // A 10 s feed: 9 s pass between two packets, but a spike on two packets is still not a kick.
    expect(every(10, 3)).toEqual([20]);
  });
  it('no ticket with bit depth ≤ 0', () => {
    const a = new TacticalAgent();
    let n = 0;
    for (let i = 0; i < 10; i++) if (a.evaluate(pkt(i, 0), metrics(pkt(i, 0)), [det('kick', 'CRITICAL')], h, ctx())) n++;
    expect(n).toBe(0);
  });
});
