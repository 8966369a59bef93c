// Tile colours and threshold lines from the engine's active limits (LiveStatus.limits), so the
// screen and the detectors always agree: campaign overrides and learned limits included.
import type { ActiveLimits, LimitBand } from '../../src-shared/status.js';

export type Level = 'ok' | 'warn' | 'crit';
export type LimitKey = keyof ActiveLimits;

/** Where a value sits in its band: above / below / magnitude (both signs). */
export function levelFor(value: number | null, band: LimitBand | null | undefined): Level {
  if (value === null || !Number.isFinite(value) || !band) return 'ok';
  if (band.direction === 'below') return value <= band.critical ? 'crit' : value <= band.warning ? 'warn' : 'ok';
  const v = band.direction === 'magnitude' ? Math.abs(value) : value;
  return v >= band.critical ? 'crit' : v >= band.warning ? 'warn' : 'ok';
}

export interface ThresholdLine {
  value: number;
  level: 'warn' | 'crit';
}

/** The lines a chart draws for a band (both signs for a magnitude band), canonical units. */
export function thresholdLines(band: LimitBand | null | undefined): ThresholdLine[] {
  if (!band) return [];
  const lines: ThresholdLine[] = [
    { value: band.warning, level: 'warn' },
    { value: band.critical, level: 'crit' },
  ];
  return band.direction === 'magnitude' ? [...lines, ...lines.map((l) => ({ ...l, value: -l.value }))] : lines;
}
