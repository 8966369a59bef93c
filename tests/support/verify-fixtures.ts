// Fixtures for the verification tests: a drilling history read at any feed pace, and the ticket
// raised on its newest packet.
import type { FaultKind, Ticket } from '../../src-shared/advisory.js';
import { FAULT_CATEGORY } from '../../src-shared/advisory.js';
import type { DrillingMetrics } from '../../src-shared/metrics.js';
import { makePacket, type ChannelValues, type WitsPacket } from '../../src-shared/wits.js';
import { HistoryBuffer, type HistoryEntry } from '../../src-main/physics/history.js';

/** Metrics with nothing computed: each test sets only what its rule reads. */
export const blank = (p: WitsPacket): DrillingMetrics => ({
  timeMs: p.timeMs, rigState: p.rigState, operation: 'ProductionDrilling', bitDepthFt: p.bitDepthFt, holeDepthFt: p.holeDepthFt,
  msePsi: null, optimalMsePsi: null, mseEfficiencyPercent: null, dExponent: null, dxc: null, ecdPpg: null, fractureGradientPpg: null,
  ecdMarginPpg: null, flowBalanceGpm: null, pitRateBblHr: null, pitGainBbl: null, torqueCv: null, torqueDeltaFraction: null,
  sppDeltaPsi: null, mseDeltaFraction: null, hardness: null,
});

export interface Reading {
  v?: Partial<ChannelValues>;
  m?: Partial<DrillingMetrics>;
  anomalous?: boolean;
}

/**
 * `seconds` of drilling read every `stepS` s into a 60-entry history (the default history size):
 * `at` gets each reading's time in seconds (the index at 1 Hz). Step 5 is every 5th packet of the
 * same 1 Hz feed.
 */
export function historyAt(stepS: number, seconds: number, at: (tS: number) => Reading): HistoryBuffer<HistoryEntry> {
  const h = new HistoryBuffer<HistoryEntry>(60);
  for (let tS = 0; tS < seconds; tS += stepS) {
    const x = at(tS);
    const p = makePacket(tS * 1000, { bitDepthFt: 10000, holeDepthFt: 10000, ...x.v });
    p.rigState = 'Drilling';
    h.push({ packet: p, metrics: { ...blank(p), ...x.m }, anomalous: x.anomalous ?? false });
  }
  return h;
}

/** The ticket for `fault` on the history's newest packet. */
export function ticket(fault: FaultKind, h: HistoryBuffer<HistoryEntry>): Ticket {
  const e = h.latest()!;
  return {
    id: 'TKT-1', timeMs: e.packet.timeMs, category: FAULT_CATEGORY[fault], fault, severity: 'HIGH',
    trigger: { parameter: 'x', value: 0, threshold: 0, unit: '' }, breaches: [], description: '', rigState: 'Drilling',
    operation: 'ProductionDrilling', campaign: 'production', depthFt: 10000, packet: e.packet, metrics: e.metrics,
  };
}
