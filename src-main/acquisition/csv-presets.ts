// CSV layouts we can replay, auto-detected from the header (see ../shared/data/README.md):
// - simple:        our own format (the simulator writes it), canonical US units unless told metric
// - usrop:         University of Stavanger ROP dataset, depth-indexed, "<name> <unit>" headers
// - volve-depth:   raw Volve mud-log + MWD depth log, same header style, many sparse channels
// - volve-pa-time: Volve P&A time log, ISO timestamp, `<channel>_<unit>` SI columns
// - canonical:     our own names with unit suffixes (`bit_depth_ft, spp_kpa, flow_in_lpm`), see csv-columns.ts
// - custom:        a caller-supplied column map (header -> channel + unit)
// Pure: header + cells in, canonical values out. Time for depth logs is derived by the reader.
import { emptyChannels, type Channel, type ChannelValues } from '../../src-shared/wits.js';
import type { UnitSystem } from '../../src-shared/units.js';
import {
  columnsMapper,
  looksLikeCanonicalHeader,
  parseCanonicalHeader,
  resolveColumnMap,
  type ColumnMapInput,
  type ResolvedTarget,
} from './csv-columns.js';
import { GAS_UNITS_PER_PERCENT, siToCanonical } from './si-units.js';
import { CsvLayoutError, type CsvMapper, type CsvPresetName } from './csv-layout.js';
import { SNAKE_CASE_KEYS } from './stdin.js';
import { DEFAULT_NULL_VALUES } from './wits0-parser.js';

export { CsvLayoutError, type CsvMapper, type CsvPresetName, type CsvRow } from './csv-layout.js';

export interface CsvMapOptions {
  /** Units of columns that do not say theirs ('simple', bare canonical names, map entries without a unit). */
  units?: UnitSystem;
  /** Column header -> channel + unit (or 'timestamp'); forces the 'custom' preset. */
  columns?: ColumnMapInput;
  /** Extra "no reading" values on top of -999.25 and -9999. */
  nullValues?: readonly number[];
  /**
   * Depth logs: carry a channel's last value forward over at most this many feet when a row
   * lacks it, as a live feed holds its last reading. The raw Volve log merges sources sampled
   * at different depths, so most rows carry only a few channels. Default 10 ft for
   * volve-depth, 0 (off) for the dense USROP files. Rows with no value of their own are
   * still skipped.
   */
  holdDepthFt?: number;
}

export const SIMPLE_COLUMNS = [
  'timestamp', 'bit_depth', 'hole_depth', 'rop', 'hook_load', 'wob', 'rpm', 'torque', 'spp',
  'pump_spm', 'flow_in', 'flow_out', 'pit_volume', 'mud_weight_in', 'mud_weight_out', 'ecd',
  'gas_units', 'mud_temp_in', 'mud_temp_out', 'casing_pressure', 'h2s', 'co2',
] as const;

/** Splits one CSV line; handles "quoted, fields" and "" escapes. */
export function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** ISO-8601 (no zone = UTC) or Unix seconds (ms if it is clearly ms). NaN when neither. */
export function parseTimestamp(cell: string): number {
  const s = cell.trim();
  if (s === '') return NaN;
  if (/^[+-]?\d+(\.\d+)?$/.test(s)) {
    const n = Number(s);
    return n > 1e12 ? n : n * 1000;
  }
  const hasZone = /(Z|[+-]\d\d:?\d\d)$/i.test(s);
  return Date.parse(hasZone ? s : `${s.replace(' ', 'T')}Z`);
}

function numberParser(nullValues: readonly number[] = []) {
  const nulls = [...DEFAULT_NULL_VALUES, ...nullValues];
  return (cell: string | undefined): number | null => {
    if (cell === undefined) return null;
    const s = cell.trim();
    if (s === '') return null; // empty cell = absent
    const v = Number(s);
    if (!Number.isFinite(v) || nulls.some((n) => Math.abs(v - n) < 1e-9)) return null;
    return v;
  };
}

const DEPTH_CHANNELS = new Set<Channel>(['bitDepthFt', 'holeDepthFt']);
const hasUsableData = (v: ChannelValues): boolean =>
  Object.entries(v).some(([c, x]) => x !== null && !DEPTH_CHANNELS.has(c as Channel));

/** "<name> <unit>" header cell -> [name, unit]. */
function splitNameUnit(header: string): [string, string] {
  const h = header.trim();
  const i = h.lastIndexOf(' ');
  return i < 0 ? [h, ''] : [h.slice(0, i), h.slice(i + 1)];
}

/**
 * Depth-log channels by name (USROP and the raw Volve log share the naming). Earlier entries win
 * when two columns feed one channel. "Mud Flow Out %" is a paddle percentage, never flow-out gpm.
 * "Hole Depth (TVD)" is vertical depth, not the measured hole depth, so it is left out.
 */
