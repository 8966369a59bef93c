// Fixed synthetic enrichment requests: one confirmed advisory per fault kind and campaign.
import type { Advisory, FaultKind, RiskLevel, Ticket, VerificationResult } from '../../../src-shared/advisory.js';
import { FAULT_CATEGORY } from '../../../src-shared/advisory.js';
import type { Campaign } from '../../../src-shared/campaign.js';
import type { DrillingMetrics } from '../../../src-shared/metrics.js';
import { makePacket } from '../../../src-shared/wits.js';
import type { EnrichmentRequest } from '../../../src-main/llm/enricher.js';

export const T0 = Date.UTC(2025, 0, 15, 6, 0, 0);

const TRIGGERS: Record<FaultKind, { parameter: string; value: number; threshold: number; unit: string; reason: string }> = {
  kick: { parameter: 'flowBalanceGpm', value: 24, threshold: 20, unit: 'gpm', reason: 'flow out 24 gpm above flow in for 30 s, pit +6.1 bbl' },
  loss: { parameter: 'flowBalanceGpm', value: -31, threshold: -20, unit: 'gpm', reason: 'flow out 31 gpm below flow in for 45 s, pit -4.0 bbl' },
  gas: { parameter: 'gasUnits', value: 640, threshold: 500, unit: 'units', reason: 'gas 640 units, rising for 2 min' },
  h2s: { parameter: 'h2sPpm', value: 24, threshold: 20, unit: 'ppm', reason: 'H2S 24 ppm at the shakers' },
  'pit-rate': { parameter: 'pitRateBblHr', value: 18, threshold: 15, unit: 'bbl/hr', reason: 'pit rising 18 bbl/hr over 90 s' },
  'ecd-margin': { parameter: 'ecdMarginPpg', value: 0.08, threshold: 0.1, unit: 'ppg', reason: 'ECD margin 0.08 ppg to the fracture gradient' },
  washout: { parameter: 'sppDeltaPsi', value: -230, threshold: -200, unit: 'psi', reason: 'SPP 230 psi below baseline at constant flow for 3 min' },
  'spp-deviation': { parameter: 'sppDeltaPsi', value: 210, threshold: 200, unit: 'psi', reason: 'SPP 210 psi above baseline, sustained' },
  'pack-off': { parameter: 'sppDeltaPsi', value: 180, threshold: 150, unit: 'psi', reason: 'SPP +12 % with ROP -35 % and torque rising' },
  'stick-slip': { parameter: 'torqueCv', value: 0.28, threshold: 0.25, unit: '', reason: 'torque CV 0.28 over 60 s' },
  founder: { parameter: 'founderSeverity', value: 0.75, threshold: 0.7, unit: '', reason: 'WOB +18 % with ROP flat over 5 samples' },
  'torque-rise': { parameter: 'torqueDeltaFraction', value: 0.27, threshold: 0.25, unit: '', reason: 'torque 27 % above baseline' },
  'mse-inefficiency': { parameter: 'mseEfficiencyPercent', value: 46, threshold: 50, unit: '%', reason: 'MSE efficiency 46 % for 2 min' },
  'formation-change': { parameter: 'dxc', value: 1.21, threshold: 0.1, unit: '', reason: 'dxc down 0.12 over 30 ft with MSE -25 %' },
  'trip-gain': { parameter: 'tripTankGainBbl', value: 2.4, threshold: 1.5, unit: 'bbl', reason: 'Trip tank +2.4 bbl that the pipe does not explain, sustained' },
  'trip-loss': { parameter: 'tripTankGainBbl', value: -3.1, threshold: -2, unit: 'bbl', reason: 'Trip tank -3.1 bbl that the pipe does not explain, sustained' },
};

