// Fleet test builders: a confirmed advisory as a FleetEvent with a history window.
import type { RiskLevel } from '../../../src-shared/advisory.js';
import type { FleetEvent, FleetSnapshot } from '../../../src-shared/fleet.js';
import { buildFleetEvent } from '../../../src-main/fleet/fleet-event.js';
import { makeAdvisory } from '../storage/fixtures.js';

export const T0 = Date.UTC(2025, 0, 1);

export function makeSnapshot(timeMs: number, jitter = 0): FleetSnapshot {
  const j = (x: number) => x + jitter * (Math.random() - 0.5);
  return {
    timeMs, depthFt: j(7500), ropFtHr: j(40), wobKlbf: j(20), rpm: j(120), torqueKftLbf: j(12), sppPsi: j(3000),
    flowInGpm: j(600), flowOutGpm: j(610), msePsi: j(30_000), mseEfficiencyPercent: j(70), dExponent: j(1.5),
    flowBalanceGpm: j(10), pitRateBblHr: j(4), ecdMarginPpg: j(1), gasUnits: j(20), torqueDeltaFraction: j(0.05), sppDeltaPsi: j(20),
  };
}

/** An event for advisory `ADV-<n>` at T0 + n s (so n orders them by age). */
export function makeFleetEvent(n: number, riskLevel: RiskLevel = 'High', windowSize = 60, jitter = 0): FleetEvent {
  const timeMs = T0 + n * 1000;
  const advisory = { ...makeAdvisory({ timeMs, riskLevel }), id: `ADV-${n.toString(16).padStart(8, '0')}` };
  const window = Array.from({ length: windowSize }, (_, i) => makeSnapshot(timeMs - (windowSize - i) * 1000, jitter));
  const e = buildFleetEvent({ ...advisory, riskLevel: riskLevel === 'Low' ? 'Elevated' : riskLevel }, window, { rigId: 'RIG-A', wellId: 'W-1', field: 'F' });
  if (!e) throw new Error('fixture advisory was not a fleet event');
  return { ...e, riskLevel, advisory: { ...e.advisory, riskLevel } };
}
