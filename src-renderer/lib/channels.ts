// Trend channels the engineer can chart: packet channels and derived metrics, each with the
// quantity that decides its display unit. Names are the engine's (getMetricSeries channels).
import type { QuantityKind } from '../../src-shared/units.js';
import type { LiveStatus } from '../../src-shared/status.js';

export interface TrendChannel {
  key: string;
  label: string;
  quantity: QuantityKind;
  color: string;
}

export const TREND_CHANNELS: readonly TrendChannel[] = [
  { key: 'ropFtHr', label: 'ROP', quantity: 'rop', color: '#4ade80' },
  { key: 'wobKlbf', label: 'WOB', quantity: 'force', color: '#60a5fa' },
  { key: 'rpm', label: 'RPM', quantity: 'speed', color: '#facc15' },
  { key: 'torqueKftLbf', label: 'Torque', quantity: 'torque', color: '#f472b6' },
  { key: 'sppPsi', label: 'SPP', quantity: 'pressure', color: '#fb923c' },
  { key: 'flowInGpm', label: 'Flow in', quantity: 'flow', color: '#38bdf8' },
  { key: 'flowOutGpm', label: 'Flow out', quantity: 'flow', color: '#a78bfa' },
  { key: 'flowBalanceGpm', label: 'Flow balance', quantity: 'flow', color: '#f87171' },
  { key: 'pitVolumeBbl', label: 'Pit volume', quantity: 'volume', color: '#2dd4bf' },
  { key: 'pitGainBbl', label: 'Pit gain', quantity: 'volume', color: '#fbbf24' },
  { key: 'gasUnits', label: 'Gas', quantity: 'none', color: '#e879f9' },
  { key: 'ecdPpg', label: 'ECD', quantity: 'density', color: '#94a3b8' },
  { key: 'ecdMarginPpg', label: 'ECD margin', quantity: 'density', color: '#cbd5e1' },
  { key: 'msePsi', label: 'MSE', quantity: 'pressure', color: '#fde047' },
  { key: 'mseEfficiencyPercent', label: 'MSE efficiency %', quantity: 'none', color: '#86efac' },
  { key: 'dExponent', label: 'd-exponent', quantity: 'none', color: '#c4b5fd' },
  { key: 'dxc', label: 'dxc', quantity: 'none', color: '#fda4af' },
];

export const CHANNEL_BY_KEY = new Map(TREND_CHANNELS.map((c) => [c.key, c]));

/** A channel's value in a live status, from the packet or the metrics. */
export function liveValue(s: LiveStatus, key: string): number | null {
  const fromPacket = s.packet ? (s.packet as unknown as Record<string, unknown>)[key] : undefined;
  if (typeof fromPacket === 'number') return fromPacket;
  const fromMetrics = s.metrics ? (s.metrics as unknown as Record<string, unknown>)[key] : undefined;
  return typeof fromMetrics === 'number' ? fromMetrics : null;
}
