// Column-by-column CSV layouts: our canonical CSV with unit-suffixed headers (`bit_depth_ft,
// rop_ft_hr, spp_kpa, flow_in_lpm...`, converted at ingest) and a user's column map (header ->
// channel + unit). Pure: header + cells in, canonical values out.
import { CHANNELS, emptyChannels, type Channel } from '../../src-shared/wits.js';
import type { CsvColumnMap } from '../../src-shared/source.js';
import type { UnitSystem } from '../../src-shared/units.js';
import { toCanonical } from './channel-map.js';
import { unitConversion, unitsFor } from './column-units.js';
import { CsvLayoutError, type CsvMapper, type CsvPresetName } from './csv-layout.js';
import { SNAKE_CASE_KEYS } from './stdin.js';

/** A column-map entry: "timestamp", a channel (camelCase or snake_case, optionally unit-suffixed), or { channel, unit }. */
export type ColumnMapInput = Readonly<CsvColumnMap>;

export interface ResolvedColumn {
  channel: Channel;
  /** null: the value is in the file's unit system (canonical unless the source says metric). */
  convert: ((v: number) => number) | null;
}
export type ResolvedTarget = 'timestamp' | ResolvedColumn;

/** snake_case names a canonical header may use (DOMAIN §1.3 plus a few common aliases). */
export const CANONICAL_NAMES: Readonly<Record<string, Channel>> = {
  ...SNAKE_CASE_KEYS,
  block_height: 'blockHeightFt',
  hookload: 'hookLoadKlbf',
  spm: 'pumpSpm',
  flow_out_percent: 'flowOutPercent',
  gas: 'gasUnits',
  total_gas: 'gasUnits',
};
/** The header our own canonical CSV writes for each channel (name + unit suffix). */
export const CANONICAL_HEADER: Readonly<Record<Channel, string>> = {
  bitDepthFt: 'bit_depth_ft',
  holeDepthFt: 'hole_depth_ft',
  blockHeightFt: 'block_height_ft',
  ropFtHr: 'rop_ft_hr',
  hookLoadKlbf: 'hook_load_klb',
  wobKlbf: 'wob_klb',
  rpm: 'rpm',
  torqueKftLbf: 'torque_kftlb',
  sppPsi: 'spp_psi',
  casingPressurePsi: 'casing_pressure_psi',
  pumpSpm: 'pump_spm',
  flowInGpm: 'flow_in_gpm',
  flowOutGpm: 'flow_out_gpm',
  flowOutPercent: 'flow_out_pct',
  pitVolumeBbl: 'pit_volume_bbl',
  pitVolumeChangeBbl: 'pit_volume_change_bbl',
  tripTankBbl: 'trip_tank_bbl',
  mudWeightInPpg: 'mud_weight_in_ppg',
  mudWeightOutPpg: 'mud_weight_out_ppg',
  mudTempInF: 'mud_temp_in_f',
  mudTempOutF: 'mud_temp_out_f',
  gasUnits: 'gas_units',
  h2sPpm: 'h2s_ppm',
  co2Percent: 'co2_pct',
  ecdPpg: 'ecd_ppg',
  bitDiameterIn: 'bit_diameter_in',
};
const TIME_NAMES = new Set(['timestamp', 'time', 'datetime', 'date_time', 'timestamp_utc', 'time_utc']);
const CAMEL = new Set<string>(CHANNELS);
const NAMES_LONGEST_FIRST = Object.keys(CANONICAL_NAMES).sort((a, b) => b.length - a.length);

const norm = (h: string): string => h.trim().toLowerCase().replace(/\s+/g, '_');

function withUnit(channel: Channel, unit: string): ResolvedColumn | null {
  const convert = unitConversion(channel, unit);
  if (convert) return { channel, convert };
  // `flow_out_pct`: the paddle's percentage, never gpm.
  if (channel === 'flowOutGpm' && unitConversion('flowOutPercent', unit)) return { channel: 'flowOutPercent', convert: (v) => v };
  return null;
}

/** A canonical header cell -> its target, or null when it is not one of ours. */
export function parseCanonicalHeader(cell: string): ResolvedTarget | null {
  const h = norm(cell);
  if (TIME_NAMES.has(h)) return 'timestamp';
  const bare = CANONICAL_NAMES[h];
  if (bare) return { channel: bare, convert: null };
  for (const name of NAMES_LONGEST_FIRST) {
    if (h.length > name.length + 1 && h.startsWith(name) && h[name.length] === '_') {
      const r = withUnit(CANONICAL_NAMES[name], h.slice(name.length + 1));
      if (r) return r;
    }
  }
  return null;
}

