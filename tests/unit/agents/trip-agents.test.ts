// The trip sheet's faults through the agents (issue 11 item 13): the tactical agent lets a
// trip-tank warning through while the baseline is learned, verification reads the trip-sheet
// number it names, and the well-control specialist votes on it.
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../../src-shared/advisory.js';
import { defaultConfig } from '../../../src-shared/config.js';
import type { DrillingMetrics } from '../../../src-shared/metrics.js';
import { makePacket, type RigState, type WitsPacket } from '../../../src-shared/wits.js';
import { StrategicAgent } from '../../../src-main/agents/strategic.js';
import { TacticalAgent } from '../../../src-main/agents/tactical.js';
import { WellControlSpecialist } from '../../../src-main/agents/specialists/well-control.js';
import { summarizeHistory } from '../../../src-main/agents/orchestrator.js';
import type { Detection } from '../../../src-main/physics/detectors.js';
import { HistoryBuffer, type HistoryEntry } from '../../../src-main/physics/history.js';
import { thresholdsFor } from '../../../src-main/physics/thresholds.js';

const th = thresholdsFor(defaultConfig(), 'plug_abandonment');
const T0 = Date.UTC(2024, 0, 1);

function pkt(i: number, rigState: RigState = 'TrippingOut'): WitsPacket {
  const p = makePacket(T0 + i * 1000, { bitDepthFt: 4000 - i, holeDepthFt: 9000, flowInGpm: 0, tripTankBbl: 30, rpm: 0 });
  p.rigState = rigState;
  return p;
}
function metrics(p: WitsPacket, tripTankGainBbl: number | null): DrillingMetrics {
  return {
    timeMs: p.timeMs, rigState: p.rigState, operation: 'Static', bitDepthFt: p.bitDepthFt, holeDepthFt: p.holeDepthFt,
    msePsi: null, optimalMsePsi: null, mseEfficiencyPercent: null, dExponent: null, dxc: null, ecdPpg: null, fractureGradientPpg: null,
    ecdMarginPpg: null, flowBalanceGpm: null, pitRateBblHr: null, pitGainBbl: null, torqueCv: null, torqueDeltaFraction: null,
    sppDeltaPsi: null, mseDeltaFraction: null, hardness: null, tripTankGainBbl, pumpsOffPitGainBbl: null,
  };
}
const gainDetection = (value: number, level: Detection['level'] = 'WARNING'): Detection => ({
  fault: 'trip-gain', level, severity: 0.5, trigger: { parameter: 'tripTankGainBbl', value, threshold: 1.5, unit: 'bbl' }, description: 'Well gaining with the pumps off',
});

function history(values: (number | null)[]): HistoryBuffer<HistoryEntry> {
  const h = new HistoryBuffer<HistoryEntry>(60);
  values.forEach((v, i) => {
    const p = pkt(i);
    h.push({ packet: p, metrics: metrics(p, v), anomalous: v !== null && v > 1.5 });
  });
  return h;
}

function ticketFrom(h: HistoryBuffer<HistoryEntry>, fault: 'trip-gain' | 'trip-loss' = 'trip-gain'): Ticket {
  const e = h.latest()!;
  const threshold = fault === 'trip-gain' ? 1.5 : -2;
  return {
    id: 'TKT-1', timeMs: e.packet.timeMs, category: 'WellControl', fault, severity: 'HIGH',
    trigger: { parameter: 'tripTankGainBbl', value: e.metrics.tripTankGainBbl ?? 0, threshold, unit: 'bbl' }, breaches: [],
    description: 'trip sheet', rigState: 'TrippingOut', operation: 'Static', campaign: 'plug_abandonment', depthFt: e.packet.bitDepthFt,
    packet: e.packet, metrics: e.metrics,
  };
}

describe('tactical agent', () => {
  it('a trip-tank warning raises a ticket while tripping, baseline still learning (shadow mode)', () => {
    const a = new TacticalAgent();
    const h = new HistoryBuffer<HistoryEntry>(60);
    const tickets: number[] = [];
    for (let i = 0; i < 6; i++) {
      const p = pkt(i);
      const t = a.evaluate(p, metrics(p, 1.8), [gainDetection(1.8)], h, { thresholds: th, campaign: 'plug_abandonment', operation: 'Static', shadowMode: true });
      if (t) {
        tickets.push(i);
        a.verdict(t.fault, 'Confirmed', t.timeMs); // as the coordinator reports it
      }
    }
    expect(tickets).toEqual([2]);
  });
});

describe('verification of a trip-sheet ticket', () => {
  const sa = new StrategicAgent();
  it('a gain that holds over the last readings is confirmed, critical past the critical limit, with its numbers', () => {
    const h = history(Array.from({ length: 40 }, (_, i) => (i < 20 ? 0.1 : 0.1 + (i - 20) * 0.12)));
    const r = sa.verify(ticketFrom(h), h, th);
    expect(r.status).toBe('Confirmed');
    expect(r.severity).toBe('HIGH');
    expect(r.reason).toMatch(/^Gain with the pumps off confirmed: Trip tank \+2\.1 bbl that the pipe does not explain \(warning 1\.5, critical 4\.0 bbl\), rising/);
    const big = history(Array.from({ length: 30 }, (_, i) => 0.2 * i));
    expect(sa.verify(ticketFrom(big), big, th).severity).toBe('CRITICAL');
  });

  it('one reading past the limit is a spike (median); a gain still building is uncertain; one back under half the warning is rejected', () => {
    const flash = history([...Array.from({ length: 28 }, () => 0.2), 1.0, 1.7]);
    expect(sa.verify(ticketFrom(flash), flash, th).status).toBe('Rejected');
    const building = history([...Array.from({ length: 25 }, () => 0.2), 1.0, 1.2, 1.4, 1.6, 1.7]);
    expect(sa.verify(ticketFrom(building), building, th).status).toBe('Uncertain');
    const gone = history([...Array.from({ length: 25 }, () => 2), 0.5, 0.4, 0.3, 0.3, 0.2]);
    expect(sa.verify(ticketFrom(gone), gone, th).status).toBe('Rejected');
  });

  it('a trip-tank loss is confirmed from the negative side', () => {
    const h = history(Array.from({ length: 30 }, (_, i) => -0.15 * i));
    const r = sa.verify(ticketFrom(h, 'trip-loss'), h, th);
    expect(r.status).toBe('Confirmed');
    expect(r.reason).toMatch(/Trip tank -4\.\d bbl/);
  });

  it('no trip-sheet readings: uncertain, never a guess', () => {
    const h = history([null, null, null, null, 1.9]);
    expect(sa.verify(ticketFrom(h), h, th).status).toBe('Uncertain');
  });
});

describe('well-control specialist', () => {
  it('votes on the trip tank with the pumps off (no flow-out sensor needed)', () => {
    const wc = new WellControlSpecialist();
    const h = history([0, 0, 0, 0, 4.5]);
    const t = ticketFrom(h);
    const v = wc.evaluate({ ticket: t, verification: { ticketId: t.id, timeMs: t.timeMs, category: 'WellControl', fault: 'trip-gain', status: 'Confirmed', severity: 'CRITICAL', reason: '', confidence: 0.8 }, history: summarizeHistory([]), limits: th });
    expect(v.level).toBe('CRITICAL');
    expect(v.reason).toBe('trip tank +4.5 bbl unexplained with the pumps off');
  });
});
