// Reading a recording file as the simulator's base (the I/O edge of base-recording.ts): the
// product's own CSV readers and presets, then 1 Hz expansion and the missing channels made up.
import type { CsvColumnMap } from '../../src-shared/source.js';
import type { UnitSystem } from '../../src-shared/units.js';
import { CHANNELS } from '../../src-shared/wits.js';
import { readCsvPackets, type CsvReadStats } from '../acquisition/csv-replay.js';
import { expandTo1Hz, type BaseRecording, type RecordingRow } from './base-recording.js';
import { synthesiseMissing, type SynthChannel } from './synthesise.js';

export interface LoadBaseOptions {
  seed?: number;
  /** Bit for the synthesised pits' hole volume when the file has no diameter column (in). */
  bitDiameterIn?: number;
  /** Channels to make up when absent; [] = none. Default: all the simulator can. */
  synthesise?: readonly SynthChannel[];
  units?: UnitSystem;
  columns?: CsvColumnMap;
  nullValues?: readonly number[];
  maxGapS?: number;
}

export interface LoadedBase {
  recording: BaseRecording;
  preset: CsvReadStats['preset'];
  rows: number;
  skippedRows: number;
}

export async function loadBaseRecording(path: string, o: LoadBaseOptions = {}): Promise<LoadedBase> {
  const stats: CsvReadStats = { preset: null, rows: 0, packets: 0, skipped: 0 };
  const rows: RecordingRow[] = [];
  for await (const p of readCsvPackets(path, { units: o.units, columns: o.columns, nullValues: o.nullValues, stats })) {
    const values = {} as RecordingRow['values'];
    for (const c of CHANNELS) values[c] = p[c];
    rows.push({ timeMs: p.timeMs, values });
  }
  if (rows.length < 2) throw new Error(`${path}: fewer than 2 usable rows (${stats.rows} read, ${stats.skipped} skipped)`);
  const expanded = expandTo1Hz(rows, { maxGapS: o.maxGapS });
  const recording = synthesiseMissing(expanded, { seed: o.seed ?? 1, bitDiameterIn: o.bitDiameterIn, channels: o.synthesise });
  return { recording, preset: stats.preset, rows: stats.rows, skippedRows: stats.skipped };
}
