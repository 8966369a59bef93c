// Streaming WITS Level 0 parser (DOMAIN.md §1.1) and the frame -> canonical packet decoder.
// Pure: no I/O, no clock. Bytes from any source go in; complete frames come out. Bad input is
// counted, never thrown, and the buffer is bounded so a feed that never sends a newline (or
// never closes a frame) cannot grow memory.
import { emptyChannels, makePacket, type ChannelValues, type WitsPacket } from '../../src-shared/wits.js';
import type { UnitSystem } from '../../src-shared/units.js';
import { toCanonical, type ChannelMap } from './channel-map.js';
import { WITS_DATE_CODE, WITS_TIME_CODE, witsDateTimeMs } from './wits-date-time.js';

/** One complete `&&`…`!!` frame: item code -> value (null = the rig's "no reading" sentinel). */
export interface WitsFrame {
  items: Map<string, number | null>;
}

export interface Wits0ParserStats {
  frames: number;
  /** Lines that were not a frame marker or a valid `RRII<value>` item, inside or outside a frame. */
  badLines: number;
  /** Lines or frames dropped because they exceeded the size bounds. */
  oversized: number;
  /** Item values that matched a null sentinel (-999.25, -9999, configured ones). */
  nullValues: number;
  /** Frames abandoned because a new `&&` arrived before `!!`. */
  partialFramesDropped: number;
}

export interface Wits0ParserOptions {
  /** Extra "no reading" values on top of -999.25 and -9999. */
  nullValues?: readonly number[];
  /** Longest line kept; a longer one is dropped up to its newline. Real item lines are ~15 chars. */
  maxLineChars?: number;
  /** Most item lines in one frame; a longer frame is dropped (Record 01 has ~45 items). */
  maxFrameItems?: number;
}

export const DEFAULT_NULL_VALUES: readonly number[] = [-999.25, -9999];

const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const CODE_RE = /^\d{4}$/;

export class Wits0Parser {
  readonly stats: Wits0ParserStats = {
    frames: 0,
    badLines: 0,
    oversized: 0,
    nullValues: 0,
    partialFramesDropped: 0,
  };
  private readonly nullValues: number[];
  private readonly maxLineChars: number;
  private readonly maxFrameItems: number;
  private pending = '';
  /** True after an over-long line: everything up to the next newline is thrown away. */
  private discardingLine = false;
  private frame: Map<string, number | null> | null = null;
  private frameLines = 0;
  /** True after an oversized frame: ignore lines until the next `&&`. */
  private skippingFrame = false;

  constructor(opts: Wits0ParserOptions = {}) {
    this.nullValues = [...DEFAULT_NULL_VALUES, ...(opts.nullValues ?? [])];
    this.maxLineChars = opts.maxLineChars ?? 256;
    this.maxFrameItems = opts.maxFrameItems ?? 256;
  }

  /** Feeds bytes as they arrive; returns the frames completed by this chunk. */
  push(chunk: Buffer | string): WitsFrame[] {
    // latin1 maps every byte to one char, so binary garbage can never make decoding throw.
    const text = typeof chunk === 'string' ? chunk : chunk.toString('latin1');
    const out: WitsFrame[] = [];
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      this.appendPending(text.slice(start, i));
      this.endLine(out);
      start = i + 1;
    }
    this.appendPending(text.slice(start));
    return out;
  }

  /** Drops any half-received line and frame (e.g. after a reconnect: the rest will never come). */
  reset(): void {
    this.pending = '';
    this.discardingLine = false;
    this.frame = null;
    this.frameLines = 0;
    this.skippingFrame = false;
  }

  private appendPending(s: string): void {
    if (s.length === 0 || this.discardingLine) return;
    if (this.pending.length + s.length > this.maxLineChars) {
      this.stats.oversized++;
      this.pending = '';
      this.discardingLine = true;
      return;
    }
    this.pending += s;
  }

  private endLine(out: WitsFrame[]): void {
    const line = this.pending.trim();
    this.pending = '';
    if (this.discardingLine) {
      this.discardingLine = false;
      return;
    }
    if (line.length === 0) return; // the LF of a CRLF, or a blank line
    this.handleLine(line, out);
  }

  private handleLine(line: string, out: WitsFrame[]): void {
    // A line ending in `&&` starts a frame even with junk before it, so a frame glued to line
    // noise is not lost.
    if (line === '&&' || line.endsWith('&&')) {
      if (line !== '&&') this.stats.badLines++;
      if (this.frame && this.frame.size > 0) this.stats.partialFramesDropped++;
      this.frame = new Map();
      this.frameLines = 0;
      this.skippingFrame = false;
      return;
    }
    if (line === '!!') {
      if (this.frame && this.frame.size > 0) {
        this.stats.frames++;
        out.push({ items: this.frame });
      }
      this.frame = null;
      this.skippingFrame = false;
      return;
    }
    if (this.skippingFrame) return;
    if (!this.frame) {
      this.stats.badLines++; // stray line between frames
      return;
    }
    if (++this.frameLines > this.maxFrameItems) {
      this.stats.oversized++;
      this.frame = null;
      this.skippingFrame = true;
      return;
    }
    const item = this.parseItem(line);
    if (!item) {
      this.stats.badLines++;
      return;
    }
    this.frame.set(item.code, item.value); // repeated code: last wins
  }

  private parseItem(line: string): { code: string; value: number | null } | null {
    if (line.length < 5) return null;
    const code = line.slice(0, 4);
    const raw = line.slice(4).trim();
    if (!CODE_RE.test(code) || !NUMBER_RE.test(raw)) return null;
    const v = Number(raw);
    if (!Number.isFinite(v)) return null;
    if (this.nullValues.some((n) => Math.abs(v - n) < 1e-9)) {
      this.stats.nullValues++;
      return { code, value: null };
    }
    return { code, value: v };
  }
}

