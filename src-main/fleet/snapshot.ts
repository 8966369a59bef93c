// One history entry as the fleet sees it (FleetSnapshot): the packet channels and metrics a
// precedent is matched on. Pure; a non-finite reading becomes null (no reading), never 0.
import type { FleetSnapshot } from '../../src-shared/fleet.js';
import type { DrillingMetrics } from '../../src-shared/metrics.js';
import type { WitsPacket } from '../../src-shared/wits.js';

const val = (x: number | null | undefined): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

export function snapshotOf(packet: WitsPacket, metrics: DrillingMetrics): FleetSnapshot {
  return {
    timeMs: packet.timeMs,
    depthFt: val(packet.holeDepthFt) ?? val(metrics.holeDepthFt) ?? val(packet.bitDepthFt),
    ropFtHr: val(packet.ropFtHr),
    wobKlbf: val(packet.wobKlbf),
    rpm: val(packet.rpm),
    torqueKftLbf: val(packet.torqueKftLbf),
    sppPsi: val(packet.sppPsi),
    flowInGpm: val(packet.flowInGpm),
    flowOutGpm: val(packet.flowOutGpm),
    msePsi: val(metrics.msePsi),
    mseEfficiencyPercent: val(metrics.mseEfficiencyPercent),
    dExponent: val(metrics.dExponent),
    flowBalanceGpm: val(metrics.flowBalanceGpm),
    pitRateBblHr: val(metrics.pitRateBblHr),
    ecdMarginPpg: val(metrics.ecdMarginPpg),
    gasUnits: val(packet.gasUnits),
    torqueDeltaFraction: val(metrics.torqueDeltaFraction),
    sppDeltaPsi: val(metrics.sppDeltaPsi),
  };
}

/** A snapshot from an advisory's own metrics, when no history window is at hand. */
export function snapshotOfMetrics(timeMs: number, metrics: DrillingMetrics): FleetSnapshot {
  const empty = { ropFtHr: null, wobKlbf: null, rpm: null, torqueKftLbf: null, sppPsi: null, flowInGpm: null, flowOutGpm: null, gasUnits: null };
  return {
    ...empty,
    timeMs,
    depthFt: val(metrics.holeDepthFt) ?? val(metrics.bitDepthFt),
    msePsi: val(metrics.msePsi),
    mseEfficiencyPercent: val(metrics.mseEfficiencyPercent),
    dExponent: val(metrics.dExponent),
    flowBalanceGpm: val(metrics.flowBalanceGpm),
    pitRateBblHr: val(metrics.pitRateBblHr),
    ecdMarginPpg: val(metrics.ecdMarginPpg),
    torqueDeltaFraction: val(metrics.torqueDeltaFraction),
    sppDeltaPsi: val(metrics.sppDeltaPsi),
  };
}
