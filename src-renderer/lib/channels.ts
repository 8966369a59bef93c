// Every channel a screen can show: packet channels and derived metrics, each with the quantity
// that decides its display unit, the engine limit that colours it (if any) and a line colour.
// Names are the engine's (WitsPacket / DrillingMetrics keys, getMetricSeries channels).
// Line colours avoid red: red is kept for alarms.
import type { ActiveLimits, LiveStatus } from '../../src-shared/status.js';
import { unitLabel, type QuantityKind, type UnitSystem } from '../../src-shared/units.js';
import { formatValue, show } from './format.js';

export interface TrendChannel {
  key: string;
  label: string;
  quantity: QuantityKind;
  /** Unit shown when the quantity has no conversion ("units", "ppm", "%"); "" = dimensionless. */
  rawUnit?: string;
  color: string;
  /** The engine limit band for this value, when there is one. */
  limit?: keyof ActiveLimits;
  /** Shown with a + for positive values (gains, balances). */
  signed?: boolean;
  /** Decimals for a quantity without a conversion (converted ones follow lib/format.ts). */
  decimals?: number;
}

export const TREND_CHANNELS: readonly TrendChannel[] = [
  { key: 'ropFtHr', label: 'ROP', quantity: 'rop', color: '#4ade80' },
  { key: 'wobKlbf', label: 'WOB', quantity: 'force', color: '#60a5fa' },
  { key: 'hookLoadKlbf', label: 'Hook load', quantity: 'force', color: '#93c5fd' },
  { key: 'blockHeightFt', label: 'Block height', quantity: 'depth', color: '#a5b4fc' },
  { key: 'rpm', label: 'RPM', quantity: 'speed', color: '#facc15' },
  { key: 'torqueKftLbf', label: 'Torque', quantity: 'torque', color: '#f0abfc' },
  { key: 'sppPsi', label: 'SPP', quantity: 'pressure', color: '#c4b5fd' },
  { key: 'casingPressurePsi', label: 'Casing pressure', quantity: 'pressure', color: '#a78bfa' },
  { key: 'pumpSpm', label: 'Pump SPM', quantity: 'none', rawUnit: 'spm', color: '#5eead4', decimals: 0 },
  { key: 'flowInGpm', label: 'Flow in', quantity: 'flow', color: '#38bdf8' },
  { key: 'flowOutGpm', label: 'Flow out', quantity: 'flow', color: '#818cf8' },
  { key: 'flowBalanceGpm', label: 'Flow balance', quantity: 'flow', color: '#22d3ee', limit: 'flowBalanceGpm', signed: true },
  { key: 'pitVolumeBbl', label: 'Pit volume', quantity: 'volume', color: '#2dd4bf' },
  { key: 'pitGainBbl', label: 'Pit gain', quantity: 'volume', color: '#fde68a', limit: 'pitGainBbl', signed: true },
  { key: 'pitRateBblHr', label: 'Pit rate', quantity: 'volumeRate', color: '#bef264', limit: 'pitRateBblHr', signed: true },
  { key: 'tripTankBbl', label: 'Trip tank', quantity: 'volume', color: '#67e8f9' },
  { key: 'tripTankGainBbl', label: 'Trip sheet (unexplained)', quantity: 'volume', color: '#fdba74', limit: 'tripTankGainBbl', signed: true },
  { key: 'gasUnits', label: 'Gas', quantity: 'none', rawUnit: 'units', color: '#e879f9', limit: 'gasUnits', decimals: 0 },
  { key: 'h2sPpm', label: 'H2S', quantity: 'none', rawUnit: 'ppm', color: '#d8b4fe', limit: 'h2sPpm', decimals: 0 },
  { key: 'mudWeightInPpg', label: 'Mud weight in', quantity: 'density', color: '#94a3b8' },
  { key: 'mudWeightOutPpg', label: 'Mud weight out', quantity: 'density', color: '#cbd5e1' },
  { key: 'ecdPpg', label: 'ECD', quantity: 'density', color: '#7dd3fc' },
  { key: 'ecdMarginPpg', label: 'ECD margin', quantity: 'density', color: '#e2e8f0', limit: 'ecdMarginPpg' },
  { key: 'msePsi', label: 'MSE', quantity: 'pressure', color: '#fde047' },
  { key: 'mseEfficiencyPercent', label: 'MSE efficiency', quantity: 'none', rawUnit: '%', color: '#86efac', limit: 'mseEfficiencyPercent', decimals: 0 },
  { key: 'dExponent', label: 'd-exponent', quantity: 'none', rawUnit: '', color: '#c4b5fd', decimals: 2 },
  { key: 'dxc', label: 'dxc', quantity: 'none', rawUnit: '', color: '#f5d0fe', decimals: 2 },
  { key: 'torqueCv', label: 'Torque CV', quantity: 'none', rawUnit: '', color: '#fbcfe8', limit: 'torqueCv', decimals: 2 },
  { key: 'bitDepthFt', label: 'Bit depth', quantity: 'depth', color: '#e5e7eb' },
  { key: 'holeDepthFt', label: 'Hole depth', quantity: 'depth', color: '#d1d5db' },
];

export const CHANNEL_BY_KEY = new Map(TREND_CHANNELS.map((c) => [c.key, c]));

/** A channel's value in a live status, from the packet or the metrics. */
export function liveValue(s: LiveStatus, key: string): number | null {
  const fromPacket = s.packet ? (s.packet as unknown as Record<string, unknown>)[key] : undefined;
  if (typeof fromPacket === 'number') return fromPacket;
  const fromMetrics = s.metrics ? (s.metrics as unknown as Record<string, unknown>)[key] : undefined;
  return typeof fromMetrics === 'number' ? fromMetrics : null;
}

/** The unit a channel is shown in: converted quantities follow the unit system. */
export function channelUnit(c: Pick<TrendChannel, 'quantity' | 'rawUnit'>, system: UnitSystem): string {
  return c.quantity === 'none' ? (c.rawUnit ?? '') : unitLabel(c.quantity, system);
}

/** An axis title: every axis says its unit ("Gas (units)", "d-exponent (dimensionless)"). */
export function axisTitle(c: Pick<TrendChannel, 'label' | 'quantity' | 'rawUnit'>, system: UnitSystem): string {
  const unit = channelUnit(c, system);
  return `${c.label} (${unit || 'dimensionless'})`;
}

/** The number alone in display units ("—" when missing), with "+" for a positive signed value. */
export function channelNumber(c: TrendChannel, value: number | null, system: UnitSystem): string {
  const text = c.quantity === 'none' ? formatValue(value, 'none', system, c.decimals ?? 1).text : show(value, c.quantity, system).text;
  return c.signed && value !== null && value > 0 && /[1-9]/.test(text) ? `+${text}` : text;
}

/** "12.3 gpm", "0.04", "—". */
export function channelText(c: TrendChannel, value: number | null, system: UnitSystem): string {
  const n = channelNumber(c, value, system);
  const unit = channelUnit(c, system);
  return n === '—' || !unit ? n : `${n} ${unit}`;
}
