// Turning samples into bytes: WITS frames (with the garbage scenario's malformed lines mixed
// in) and the 'simple' CSV. Pure string functions; the CLI and server do the writing.
import type { UnitSystem } from '../../src-shared/units.js';
import type { Channel } from '../../src-shared/wits.js';
import { buildChannelMap, type ChannelMap, type ChannelMapPreset } from '../acquisition/channel-map.js';
import { CANONICAL_HEADER } from '../acquisition/csv-columns.js';
import { formatWitsFrame } from '../acquisition/wits0-writer.js';
import type { SimSample } from './model.js';
import { createRng } from './prng.js';
import type { ScenarioName } from './scenarios.js';

/** Rewrites one formatted frame before it goes on the wire (index = sample number). */
export type FrameHook = (frame: string, index: number) => string;

export interface GarbageInjector {
  hook: FrameHook;
  /** Malformed lines or partial frames injected so far. */
  injected(): number;
}

// Every kind of junk a serial line or a misbehaving logger produces. All of it sits outside
// a complete frame, so a correct parser loses no good frame.
const JUNK: ReadonlyArray<(r: () => number) => string> = [
  () => '#$%^&*garbage line\r\n',
  () => '01\r\n', // truncated data line outside a frame
  () => '!!\r\n', // stray terminator
  () => `${'X'.repeat(300)}\r\n`, // over-long line
  () => '\u0000\u00ff\u0013\u0011\r\n', // line noise bytes
  (r) => `&&\r\n0108${(10000 + r() * 10).toFixed(2)}\r\n0113`, // partial frame, cut mid-line, never closed
  () => '0110NaN\r\n0113abc\r\n', // unparseable values, outside a frame
  () => '&&\r\n!!\r\n', // empty frame
];

export function createGarbageInjector(seed: number, probability = 0.15): GarbageInjector {
  const rng = createRng(seed * 31 + 17);
  let count = 0;
  return {
    hook: (frame) => {
      if (rng.next() >= probability) return frame;
      const kind = JUNK[rng.int(0, JUNK.length - 1)];
      count++;
      const junk = kind(rng.next);
      // A partial frame must come before a good one: the good frame's `&&` discards it.
      return junk.startsWith('&&') && !junk.endsWith('!!\r\n') ? junk + '\r\n' + frame : frame + junk;
    },
    injected: () => count,
  };
}

/** The wire hook a scenario needs: garbage gets junk, everything else none. */
export function wireHookFor(scenario: ScenarioName, seed: number): GarbageInjector | null {
  return scenario === 'garbage' ? createGarbageInjector(seed) : null;
}

export interface WitsWriterOptions {
  channelMap?: ChannelMapPreset;
  units?: UnitSystem;
  hook?: FrameHook | null;
  /** Each frame carries the sample's time as WITS Date/Time items (0105/0106, UTC). */
  dateTime?: boolean;
}

/** A function sample -> wire text for a given map, unit system and hook. */
export function createWitsFormatter(opts: WitsWriterOptions = {}): (s: SimSample, index: number) => string {
  const map: ChannelMap = buildChannelMap(opts.channelMap ?? 'wits-record01');
  const units = opts.units ?? 'imperial';
  const hook = opts.hook ?? null;
  const dateTime = opts.dateTime ?? false;
  return (s, index) => {
    const frame = formatWitsFrame(s.values, map, units, dateTime ? s.timeMs : undefined);
    return hook ? hook(frame, index) : frame;
  };
}

export const CSV_COLUMNS: ReadonlyArray<[string, Channel | null]> = [
  ['timestamp', null],
  ['bit_depth', 'bitDepthFt'],
  ['hole_depth', 'holeDepthFt'],
  ['rop', 'ropFtHr'],
  ['hook_load', 'hookLoadKlbf'],
  ['wob', 'wobKlbf'],
  ['rpm', 'rpm'],
  ['torque', 'torqueKftLbf'],
  ['spp', 'sppPsi'],
  ['pump_spm', 'pumpSpm'],
  ['flow_in', 'flowInGpm'],
  ['flow_out', 'flowOutGpm'],
  ['pit_volume', 'pitVolumeBbl'],
  ['mud_weight_in', 'mudWeightInPpg'],
  ['mud_weight_out', 'mudWeightOutPpg'],
  ['ecd', 'ecdPpg'],
  ['gas_units', 'gasUnits'],
  ['mud_temp_in', 'mudTempInF'],
  ['mud_temp_out', 'mudTempOutF'],
  ['casing_pressure', 'casingPressurePsi'],
  ['h2s', 'h2sPpm'],
  ['co2', 'co2Percent'],
];

export const CSV_HEADER = CSV_COLUMNS.map(([name]) => name).join(',');

/** One CSV row: ISO-8601 UTC time, canonical US units, empty cell for an absent channel. */
export function formatCsvRow(s: SimSample): string {
  const cells = CSV_COLUMNS.map(([, ch]) => {
    if (ch === null) return new Date(s.timeMs).toISOString();
    const v = s.values[ch];
    return v === null || !Number.isFinite(v) ? '' : String(Number(v.toFixed(3)));
  });
  return cells.join(',');
}

/** Our canonical CSV (unit-suffixed headers, US oilfield units) for the given channels. */
export function canonicalCsvHeader(channels: readonly Channel[]): string {
  return ['timestamp', ...channels.map((c) => CANONICAL_HEADER[c])].join(',');
}

export function formatCanonicalCsvRow(s: SimSample, channels: readonly Channel[]): string {
  const cells = channels.map((c) => {
    const v = s.values[c];
    return v === null || !Number.isFinite(v) ? '' : String(Number(v.toFixed(3)));
  });
  return [new Date(s.timeMs).toISOString(), ...cells].join(',');
}