const DEPTH_LOG_NAMES: ReadonlyArray<[string, Channel]> = [
  ['Bit Depth', 'bitDepthFt'],
  ['Hole depth (MD)', 'holeDepthFt'],
  ['Average Hookload', 'hookLoadKlbf'],
  ['Total Hookload', 'hookLoadKlbf'],
  ['Weight on Bit', 'wobKlbf'],
  ['Average Surface Torque', 'torqueKftLbf'],
  ['Average Rotary Speed', 'rpm'],
  ['Rate of Penetration', 'ropFtHr'],
  ['Rate of Penetration (5ft avg)', 'ropFtHr'],
  ['Average Standpipe Pressure', 'sppPsi'],
  ['Mud Flow In', 'flowInGpm'],
  ['Mud Flow Out %', 'flowOutPercent'],
  ['Mud Density In', 'mudWeightInPpg'],
  ['Mud Density Out', 'mudWeightOutPpg'],
  ['Active Tank Volume', 'pitVolumeBbl'],
  ['MWD Equivalent Circulating Density', 'ecdPpg'],
  ['Gas', 'gasUnits'],
  ['Mud Temperature In', 'mudTempInF'],
  ['Mud Temperature Out', 'mudTempOutF'],
  ['H2S Average', 'h2sPpm'],
  ['Total SPM', 'pumpSpm'],
  ['Diameter', 'bitDiameterIn'],
];
const INDEX_DEPTH_NAME = 'Measured Depth';

/** P&A time log columns. flow_out (and its %) is uncalibrated there, so it stays absent. */
const PA_COLUMNS: Readonly<Record<string, [Channel, string]>> = {
  hole_depth_m: ['holeDepthFt', 'm'],
  bit_depth_m: ['bitDepthFt', 'm'],
  block_pos_m: ['blockHeightFt', 'm'],
  rop_m_per_s: ['ropFtHr', 'm_per_s'],
  hookload_N: ['hookLoadKlbf', 'N'],
  wob_N: ['wobKlbf', 'N'],
  rpm_c_per_s: ['rpm', 'c_per_s'],
  torque_N_m: ['torqueKftLbf', 'N_m'],
  spp_Pa: ['sppPsi', 'Pa'],
  pump_stroke_rate_Hz: ['pumpSpm', 'Hz'],
  flow_in_m3_per_s: ['flowInGpm', 'm3_per_s'],
  pit_volume_active_m3: ['pitVolumeBbl', 'm3'],
  trip_tank_m3: ['tripTankBbl', 'm3'],
  mud_density_in_kg_per_m3: ['mudWeightInPpg', 'kg_per_m3'],
  mud_density_out_kg_per_m3: ['mudWeightOutPpg', 'kg_per_m3'],
  ecd_bit_kg_per_m3: ['ecdPpg', 'kg_per_m3'],
  gas_total_Euc: ['gasUnits', 'Euc'],
  temp_in_K: ['mudTempInF', 'K'],
  temp_out_K: ['mudTempOutF', 'K'],
  casing_pressure_Pa: ['casingPressurePsi', 'Pa'],
};
/** The P&A torque sensor writes its full-scale value when it has no reading. */
const PA_TORQUE_SENSOR_MAX = 32767;

/** Which preset a header belongs to, or null when we do not recognise it. */
export function detectCsvPreset(header: readonly string[]): CsvPresetName | null {
  const cells = header.map((h) => h.trim());
  const first = cells[0]?.toLowerCase();
  if (first === 'timestamp' && cells[1] === 'bit_depth') return 'simple';
  if (first === 'timestamp' && cells.some((c) => c in PA_COLUMNS)) return 'volve-pa-time';
  if (looksLikeCanonicalHeader(cells)) return 'canonical';
  if (cells.includes(`${INDEX_DEPTH_NAME} m`)) {
    if (cells.some((c) => c.startsWith('USROP '))) return 'usrop';
    return 'volve-depth';
  }
  return null;
}

/** A headerless simple file starts straight with a timestamp and has ≥ 17 columns. */
export function looksLikeHeaderlessSimple(cells: readonly string[]): boolean {
  return cells.length >= 17 && Number.isFinite(parseTimestamp(cells[0]));
}

