// One packet's outcome as an ML sample: the drilling parameters and what physics computed.
import type { FaultKind } from '../../src-shared/advisory.js';
import type { DrillingMetrics } from '../../src-shared/metrics.js';
import type { MlSample } from '../../src-shared/ml.js';
import type { WitsPacket } from '../../src-shared/wits.js';

/**
 * Detections that do not mark a sample as dysfunctional for learning: the absolute-hardness MSE
 * check fires on all real surface-torque data (the ML stages judge efficiency relatively), and a
 * formation change is what segmentation handles, not a drilling dysfunction.
 */
const NOT_DYSFUNCTION: ReadonlySet<FaultKind> = new Set<FaultKind>(['mse-inefficiency', 'formation-change']);

export function isDysfunctionFlag(faults: readonly FaultKind[]): boolean {
  return faults.some((f) => !NOT_DYSFUNCTION.has(f));
}

/** null for a packet the quality gate rejected (no metrics). */
export function mlSampleOf(packet: WitsPacket, metrics: DrillingMetrics | null, detected: readonly FaultKind[]): MlSample | null {
  if (!metrics) return null;
  return {
    timeMs: packet.timeMs,
    depthFt: packet.bitDepthFt,
    rigState: packet.rigState,
    wobKlbf: packet.wobKlbf,
    rpm: packet.rpm,
    flowInGpm: packet.flowInGpm,
    ropFtHr: packet.ropFtHr,
    torqueKftLbf: packet.torqueKftLbf,
    sppDeltaPsi: metrics.sppDeltaPsi,
    torqueDeltaFraction: metrics.torqueDeltaFraction,
    msePsi: metrics.msePsi,
    dExponent: metrics.dExponent,
    anomalous: detected.length > 0 && isDysfunctionFlag(detected),
  };
}
