// Small builders for storage tests: complete, typed domain objects with overridable fields.
import type { Advisory, Ticket, VerificationResult } from '../../../src-shared/advisory.js';
import type { DrillingMetrics } from '../../../src-shared/metrics.js';
import { makePacket } from '../../../src-shared/wits.js';

export function makeMetrics(timeMs: number): DrillingMetrics {
  return {
    timeMs, rigState: 'Drilling', operation: 'ProductionDrilling', bitDepthFt: 10_000, holeDepthFt: 10_010,
    msePsi: 30_000, optimalMsePsi: 25_000, mseEfficiencyPercent: 83, dExponent: 1.4, dxc: 1.2, ecdPpg: 10.2,
    fractureGradientPpg: 14, ecdMarginPpg: 3.8, flowBalanceGpm: 25, pitRateBblHr: 12, pitGainBbl: 6.1,
    torqueCv: 0.05, torqueDeltaFraction: 0.02, sppDeltaPsi: 10, mseDeltaFraction: 0.01, hardness: 4,
  };
}

export function makeVerification(over: Partial<VerificationResult> = {}): VerificationResult {
  return {
    ticketId: 'TKT-1', timeMs: 1_700_000_000_000, category: 'WellControl', fault: 'kick', status: 'Confirmed',
    severity: 'CRITICAL', reason: 'flow out 25 gpm above flow in for 30 s, pit +6.1 bbl', confidence: 0.9, ...over,
  };
}

export function makeTicket(over: Partial<Ticket> = {}): Ticket {
  const timeMs = over.timeMs ?? 1_700_000_000_000;
  return {
    id: 'TKT-1', timeMs, category: 'WellControl', fault: 'kick', severity: 'CRITICAL',
    trigger: { parameter: 'flowBalanceGpm', value: 25, threshold: 20, unit: 'gpm' }, breaches: [],
    description: 'flow imbalance', rigState: 'Drilling', operation: 'ProductionDrilling', campaign: 'production',
    depthFt: 10_010, packet: makePacket(timeMs, { flowInGpm: 500, flowOutGpm: 525 }), metrics: makeMetrics(timeMs), ...over,
  };
}

let counter = 0;
export function makeAdvisory(over: Partial<Advisory> = {}): Advisory {
  const timeMs = over.timeMs ?? 1_700_000_000_000;
  counter++;
  return {
    id: `ADV-${counter.toString(16).padStart(8, '0')}`, timeMs, ticketId: 'TKT-1', category: 'WellControl', fault: 'kick',
    severity: 'CRITICAL', riskLevel: 'Critical', consensusScore: 3.8, confidence: 0.9, source: 'template',
    template: { diagnosis: 'Possible kick', recommendation: 'Stop drilling, flow check', expectedBenefit: 'Early shut-in', reasoning: 'flow and pit up' },
    llm: null, llmFallbackReason: null, physicsVerdict: makeVerification({ timeMs }), votes: [], precedents: [],
    trigger: { parameter: 'flowBalanceGpm', value: 25, threshold: 20, unit: 'gpm' }, breaches: [], campaign: 'production',
    operation: 'ProductionDrilling', rigState: 'Drilling', depthFt: 10_010, metrics: makeMetrics(timeMs), ...over,
  };
}