/** Builds the row mapper for a header (null header = headerless simple). Throws on an unknown layout or a bad column map. */
export function buildCsvMapper(header: readonly string[] | null, opts: CsvMapOptions = {}): CsvMapper {
  const num = numberParser(opts.nullValues);
  const units = opts.units ?? 'imperial';
  const cells = header ?? [];
  if (opts.columns) {
    const r = resolveColumnMap(opts.columns);
    if (!r.ok) throw new CsvLayoutError(`bad column map: ${r.errors.join('; ')}`);
    const missing = Object.keys(r.columns).filter((h) => !cells.some((c) => c.trim() === h));
    if (missing.length > 0) throw new CsvLayoutError(`column map names columns the CSV does not have: ${missing.map((m) => `"${m}"`).join(', ')}`);
    return columnsMapper('custom', cells, cells.map((h) => r.columns[h.trim()] ?? null), units, num, parseTimestamp);
  }
  const preset = header ? detectCsvPreset(header) : 'simple';
  if (preset === 'simple') {
    const names = header ? header.map((h) => h.trim()) : [...SIMPLE_COLUMNS];
    const targets = names.map((n): ResolvedTarget | null =>
      n === 'timestamp' ? 'timestamp' : SNAKE_CASE_KEYS[n] ? { channel: SNAKE_CASE_KEYS[n], convert: null } : null,
    );
    return columnsMapper('simple', names, targets, units, num, parseTimestamp);
  }
  if (preset === 'canonical') return columnsMapper('canonical', cells, cells.map(parseCanonicalHeader), units, num, parseTimestamp);
  if (preset === 'usrop' || preset === 'volve-depth') {
    const hold = opts.holdDepthFt ?? (preset === 'volve-depth' ? 10 : 0);
    return depthLogMapper(preset, cells, num, hold);
  }
  if (preset === 'volve-pa-time') return paMapper(cells, num);
  throw new CsvLayoutError(`unrecognised CSV header (${cells.slice(0, 4).join(', ')}…): give a column map (--column-map FILE)`);
}

function depthLogMapper(
  preset: 'usrop' | 'volve-depth',
  header: readonly string[],
  num: (c: string | undefined) => number | null,
  holdDepthFt: number,
): CsvMapper {
  const cols: Array<[number, Channel, string]> = [];
  const last = new Map<Channel, { value: number; depthFt: number }>();
  let indexCol = -1;
  const byName = new Map<string, { i: number; unit: string }>();
  header.forEach((h, i) => {
    const [name, unit] = splitNameUnit(h);
    if (name === INDEX_DEPTH_NAME && unit === 'm') indexCol = i;
    if (!byName.has(name)) byName.set(name, { i, unit });
  });
  for (const [name, ch] of DEPTH_LOG_NAMES) {
    const col = byName.get(name);
    if (col && siToCanonical(col.unit, 1) !== undefined) cols.push([col.i, ch, col.unit]);
  }
  return {
    preset,
    depthIndexed: true,
    mapRow(cells) {
      const idxM = num(cells[indexCol]);
      if (idxM === null || idxM <= 0) return null;
      const values = emptyChannels();
      for (const [i, ch, unit] of cols) {
        if (values[ch] !== null) continue; // an earlier column already fed this channel
        const v = num(cells[i]);
        if (v === null) continue;
        values[ch] = ch === 'gasUnits' && unit === '%' ? v * GAS_UNITS_PER_PERCENT : (siToCanonical(unit, v) ?? null);
      }
      if (!hasUsableData(values)) return null;
      const indexDepthFt = siToCanonical('m', idxM) as number;
      if (holdDepthFt > 0) {
        for (const [, ch] of cols) {
          const v = values[ch];
          const held = last.get(ch);
          if (v !== null) last.set(ch, { value: v, depthFt: indexDepthFt });
          else if (held && indexDepthFt - held.depthFt <= holdDepthFt) values[ch] = held.value;
        }
      }
      // A depth-indexed drilling log records each value as the bit passes that depth.
      values.holeDepthFt ??= indexDepthFt;
      values.bitDepthFt ??= indexDepthFt;
      return { timeMs: null, indexDepthFt, values };
    },
  };
}

function paMapper(header: readonly string[], num: (c: string | undefined) => number | null): CsvMapper {
  const timeIdx = header.findIndex((h) => h.trim().toLowerCase() === 'timestamp');
  const cols: Array<[number, Channel, string]> = [];
  header.forEach((h, i) => {
    const m = PA_COLUMNS[h.trim()];
    if (m) cols.push([i, m[0], m[1]]);
  });
  return {
    preset: 'volve-pa-time',
    depthIndexed: false,
    mapRow(cells) {
      const timeMs = parseTimestamp(cells[timeIdx] ?? '');
      if (!Number.isFinite(timeMs)) return null;
      const values = emptyChannels();
      for (const [i, ch, unit] of cols) {
        const v = num(cells[i]);
        if (v === null) continue;
        if (ch === 'torqueKftLbf' && v >= PA_TORQUE_SENSOR_MAX) continue;
        values[ch] = siToCanonical(unit, v) ?? null;
      }
      if (!hasUsableData(values)) return null;
      return { timeMs, indexDepthFt: null, values };
    },
  };
}
