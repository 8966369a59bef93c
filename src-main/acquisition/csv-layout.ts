// The shape every CSV layout shares: a mapper from cells to one canonical row.
import type { ChannelValues } from '../../src-shared/wits.js';

/** The CSV's layout cannot be read (unknown header, bad column map): bad input, not a crash. */
export class CsvLayoutError extends Error {}

export type CsvPresetName = 'simple' | 'usrop' | 'volve-depth' | 'volve-pa-time' | 'canonical' | 'custom';

export interface CsvRow {
  /** Recorded UTC time (ms), or null for depth-indexed logs (the reader derives it). */
  timeMs: number | null;
  /** The log's index depth (ft) for depth-indexed logs, else null. */
  indexDepthFt: number | null;
  values: ChannelValues;
}

export interface CsvMapper {
  preset: CsvPresetName;
  depthIndexed: boolean;
  /** Canonical row, or null when the row carries no usable data (the caller counts it). */
  mapRow(cells: readonly string[]): CsvRow | null;
}

