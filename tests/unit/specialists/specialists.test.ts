import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src-shared/config.js';
import type { DrillingMetrics } from '../../../src-shared/metrics.js';
import type { ChannelValues } from '../../../src-shared/wits.js';
import { summarizeHistory } from '../../../src-main/agents/orchestrator.js';
import { thresholdsFor } from '../../../src-main/physics/thresholds.js';
import {
  FormationSpecialist,
  HydraulicSpecialist,
  MseSpecialist,
  StuckPipeSpecialist,
  WellControlSpecialist,
  stuckPipeComposite,
  type HistorySample,
  type Specialist,
  type SpecialistInput,
} from '../../../src-main/agents/specialists/index.js';
import { ticket, verification, type TicketOptions } from './fixtures.js';

const cfg = defaultConfig();

function input(o: TicketOptions, recent: HistorySample[] = [], campaign: 'production' | 'plug_abandonment' = 'production'): SpecialistInput {
  const t = ticket(o);
  return { ticket: t, verification: verification(t), history: summarizeHistory(recent), limits: thresholdsFor(cfg, campaign) };
}
const levelOf = (s: Specialist, m: Partial<DrillingMetrics>, p: Partial<ChannelValues> = {}) =>
  s.evaluate(input({ metrics: m, packet: p })).level;

describe('MSE specialist', () => {
  const s = new MseSpecialist();
  it.each([
    [49.9, 'HIGH'],
    [50, 'MEDIUM'],
    [69.9, 'MEDIUM'],
    [70, 'LOW'],
    [0, 'LOW'],
  ])('efficiency %d %% -> %s', (eff, level) => {
    expect(levelOf(s, { mseEfficiencyPercent: eff })).toBe(level);
  });
  it('a confirmed stick-slip is HIGH (energy into torsional vibration), whatever the efficiency reads', () => {
    const i = input({ fault: 'stick-slip', metrics: { torqueCv: 0.28, mseEfficiencyPercent: 95 } });
    const o = s.evaluate(i);
    expect(o.level).toBe('HIGH');
    expect(o.reason).toContain('0.28');
    expect(s.evaluate({ ...i, verification: { ...i.verification, status: 'Uncertain' } }).level).toBe('LOW');
    // Torque CV on another fault's ticket is not read as stick-slip.
    expect(levelOf(s, { torqueCv: 0.28, mseEfficiencyPercent: 95 })).toBe('LOW');
  });
  it('uses the P&A limits (50/30) and quotes the numbers', () => {
    const o = s.evaluate(input({ metrics: { mseEfficiencyPercent: 45, msePsi: 62_000 } }, [], 'plug_abandonment'));
    expect(o.level).toBe('MEDIUM');
    expect(o.reason).toBe('MSE 62.0 kpsi, efficiency 45 % below warning 50 %');
  });
  it('null efficiency is not assessable', () => {
    expect(s.evaluate(input({ metrics: { mseEfficiencyPercent: null } })).reason).toMatch(/not assessable/);
  });
});

describe('Hydraulic specialist', () => {
  const s = new HydraulicSpecialist();
  it.each([
    [{ ecdMarginPpg: 0.09 }, 'CRITICAL'],
    [{ ecdMarginPpg: 0.1 }, 'HIGH'],
    [{ ecdMarginPpg: 0.29 }, 'HIGH'],
    [{ sppDeltaPsi: 201 }, 'HIGH'],
    [{ sppDeltaPsi: -201 }, 'HIGH'],
    [{ sppDeltaPsi: 200 }, 'MEDIUM'],
    [{ sppDeltaPsi: 101 }, 'MEDIUM'],
    [{ sppDeltaPsi: 100 }, 'LOW'],
  ] as [Partial<DrillingMetrics>, string][])('%o -> %s', (m, level) => {
    expect(levelOf(s, m)).toBe(level);
  });
  it('reason quotes SPP and margin with units', () => {
    expect(s.evaluate(input({ metrics: { sppDeltaPsi: -240 } })).reason).toBe('SPP -240 psi from baseline beyond ±200 psi; ECD margin 3.60 ppg');
  });
  it('a washout read from its steady fall (baseline starting over) is a MEDIUM hydraulic concern', () => {
    const fall = { fault: 'washout' as const, metrics: { sppDeltaPsi: 41 }, trigger: { parameter: 'sppFallPsi', value: -50, threshold: -37.5, unit: 'psi' } };
    const o = s.evaluate(input(fall));
    expect(o.level).toBe('MEDIUM');
    expect(o.reason).toBe('SPP down 50 psi in a steady fall at a held pump rate and bit load; ECD margin 3.60 ppg');
    // The same ticket read against its baseline only is within limits.
    expect(s.evaluate(input({ fault: 'washout', metrics: { sppDeltaPsi: 41 } })).level).toBe('LOW');
  });
  it('baseline overrides tighten the SPP limit', () => {
    const i = input({ metrics: { sppDeltaPsi: 60 } });
    i.limits = thresholdsFor(cfg, 'production', { sppDeviationWarningPsi: 30, sppDeviationCriticalPsi: 50 });
    expect(s.evaluate(i).level).toBe('HIGH');
  });
});

