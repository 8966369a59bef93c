// A real recording as the simulator's base: rows at the recording's own pace expanded to one
// sample per second, held column-wise (one Float64Array per channel, NaN = absent) so a
// fault can be injected into a copy of a few channels cheaply. Pure: rows in, arrays out.
// Gaps longer than `maxGapS` stay gaps (no sample is emitted there): we never invent
// drilling the rig did not record.
import { CHANNELS, emptyChannels, type Channel, type ChannelValues } from '../../src-shared/wits.js';
import type { SimSample } from './model.js';

export interface RecordingRow {
  timeMs: number;
  values: ChannelValues;
}

export interface BaseRecording {
  /** Epoch ms of second 0. */
  startMs: number;
  /** Seconds in the recording (gap seconds included). */
  lengthS: number;
  /** One value per second for each channel the recording has anywhere; NaN = absent that second. */
  channels: Partial<Record<Channel, Float64Array>>;
  /** 1 where a sample exists; 0 inside a recording gap (nothing is emitted there). */
  present: Uint8Array;
  /** Channels made up because the recording lacks them (see synthesise.ts). */
  synthesised: Channel[];
}

export interface ExpandOptions {
  /** Rows further apart than this are a gap, not interpolated (s). Default 60. */
  maxGapS?: number;
}

/** Rows in time order (later duplicates of a time win) -> 1 Hz, linearly interpolated between rows. */
export function expandTo1Hz(input: readonly RecordingRow[], o: ExpandOptions = {}): BaseRecording {
  const rows = orderedRows(input);
  if (rows.length === 0) return { startMs: 0, lengthS: 0, channels: {}, present: new Uint8Array(0), synthesised: [] };
  const maxGapMs = (o.maxGapS ?? 60) * 1000;
  const startMs = rows[0].timeMs;
  const lengthS = Math.floor((rows[rows.length - 1].timeMs - startMs) / 1000) + 1;
  const used = CHANNELS.filter((c) => rows.some((r) => r.values[c] !== null));
  const channels: Partial<Record<Channel, Float64Array>> = {};
  for (const c of used) channels[c] = new Float64Array(lengthS).fill(NaN);
  const present = new Uint8Array(lengthS);

  let j = 0;
  for (let k = 0; k < lengthS; k++) {
    const t = startMs + k * 1000;
    while (j + 1 < rows.length && rows[j + 1].timeMs <= t) j++;
    const a = rows[j];
    const b = rows[j + 1];
    const exact = t === a.timeMs || b === undefined;
    if (!exact && b.timeMs - a.timeMs > maxGapMs) continue; // a recording gap: leave it a gap
    present[k] = 1;
    const f = exact ? 0 : (t - a.timeMs) / (b.timeMs - a.timeMs);
    for (const c of used) {
      const va = a.values[c];
      if (va === null) continue;
      const vb = exact ? null : b.values[c];
      // A channel the next row lacks is held, not invented.
      (channels[c] as Float64Array)[k] = vb === null ? va : va + (vb - va) * f;
    }
  }
  return { startMs, lengthS, channels, present, synthesised: [] };
}

function orderedRows(input: readonly RecordingRow[]): RecordingRow[] {
  const sorted = [...input].filter((r) => Number.isFinite(r.timeMs)).sort((a, b) => a.timeMs - b.timeMs);
  const out: RecordingRow[] = [];
  for (const r of sorted) {
    if (out.length > 0 && out[out.length - 1].timeMs === r.timeMs) out[out.length - 1] = r;
    else out.push(r);
  }
  return out;
}

/** The value of a channel at second k, NaN when absent or the channel is not recorded. */
export function valueAt(rec: BaseRecording, channel: Channel, k: number): number {
  const a = rec.channels[channel];
  return a && k >= 0 && k < rec.lengthS ? a[k] : NaN;
}

/** True when the recording has the channel at some second. */
export function hasChannel(rec: BaseRecording, channel: Channel): boolean {
  const a = rec.channels[channel];
  if (!a) return false;
  for (let k = 0; k < a.length; k++) if (!Number.isNaN(a[k])) return true;
  return false;
}

/**
 * Whether a recorded channel carries readings: some value, and not exactly 0 throughout (a log
 * writes 0 for a sensor the rig did not have, issue 11 item 9). With `stillIsBlank`, one
 * unchanging value counts as no reading too (a flow-out paddle or a pit level is never that
 * still while a well is drilled).
 */
export function carriesReadings(rec: BaseRecording, channel: Channel, stillIsBlank = false): boolean {
  const a = rec.channels[channel];
  if (!a) return false;
  let first = NaN;
  for (let k = 0; k < a.length; k++) {
    const v = a[k];
    if (Number.isNaN(v)) continue;
    if (Number.isNaN(first)) first = v;
    if (stillIsBlank ? v !== first : v !== 0) return true;
  }
  return false;
}

/** Samples of seconds [fromS, toS), gap seconds skipped. */
export function* recordingSamples(rec: BaseRecording, fromS = 0, toS = rec.lengthS): Generator<SimSample> {
  const entries = Object.entries(rec.channels) as Array<[Channel, Float64Array]>;
  const end = Math.min(toS, rec.lengthS);
  for (let k = Math.max(0, fromS); k < end; k++) {
    if (rec.present[k] === 0) continue;
    const values = emptyChannels();
    for (const [c, a] of entries) {
      const v = a[k];
      if (!Number.isNaN(v)) values[c] = v;
    }
    yield { timeMs: rec.startMs + k * 1000, values };
  }
}

/** Seconds of a recording as an ISO-8601 UTC time. */
export function isoAt(rec: BaseRecording, s: number): string {
  return new Date(rec.startMs + s * 1000).toISOString();
}

/** A copy that shares every channel array except those listed, which are cloned for writing. */
export function withWritableChannels(rec: BaseRecording, writable: readonly Channel[]): BaseRecording {
  const channels = { ...rec.channels };
  for (const c of writable) {
    const a = rec.channels[c];
    if (a) channels[c] = Float64Array.from(a);
  }
  return { ...rec, channels };
}