export function makeRequest(
  fault: FaultKind,
  campaign: Campaign = 'production',
  opts: { id?: string; timeMs?: number; risk?: RiskLevel } = {},
): EnrichmentRequest {
  const timeMs = opts.timeMs ?? T0;
  const category = FAULT_CATEGORY[fault];
  const trig = TRIGGERS[fault];
  const pa = campaign === 'plug_abandonment';
  const operation = pa ? 'Circulating' : 'ProductionDrilling';
  const rigState = pa ? 'Circulating' : 'Drilling';
  const packet = {
    ...makePacket(timeMs, {
      bitDepthFt: 10234,
      holeDepthFt: 10240,
      ropFtHr: pa ? 0 : 45.2,
      wobKlbf: pa ? 0 : 25,
      rpm: pa ? 0 : 120,
      torqueKftLbf: pa ? 0 : 14.5,
      sppPsi: 3100,
      casingPressurePsi: pa ? 450 : null,
      flowInGpm: 600,
      flowOutGpm: 624,
      pitVolumeBbl: 512.3,
      mudWeightInPpg: 10.2,
      mudWeightOutPpg: 10.1,
      gasUnits: 85,
      h2sPpm: 0,
    }),
    rigState,
  } as const;
  const metrics: DrillingMetrics = {
    timeMs,
    rigState,
    operation,
    bitDepthFt: 10234,
    holeDepthFt: 10240,
    msePsi: pa ? null : 42000,
    optimalMsePsi: pa ? null : 19300,
    mseEfficiencyPercent: pa ? null : 46,
    dExponent: 1.42,
    dxc: 1.21,
    ecdPpg: 10.65,
    fractureGradientPpg: 14,
    ecdMarginPpg: 3.35,
    flowBalanceGpm: 24,
    pitRateBblHr: 9.5,
    pitGainBbl: 6.1,
    torqueCv: pa ? null : 0.12,
    torqueDeltaFraction: pa ? null : 0.08,
    sppDeltaPsi: 35,
    mseDeltaFraction: pa ? null : 0.3,
    hardness: 4.2,
  };
  const ticket: Ticket = {
    id: `TKT-${fault}`,
    timeMs,
    category,
    fault,
    severity: 'HIGH',
    trigger: { parameter: trig.parameter, value: trig.value, threshold: trig.threshold, unit: trig.unit },
    breaches: [{ parameter: trig.parameter, actual: trig.value, threshold: trig.threshold, level: 'CRITICAL', unit: trig.unit }],
    description: `${fault} detected`,
    rigState,
    operation,
    campaign,
    depthFt: 10240,
    packet,
    metrics,
  };
  const verification: VerificationResult = {
    ticketId: ticket.id,
    timeMs,
    category,
    fault,
    status: 'Confirmed',
    severity: 'HIGH',
    reason: trig.reason,
    confidence: 0.85,
  };
  const riskLevel = opts.risk ?? 'High';
  const advisory: Advisory = {
    id: opts.id ?? `ADV-${fault.replace(/[^a-z]/g, '').slice(0, 8).padEnd(8, '0')}`,
    timeMs,
    ticketId: ticket.id,
    category,
    fault,
    severity: 'HIGH',
    riskLevel,
    consensusScore: 3.1,
    confidence: 0.85,
    source: 'template',
    template: {
      diagnosis: `Template diagnosis for ${fault}.`,
      recommendation: `Template recommendation for ${fault}.`,
      expectedBenefit: 'Template benefit.',
      reasoning: 'Template reasoning.',
    },
    llm: null,
    llmFallbackReason: null,
    physicsVerdict: verification,
    votes: [
      { specialist: 'WellControl', level: 'HIGH', weight: 0.3, reason: 'flow balance +24 gpm' },
      { specialist: 'Hydraulics', level: 'MEDIUM', weight: 0.25, reason: 'SPP +35 psi' },
      { specialist: 'MSE', level: 'HEALTHY', weight: 0.25, reason: 'efficiency within band' },
      { specialist: 'Formation', level: 'LOW', weight: 0.2, reason: 'dxc steady' },
    ],
    precedents: [{ id: 'P-1', summary: 'Kick at 10,100 ft on WELL-7, shut in, 0.4 ppg kill weight', source: 'static-kb' }],
    trigger: ticket.trigger,
    breaches: ticket.breaches,
    campaign,
    operation,
    rigState,
    depthFt: 10240,
    metrics,
  };
  return { advisory, ticket, verification };
}

export const REPRESENTATIVE_FAULTS = {
  WellControl: 'kick',
  Hydraulics: 'washout',
  Mechanical: 'pack-off',
  DrillingEfficiency: 'mse-inefficiency',
  Formation: 'formation-change',
} as const;