describe('WellControl specialist', () => {
  const s = new WellControlSpecialist();
  it.each([
    [{ flowBalanceGpm: 20.1 }, 'CRITICAL'],
    [{ flowBalanceGpm: 20 }, 'HIGH'],
    [{ flowBalanceGpm: 10.1 }, 'HIGH'],
    [{ flowBalanceGpm: 10 }, 'MEDIUM'],
    [{ flowBalanceGpm: 5.1 }, 'MEDIUM'],
    [{ flowBalanceGpm: 5 }, 'LOW'],
    [{ flowBalanceGpm: -25 }, 'CRITICAL'],
    [{ pitRateBblHr: 15.1 }, 'CRITICAL'],
    [{ pitRateBblHr: 15 }, 'HIGH'],
    [{ pitRateBblHr: 5.1 }, 'HIGH'],
    [{ pitRateBblHr: 2.1 }, 'MEDIUM'],
    [{ pitRateBblHr: 2 }, 'LOW'],
    // Within twice this rig's own pit noise a pit rate is no news (a 40-s rate on agitated pits).
    [{ pitRateBblHr: 3, pitRateNoiseBblHr: 1.6 }, 'LOW'],
    [{ pitRateBblHr: 3.3, pitRateNoiseBblHr: 1.6 }, 'MEDIUM'],
  ] as [Partial<DrillingMetrics>, string][])('%o -> %s', (m, level) => {
    expect(levelOf(s, m)).toBe(level);
  });
  it('a pit rate without a flow-out reading is not evidence (tank transfers), so LOW', () => {
    const o = s.evaluate(input({ metrics: { flowBalanceGpm: null, pitRateBblHr: -2969 }, packet: { gasUnits: null, h2sPpm: null } }));
    expect(o.level).toBe('LOW');
    expect(o.reason).toMatch(/no flow-out data/);
  });
  it('no flow data -> LOW, not assessable', () => {
    const o = s.evaluate(input({ metrics: { flowBalanceGpm: null, pitRateBblHr: null }, packet: { gasUnits: null, h2sPpm: null } }));
    expect(o.level).toBe('LOW');
    expect(o.reason).toMatch(/not assessable/);
  });
  it('gas and H2S count', () => {
    expect(levelOf(s, {}, { gasUnits: 150 })).toBe('HIGH');
    expect(levelOf(s, {}, { gasUnits: 600 })).toBe('CRITICAL');
    expect(levelOf(s, {}, { h2sPpm: 25 })).toBe('CRITICAL');
  });
  it('P&A flow limits are tighter (5/15 gpm)', () => {
    expect(s.evaluate(input({ metrics: { flowBalanceGpm: 16 } }, [], 'plug_abandonment')).level).toBe('CRITICAL');
  });
  it('reason quotes flow balance and pit rate with units', () => {
    expect(s.evaluate(input({ metrics: { flowBalanceGpm: 24.5, pitRateBblHr: 8 } })).reason).toBe(
      'flow balance +24.5 gpm (gain) beyond critical 20 gpm; pit rate +8.0 bbl/hr beyond warning 5 bbl/hr',
    );
  });
});

