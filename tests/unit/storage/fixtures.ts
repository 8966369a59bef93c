// Small builders for storage tests: complete, typed domain objects with overridable fields.
import type { Advisory, Ticket, VerificationResult } from '../../../src-shared/advisory.js';
import { FLEET_SCHEMA_VERSION, type FleetEpisode } from '../../../src-shared/fleet.js';
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

let episodeCounter = 0;
export function makeEpisode(over: Partial<FleetEpisode> = {}): FleetEpisode {
  episodeCounter++;
  const id = over.id ?? `RIG-A-ADV-${episodeCounter.toString(16).padStart(8, '0')}-episode`;
  return {
    schemaVersion: FLEET_SCHEMA_VERSION, id, eventId: id.replace(/-episode$/, ''), sourceRigId: 'RIG-A', wellId: 'W-1',
    category: 'Mechanical', fault: 'pack-off', campaign: 'production', riskLevel: 'High', depthFromFt: 7500, depthToFt: 7580,
    keyMetrics: {
      mseEfficiencyPercent: 55, flowBalanceGpm: -2, pitRateBblHr: 0, dExponent: 1.6, torqueDeltaFraction: 0.3,
      sppDeltaPsi: 180, ecdMarginPpg: 0.9, ropFtHr: 20,
    },
    resolutionSummary: 'pack-off, circulated and reamed, resolved', outcome: { kind: 'Resolved', action: 'circulated and reamed' },
    embedding: Array.from({ length: 32 }, (_, i) => (i === 31 ? 1 : 0)), timeMs: 1_700_000_000_000, ...over,
  };
}