/** Recognised when it names a time or depth column and at least three channels, at least one with a unit suffix. */
export function looksLikeCanonicalHeader(header: readonly string[]): boolean {
  const targets = header.map(parseCanonicalHeader);
  const channels = targets.filter((t): t is ResolvedColumn => t !== null && t !== 'timestamp');
  const indexed = targets.includes('timestamp') || channels.some((c) => c.channel === 'holeDepthFt' || c.channel === 'bitDepthFt');
  return indexed && channels.length >= 3 && channels.some((c) => c.convert !== null);
}

function channelNamed(name: string): Channel | null {
  if (CAMEL.has(name)) return name as Channel;
  return CANONICAL_NAMES[norm(name)] ?? null;
}

export type ColumnMapResolution = { ok: true; columns: Record<string, ResolvedTarget> } | { ok: false; errors: string[] };

/** Checks a column map entry by entry; every problem names the header it is about. */
export function resolveColumnMap(input: ColumnMapInput): ColumnMapResolution {
  const errors: string[] = [];
  const columns: Record<string, ResolvedTarget> = {};
  const fed = new Map<string, string>();
  for (const [header, target] of Object.entries(input)) {
    const where = `"${header}"`;
    let r: ResolvedTarget | null;
    if (typeof target === 'string') {
      r = channelNamed(target) ? { channel: channelNamed(target) as Channel, convert: null } : parseCanonicalHeader(target);
      if (!r) {
        errors.push(`${where}: "${target}" is neither "timestamp" nor a channel (e.g. bit_depth, spp_kpa, flowInGpm)`);
        continue;
      }
    } else {
      const ch = channelNamed(target.channel);
      if (!ch) {
        errors.push(`${where}: "${target.channel}" is not a channel (one of ${Object.keys(CANONICAL_NAMES).join(', ')})`);
        continue;
      }
      r = target.unit === undefined ? { channel: ch, convert: null } : withUnit(ch, target.unit);
      if (!r) {
        errors.push(`${where}: unit "${target.unit}" does not fit ${target.channel} (use one of ${unitsFor(ch).join(', ')})`);
        continue;
      }
    }
    const key = r === 'timestamp' ? 'timestamp' : r.channel;
    const other = fed.get(key);
    if (other !== undefined) {
      errors.push(`${where}: ${key} is already fed by "${other}"`);
      continue;
    }
    fed.set(key, header);
    columns[header] = r;
  }
  if (errors.length === 0 && fed.size === 0) errors.push('the column map is empty');
  if (errors.length === 0 && !fed.has('timestamp') && !fed.has('holeDepthFt') && !fed.has('bitDepthFt')) {
    errors.push('the column map needs a "timestamp" column, or a depth column for a depth-indexed log');
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, columns };
}

/**
 * A mapper over resolved columns. Without a timestamp column the log is depth-indexed by hole
 * (else bit) depth and the reader derives time from depth steps and ROP.
 */
export function columnsMapper(
  preset: CsvPresetName,
  header: readonly string[],
  targets: ReadonlyArray<ResolvedTarget | null>,
  units: UnitSystem,
  num: (c: string | undefined) => number | null,
  parseTime: (cell: string) => number,
): CsvMapper {
  const cols: Array<[number, ResolvedColumn]> = [];
  let timeIdx = -1;
  targets.forEach((t, i) => {
    if (t === 'timestamp') timeIdx = i;
    else if (t) cols.push([i, t]);
  });
  const depthIndexed = timeIdx < 0;
  if (depthIndexed && !cols.some(([, c]) => c.channel === 'holeDepthFt' || c.channel === 'bitDepthFt')) {
    throw new CsvLayoutError(`CSV header (${header.slice(0, 4).join(', ')}…) has neither a timestamp nor a depth column`);
  }
  return {
    preset,
    depthIndexed,
    mapRow(cells) {
      const values = emptyChannels();
      for (const [i, c] of cols) {
        const v = num(cells[i]);
        if (v !== null) values[c.channel] = c.convert ? c.convert(v) : toCanonical(c.channel, v, units);
      }
      if (Object.values(values).every((v) => v === null)) return null;
      if (depthIndexed) {
        const indexDepthFt = values.holeDepthFt ?? values.bitDepthFt;
        if (indexDepthFt === null || indexDepthFt <= 0) return null;
        values.holeDepthFt ??= indexDepthFt;
        values.bitDepthFt ??= indexDepthFt;
        return { timeMs: null, indexDepthFt, values };
      }
      const timeMs = parseTime(cells[timeIdx] ?? '');
      if (!Number.isFinite(timeMs)) return null;
      return { timeMs, indexDepthFt: null, values };
    },
  };
}
