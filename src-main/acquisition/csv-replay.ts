// CSV replay: a recorded well played back as a feed. `readCsvPackets` is the batch reader (the
// replay tool iterates it as fast as it can); `CsvReplaySource` paces it as a DataSource.
// Depth-indexed logs have no clock: time advances by dt = dDepth / ROP, clamped to 1–60 s.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { makePacket, type WitsPacket } from '../../src-shared/wits.js';
import {
  buildCsvMapper,
  looksLikeHeaderlessSimple,
  parseCsvLine,
  type CsvMapOptions,
  type CsvPresetName,
} from './csv-presets.js';
import { SourceBase, type WitsDecodeSettings } from './data-source.js';

export interface CsvReadStats {
  preset: CsvPresetName | null;
  /** Data rows read (header excluded). */
  rows: number;
  packets: number;
  /** Rows with no usable data or no valid time/depth: skipped, never fatal. */
  skipped: number;
}

export interface CsvReadOptions extends CsvMapOptions {
  /** Time of the first row of a depth-indexed log (default 2000-01-01T00:00:00Z, deterministic). */
  startTimeMs?: number;
  minStepS?: number;
  maxStepS?: number;
  /** Filled in while reading. */
  stats?: CsvReadStats;
}

export const DEPTH_LOG_START_MS = Date.UTC(2000, 0, 1);

async function* lines(path: string): AsyncGenerator<string> {
  const input = createReadStream(path);
  const rl = createInterface({ input, crlfDelay: Infinity });
  try {
    yield* rl;
  } finally {
    rl.close();
    input.destroy(); // also when the reader stops early
  }
}

/** Data rows in a CSV (non-blank lines, minus a header when there is one). */
export async function countCsvRows(path: string): Promise<number> {
  let n = 0;
  let first: string | null = null;
  for await (const line of lines(path)) {
    if (line.trim() === '') continue;
    if (first === null) first = line;
    n++;
  }
  if (first === null) return 0;
  return looksLikeHeaderlessSimple(parseCsvLine(first)) ? n : n - 1;
}

/** Why the CSV's layout cannot be read with these options (unknown header, map not fitting), or null when it can. */
export async function csvLayoutProblem(path: string, opts: CsvMapOptions = {}): Promise<string | null> {
  for await (const line of lines(path)) {
    if (line.trim() === '') continue;
    const cells = parseCsvLine(line);
    try {
      buildCsvMapper(!opts.columns && looksLikeHeaderlessSimple(cells) ? null : cells, opts);
      return null;
    } catch (e) {
      return (e as Error).message;
    }
  }
  return `${path} is empty`;
}

/** Canonical packets from a CSV, in file order. Throws only for an unreadable file or unknown layout. */
export async function* readCsvPackets(path: string, opts: CsvReadOptions = {}): AsyncGenerator<WitsPacket> {
  const stats = opts.stats ?? { preset: null, rows: 0, packets: 0, skipped: 0 };
  const minStepS = opts.minStepS ?? 1;
  const maxStepS = opts.maxStepS ?? 60;
  let mapper: ReturnType<typeof buildCsvMapper> | null = null;
  let prevDepthFt: number | null = null;
  let timeMs = opts.startTimeMs ?? DEPTH_LOG_START_MS;
  for await (const line of lines(path)) {
    if (line.trim() === '') continue;
    const cells = parseCsvLine(line);
    if (!mapper) {
      const headerless = !opts.columns && looksLikeHeaderlessSimple(cells);
      mapper = buildCsvMapper(headerless ? null : cells, opts);
      stats.preset = mapper.preset;
      if (!headerless) continue;
    }
    stats.rows++;
    const row = mapper.mapRow(cells);
    if (!row) {
      stats.skipped++;
      continue;
    }
    if (mapper.depthIndexed) {
      const depth = row.indexDepthFt as number;
      if (prevDepthFt !== null) {
        const dDepthFt = depth - prevDepthFt;
        const rop = row.values.ropFtHr ?? 0;
        // No ROP: assume a slow step rather than an impossibly fast one.
        const dtS = dDepthFt <= 0 ? minStepS : rop > 0 ? (dDepthFt / rop) * 3600 : maxStepS;
        timeMs += Math.round(Math.min(Math.max(dtS, minStepS), maxStepS) * 1000);
      }
      prevDepthFt = depth;
      row.timeMs = timeMs;
    }
    stats.packets++;
    yield makePacket(row.timeMs as number, row.values);
  }
}

export interface CsvReplayOptions extends CsvReadOptions {
  /** N× the recording's own pace, or 'max' (no delay). 0 = 'max'. */
  speed: number | 'max';
  onProgress?: (rowsDone: number, rowsTotal: number) => void;
  /** Longest real pause between two rows at 1× (recording gaps are shortened to this), ms. */
  maxGapMs?: number;
}

export class CsvReplaySource extends SourceBase {
  private running = false;
  private done: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private timer: NodeJS.Timeout | null = null;
  readonly stats: CsvReadStats = { preset: null, rows: 0, packets: 0, skipped: 0 };

  constructor(
    private readonly path: string,
    private readonly settings: Pick<WitsDecodeSettings, 'units' | 'nullValues' | 'now'>,
    private readonly opts: CsvReplayOptions,
  ) {
    super('csv', `CSV replay ${path} at ${opts.speed === 'max' || opts.speed === 0 ? 'max' : `${opts.speed}×`}`, settings.units);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.setState('connecting', `reading ${this.path}`);
    this.done = this.run().catch((err: unknown) => {
      this.setState('offline', `replay failed: ${err instanceof Error ? err.message : String(err)}`);
    });
  }

  async dispose(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.wake?.();
    await this.done;
    this.setState('stopped', 'stopped');
  }

  /** Resolves when the replay has ended (finished, failed or stopped). */
  finished(): Promise<void> {
    return this.done ?? Promise.resolve();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
      this.timer = setTimeout(resolve, ms);
    });
  }

  private async run(): Promise<void> {
    const total = await countCsvRows(this.path);
    const speed = this.opts.speed === 0 ? 'max' : this.opts.speed;
    const maxGapMs = this.opts.maxGapMs ?? 60_000;
    this.setState('connected', `replaying ${total} rows`);
    let prevMs: number | null = null;
    let sinceYield = 0;
    const packets = readCsvPackets(this.path, {
      ...this.opts,
      units: this.settings.units,
      nullValues: this.settings.nullValues,
      startTimeMs: this.opts.startTimeMs ?? (this.settings.now ?? Date.now)(),
      stats: this.stats,
    });
    for await (const p of packets) {
      if (!this.running) break;
      if (speed === 'max') {
        // Let sockets, timers and the UI breathe during a flat-out replay.
        if (++sinceYield >= 256) {
          sinceYield = 0;
          await new Promise<void>((r) => setImmediate(r));
        }
      } else if (prevMs !== null) {
        const gap = Math.min(Math.max(p.timeMs - prevMs, 0), maxGapMs) / speed;
        if (gap > 0) await this.sleep(gap);
        if (!this.running) break;
      }
      prevMs = p.timeMs;
      this.st.badLines = this.stats.skipped;
      this.emit(p);
      this.opts.onProgress?.(this.stats.rows, total);
    }
    this.st.badLines = this.stats.skipped;
    this.opts.onProgress?.(this.stats.rows, total);
    if (this.running) {
      this.setState('offline', `replay finished: ${this.stats.packets} packets, ${this.stats.skipped} rows skipped`);
    }
  }
}
