// The 1 Hz trend sample stored per packet: the channels and computed metrics the charts show.
import type { DrillingMetrics } from '../../src-shared/metrics.js';
import type { WitsPacket } from '../../src-shared/wits.js';
import type { MetricSample } from '../storage/persistence.js';

// Channels a rig does not send are null and not stored, so listing one costs nothing there.
export const TREND_CHANNELS = [
  'bitDepthFt', 'holeDepthFt', 'blockHeightFt', 'ropFtHr', 'wobKlbf', 'hookLoadKlbf', 'rpm', 'torqueKftLbf',
  'sppPsi', 'casingPressurePsi', 'pumpSpm', 'flowInGpm', 'flowOutGpm', 'pitVolumeBbl', 'tripTankBbl',
  'gasUnits', 'h2sPpm', 'mudWeightInPpg', 'mudWeightOutPpg',
] as const;
export const TREND_METRICS = [
  'msePsi', 'mseEfficiencyPercent', 'dExponent', 'dxc', 'ecdPpg', 'ecdMarginPpg', 'flowBalanceGpm', 'pitRateBblHr',
  'pitGainBbl', 'torqueCv', 'tripTankGainBbl',
] as const;

/**
 * Every sample's values start as a copy of this: an object given its 30 keys one by one by name
 * turns into a slow dictionary in V8, a copy of a complete one stays a fast object (the store
 * walks every sample's keys).
 */
const EMPTY_VALUES: Readonly<Record<string, null>> = Object.fromEntries([...TREND_CHANNELS, ...TREND_METRICS].map((k) => [k, null]));

export function metricSampleOf(packet: WitsPacket, metrics: DrillingMetrics): MetricSample {
  const values: Record<string, number | null> = { ...EMPTY_VALUES };
  for (const c of TREND_CHANNELS) values[c] = packet[c];
  for (const m of TREND_METRICS) values[m] = metrics[m] ?? null;
  return { timeMs: packet.timeMs, values };
}
