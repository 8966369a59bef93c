// Synthetic tickets for specialist, orchestrator, composer and template tests.
import type { FaultKind, Severity, Ticket, VerificationResult } from '../../../src-shared/advisory.js';
import { FAULT_CATEGORY } from '../../../src-shared/advisory.js';
import type { Campaign } from '../../../src-shared/campaign.js';
import type { DrillingMetrics } from '../../../src-shared/metrics.js';
import { makePacket, type ChannelValues } from '../../../src-shared/wits.js';

export function metrics(over: Partial<DrillingMetrics> = {}): DrillingMetrics {
  return {
    timeMs: 1_700_000_000_000,
    rigState: 'Drilling',
    operation: 'ProductionDrilling',
    bitDepthFt: 10_200,
    holeDepthFt: 10_200,
    msePsi: 30_000,
    optimalMsePsi: 27_000,
    mseEfficiencyPercent: 90,
    dExponent: 1.5,
    dxc: 1.45,
    ecdPpg: 10.4,
    fractureGradientPpg: 14,
    ecdMarginPpg: 3.6,
    flowBalanceGpm: 0,
    pitRateBblHr: 0,
    pitGainBbl: 0,
    torqueCv: 0.05,
    torqueDeltaFraction: 0,
    sppDeltaPsi: 0,
    mseDeltaFraction: 0,
    hardness: 2,
    ...over,
  };
}

export interface TicketOptions {
  fault?: FaultKind;
  severity?: Severity;
  campaign?: Campaign;
  timeMs?: number;
  id?: string;
  metrics?: Partial<DrillingMetrics>;
  packet?: Partial<ChannelValues>;
  description?: string;
  trigger?: Ticket['trigger'];
}

export function ticket(o: TicketOptions = {}): Ticket {
  const timeMs = o.timeMs ?? 1_700_000_000_000;
  const fault = o.fault ?? 'mse-inefficiency';
  const packet = makePacket(timeMs, {
    bitDepthFt: 10_200,
    holeDepthFt: 10_200,
    ropFtHr: 60,
    wobKlbf: 25,
    rpm: 120,
    torqueKftLbf: 15,
    sppPsi: 2_800,
    flowInGpm: 600,
    flowOutGpm: 600,
    pitVolumeBbl: 450,
    mudWeightInPpg: 10.2,
    mudWeightOutPpg: 10.2,
    ecdPpg: 10.4,
    gasUnits: 20,
    h2sPpm: 0,
    ...o.packet,
  });
  packet.rigState = 'Drilling';
  return {
    id: o.id ?? `TKT-${timeMs}`,
    timeMs,
    category: FAULT_CATEGORY[fault],
    fault,
    severity: o.severity ?? 'MEDIUM',
    trigger: o.trigger ?? { parameter: 'test', value: 1, threshold: 1, unit: '' },
    breaches: [],
    description: o.description ?? `${fault} test ticket`,
    rigState: 'Drilling',
    operation: 'ProductionDrilling',
    campaign: o.campaign ?? 'production',
    depthFt: 10_200,
    packet,
    metrics: metrics({ timeMs, ...o.metrics }),
  };
}

export function verification(t: Ticket, over: Partial<VerificationResult> = {}): VerificationResult {
  return {
    ticketId: t.id,
    timeMs: t.timeMs,
    category: t.category,
    fault: t.fault,
    status: 'Confirmed',
    severity: t.severity,
    reason: 'test verification',
    confidence: 0.8,
    ...over,
  };
}
