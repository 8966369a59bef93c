// Complete FleetEvents for hub and fleet tests (the advisory is the storage tests' builder).
import { FLEET_SCHEMA_VERSION, type FleetEvent, type FleetOutcome, type FleetSnapshot } from '../../src-shared/fleet.js';
import type { AnomalyCategory, FaultKind, RiskLevel } from '../../src-shared/advisory.js';
import { makeAdvisory } from '../unit/storage/fixtures.js';

export function makeSnapshot(timeMs: number, over: Partial<FleetSnapshot> = {}): FleetSnapshot {
  return {
    timeMs, depthFt: 10_000, ropFtHr: 40, wobKlbf: 25, rpm: 120, torqueKftLbf: 12, sppPsi: 3000, flowInGpm: 600, flowOutGpm: 600,
    msePsi: 30_000, mseEfficiencyPercent: 75, dExponent: 1.4, flowBalanceGpm: 0, pitRateBblHr: 0, ecdMarginPpg: 1.2, gasUnits: 20,
    torqueDeltaFraction: 0.02, sppDeltaPsi: 10, ...over,
  };
}

export interface EventOptions {
  rigId: string;
  timeMs: number;
  seq?: number;
  depthFt?: number | null;
  category?: AnomalyCategory;
  fault?: FaultKind;
  riskLevel?: RiskLevel;
  outcome?: FleetOutcome;
  notes?: string;
  /** Seconds of history (one snapshot per second). */
  historySeconds?: number;
  snapshot?: Partial<FleetSnapshot>;
}

export function makeFleetEvent(o: EventOptions): FleetEvent {
  const category = o.category ?? 'Mechanical';
  const fault = o.fault ?? 'pack-off';
  const riskLevel = o.riskLevel ?? 'High';
  const depthFt = o.depthFt === undefined ? 10_000 : o.depthFt;
  const advisory = makeAdvisory({ timeMs: o.timeMs, category, fault, riskLevel, severity: riskLevel === 'Critical' ? 'CRITICAL' : 'HIGH', depthFt });
  const seconds = o.historySeconds ?? 60;
  return {
    schemaVersion: FLEET_SCHEMA_VERSION,
    id: `${o.rigId}-${o.timeMs}${o.seq === undefined ? '' : `-${o.seq}`}`,
    rigId: o.rigId,
    wellId: 'W-1',
    field: 'TEST',
    campaign: 'production',
    timeMs: o.timeMs,
    depthFt,
    category,
    fault,
    riskLevel,
    advisory,
    historyWindow: Array.from({ length: seconds }, (_, i) =>
      makeSnapshot(o.timeMs - (seconds - 1 - i) * 1000, { depthFt, sppDeltaPsi: 10 + i * 3, torqueDeltaFraction: 0.02 + i * 0.004, ...o.snapshot }),
    ),
    outcome: o.outcome ?? { kind: 'Pending' },
    notes: o.notes ?? '',
  };
}