// dxc series with a given relative change across 20 packets.
const dxcRamp = (from: number, to: number): HistorySample[] =>
  Array.from({ length: 21 }, (_, i) => ({ dxc: from + ((to - from) * i) / 20, torqueKftLbf: 15, wobKlbf: 25, ropFtHr: 60, sppDeltaPsi: 0 }));

describe('Formation specialist', () => {
  const s = new FormationSpecialist();
  const vote = (recent: HistorySample[]) => s.evaluate(input({}, recent));
  it('falling dxc (-20 %) -> HIGH with the trend in the reason', () => {
    const o = vote(dxcRamp(1.6, 1.28)); // fitted change -0.32 over mean 1.44 = -22 %
    expect(o.level).toBe('HIGH');
    expect(o.reason).toMatch(/dxc 1\.44 trending -22\.2 % over 21 samples/);
  });
  it('rising dxc (+12 %) -> MEDIUM, falling 12 % -> MEDIUM, +5 % -> LOW', () => {
    expect(vote(dxcRamp(1.4, 1.4 * 1.12)).level).toBe('MEDIUM');
    expect(vote(dxcRamp(1.4 * 1.12, 1.4)).level).toBe('MEDIUM');
    expect(vote(dxcRamp(1.4, 1.4 * 1.05)).level).toBe('LOW');
  });
  it('too little history -> LOW, not a guess', () => {
    const o = vote(dxcRamp(1.6, 1.2).slice(0, 4));
    expect(o.level).toBe('LOW');
    expect(o.reason).toMatch(/not enough/);
  });
});

describe('StuckPipe specialist', () => {
  const s = new StuckPipeSpecialist();
  const flat: HistorySample[] = Array.from({ length: 20 }, () => ({ dxc: 1.4, torqueKftLbf: 15, wobKlbf: 25, ropFtHr: 60, sppDeltaPsi: 0 }));
  it('no signs -> LOW with index 0', () => {
    const o = s.evaluate(input({}, flat));
    expect(o.level).toBe('LOW');
    expect(o.reason).toBe('stuck-pipe index 0.00 (no sticking signs)');
  });
  it('composite parts follow DOMAIN §6', () => {
    // torque +40 %: 4·(0.40−0.15)=1 -> 0.25; SPP +300 psi at hardness 0: (300−50)/200 -> 1 -> 0.20;
    // pack-off fault -> drag 0.6 -> 0.06.
    const i = input({ fault: 'pack-off', metrics: { torqueDeltaFraction: 0.4, sppDeltaPsi: 300, hardness: 0 } }, flat);
    const c = stuckPipeComposite(i);
    expect(c.composite).toBeCloseTo(0.25 + 0.2 + 0.06, 9);
    expect(s.evaluate(i).level).toBe('HIGH');
  });
  it('ROP collapse with overpull pushes it to CRITICAL; boundaries 0.3/0.5/0.7', () => {
    const wobRising: HistorySample[] = Array.from({ length: 21 }, (_, i) => ({ dxc: 1.4, torqueKftLbf: 15, wobKlbf: 20 + i * 0.5, ropFtHr: 10 - i * 0.4, sppDeltaPsi: 0 }));
    const i = input(
      { fault: 'pack-off', metrics: { torqueDeltaFraction: 0.4, sppDeltaPsi: 300, hardness: 0 }, packet: { ropFtHr: 0, wobKlbf: 30 } },
      wobRising,
    );
    expect(stuckPipeComposite(i).composite).toBeGreaterThan(0.7);
    expect(s.evaluate(i).level).toBe('CRITICAL');
    // Torque only (+27.5 %): 0.25·0.5 = 0.125 -> LOW; + SPP 250 psi: +0.2 -> 0.325 MEDIUM.
    expect(s.evaluate(input({ metrics: { torqueDeltaFraction: 0.275, hardness: 0 } }, flat)).level).toBe('LOW');
    expect(s.evaluate(input({ metrics: { torqueDeltaFraction: 0.275, sppDeltaPsi: 250, hardness: 0 } }, flat)).level).toBe('MEDIUM');
  });
});