export interface DecodeOptions {
  channelMap: ChannelMap;
  /** The unit system the rig sends in; converted to canonical (US oilfield) here, once. */
  units: UnitSystem;
  /**
   * Stamp a packet with the frame's own Date/Time items (0105/0106, UTC) when it carries both and
   * the channel map gives those codes no channel; otherwise with the receive time.
   */
  frameTime?: boolean;
}

export interface DecoderStats {
  packets: number;
  /** Item codes seen that the channel map does not assign (ignored). */
  unmappedItems: number;
  /** Frames that carried no mapped channel at all (not turned into a packet). */
  emptyFrames: number;
}

/** Frame -> canonical packet, stamped with the UTC receive time unless `frameTime` finds the frame's own. */
export function decodeFrame(frame: WitsFrame, opts: DecodeOptions, receivedAtMs: number): WitsPacket {
  const values: ChannelValues = emptyChannels();
  for (const [code, value] of frame.items) {
    const channel = opts.channelMap.byCode.get(code);
    if (!channel) continue;
    values[channel] = value === null ? null : toCanonical(channel, value, opts.units);
  }
  return makePacket((opts.frameTime && frameTimeMs(frame, opts.channelMap)) || receivedAtMs, values);
}

function frameTimeMs(frame: WitsFrame, map: ChannelMap): number | null {
  // The reference layout reads 0105 as block position: never a date there.
  if (map.byCode.has(WITS_DATE_CODE) || map.byCode.has(WITS_TIME_CODE)) return null;
  return witsDateTimeMs(frame.items.get(WITS_DATE_CODE), frame.items.get(WITS_TIME_CODE));
}

/** Parser + decoder for one byte stream: what every WITS source (TCP, serial, stdin) runs. */
export class WitsStreamDecoder {
  readonly parser: Wits0Parser;
  readonly stats: DecoderStats = { packets: 0, unmappedItems: 0, emptyFrames: 0 };

  constructor(
    private readonly opts: DecodeOptions & { nullValues?: readonly number[] },
    parserOpts: Omit<Wits0ParserOptions, 'nullValues'> = {},
  ) {
    this.parser = new Wits0Parser({ ...parserOpts, nullValues: opts.nullValues ?? [] });
  }

  push(chunk: Buffer | string, receivedAtMs: number): WitsPacket[] {
    const packets: WitsPacket[] = [];
    for (const frame of this.parser.push(chunk)) {
      let mapped = 0;
      for (const code of frame.items.keys()) {
        if (this.opts.channelMap.byCode.has(code)) mapped++;
        else this.stats.unmappedItems++;
      }
      if (mapped === 0) {
        this.stats.emptyFrames++;
        continue;
      }
      this.stats.packets++;
      packets.push(decodeFrame(frame, this.opts, receivedAtMs));
    }
    return packets;
  }

  /** Lines the source should report as bad: malformed plus oversized. */
  get badLines(): number {
    return this.parser.stats.badLines + this.parser.stats.oversized;
  }
}
