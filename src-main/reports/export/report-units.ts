// Numbers as the PDF and CSV print them, in the unit system the reader asked for. The model
// stays in canonical US oilfield units; conversion happens here only. Pure.
import { toDisplay, unitLabel, type QuantityKind, type UnitSystem } from '../../../src-shared/units.js';

export interface ReportUnits {
  system: UnitSystem;
  /** Canonical -> display number (null stays null). */
  value(v: number | null | undefined, q: QuantityKind): number | null;
  label(q: QuantityKind): string;
  /** "10 250 ft", "—" when unknown. */
  text(v: number | null | undefined, q: QuantityKind, decimals?: number): string;
}

const DEFAULT_DECIMALS: Partial<Record<QuantityKind, number>> = { depth: 0, pressure: 0, flow: 0, speed: 0, volume: 1, rop: 1, force: 1, torque: 1 };

export function reportUnits(system: UnitSystem): ReportUnits {
  const value = (v: number | null | undefined, q: QuantityKind): number | null =>
    v === null || v === undefined || !Number.isFinite(v) ? null : toDisplay(v, q, system);
  const label = (q: QuantityKind): string => unitLabel(q, system);
  return {
    system,
    value,
    label,
    text(v, q, decimals) {
      const d = value(v, q);
      if (d === null) return '—';
      const unit = label(q);
      return `${d.toFixed(decimals ?? DEFAULT_DECIMALS[q] ?? 1)}${unit ? ` ${unit}` : ''}`;
    },
  };
}

/** The quantity of each chart channel, for conversion and axis labels. */
export const CHANNEL_QUANTITY: Record<string, QuantityKind> = {
  holeDepthFt: 'depth',
  bitDepthFt: 'depth',
  ropFtHr: 'rop',
  wobKlbf: 'force',
  rpm: 'speed',
  torqueKftLbf: 'torque',
  sppPsi: 'pressure',
  flowBalanceGpm: 'flow',
  flowInGpm: 'flow',
  pitVolumeBbl: 'volume',
};

export const pct = (v: number | null | undefined, decimals = 0): string =>
  v === null || v === undefined || !Number.isFinite(v) ? '—' : `${v.toFixed(decimals)} %`;
