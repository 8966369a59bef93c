// MemoryStore's metric tiers: per channel the raw 1 Hz samples (deduplicated by time) and the
// 1 and 10 minute rollups, plus packets per minute and per rig state. Bounded like the SQLite
// tiers: the sample queue is folded in every FLUSH_AT_SAMPLES samples and raw samples past
// retention are dropped (rollups stay); with keep = false (a replay) nothing is kept.
import type { MetricSeries } from '../../src-shared/bridge.js';
import { ONE_MIN_MS, TEN_MIN_MS, bucketStart, planBuckets, storableValue } from './metric-buckets.js';
import { RawSeries, RollupSeries } from './memory-series.js';
import type { MetricSample } from './persistence.js';

interface ChannelTables {
  raw: RawSeries;
  roll1: RollupSeries;
  roll10: RollupSeries;
}

interface Agg {
  n: number;
  sum: number;
}

/** Queued samples are folded into the series at this count, so the queue never grows with a recording. */
const FLUSH_AT_SAMPLES = 600;

export class MemoryMetrics {
  private queue: MetricSample[] = [];
  /** channel -> its raw samples (deduplicated by time) and 1 and 10 min rollups. */
  private readonly tables = new Map<string, ChannelTables>();
  private readonly packetCounts = new Map<number, number>();
  /** minute -> state -> packets. */
  private readonly rigStates = new Map<number, Map<string, number>>();
  private newestSampleMs = -Infinity;
  private lastRetentionMs = -Infinity;

  constructor(
    private retentionMs: number,
    /** false: metric samples and packet counts are not kept at all (a replay reads none). */
    private readonly keep: boolean,
  ) {}

  /** Samples waiting to be folded in (never more than FLUSH_AT_SAMPLES). */
  get queuedSamples(): number {
    return this.queue.length;
  }

  record(sample: MetricSample): void {
    if (!this.keep) return;
    this.queue.push(sample);
    if (this.queue.length >= FLUSH_AT_SAMPLES) this.drain();
  }

  recordPackets(timeMs: number, packets: number): void {
    if (!this.keep || !Number.isFinite(packets)) return;
    const m = bucketStart(timeMs, ONE_MIN_MS);
    this.packetCounts.set(m, (this.packetCounts.get(m) ?? 0) + packets);
  }

  recordRigState(timeMs: number, rigState: string): void {
    if (!this.keep) return;
    const m = bucketStart(timeMs, ONE_MIN_MS);
    let states = this.rigStates.get(m);
    if (!states) this.rigStates.set(m, (states = new Map()));
    states.set(rigState, (states.get(rigState) ?? 0) + 1);
  }

  /** Raw-data retention from the next sweep. */
  setRetentionMs(ms: number): void {
    this.retentionMs = ms;
    this.lastRetentionMs = -Infinity;
  }

  /** Folds the queued samples into the series. */
  drain(): void {
    const batch = this.queue;
    this.queue = [];
    for (const s of batch) {
      const minuteMs = bucketStart(s.timeMs, ONE_MIN_MS);
      const tenMinMs = bucketStart(s.timeMs, TEN_MIN_MS);
      for (const channel in s.values) {
        const v = s.values[channel];
        if (!storableValue(v)) continue;
        let t = this.tables.get(channel);
        if (!t) this.tables.set(channel, (t = { raw: new RawSeries(), roll1: new RollupSeries(), roll10: new RollupSeries() }));
        if (!t.raw.add(s.timeMs, v)) continue; // first write wins, as in SQLite (INSERT OR IGNORE)
        t.roll1.add(minuteMs, v);
        t.roll10.add(tenMinMs, v);
      }
      if (s.timeMs > this.newestSampleMs) this.newestSampleMs = s.timeMs;
    }
    // Retention sweep at most once a minute of data time (the series are time-ordered).
    if (this.newestSampleMs - this.lastRetentionMs < ONE_MIN_MS) return;
    this.lastRetentionMs = this.newestSampleMs;
    const cutoff = this.newestSampleMs - this.retentionMs;
    for (const { raw } of this.tables.values()) raw.dropBefore(cutoff);
  }

  /** Call after drain(). */
  query(channels: string[], fromMs: number, toMs: number, maxPoints: number): MetricSeries[] {
    const plan = planBuckets(fromMs, toMs, maxPoints);
    return channels.map((channel) => {
      const buckets = new Map<number, Agg>();
      const add = (t: number, n: number, sum: number) => {
        if (t < plan.fromAlignedMs || t > plan.toMs) return;
        const b = bucketStart(t, plan.stepMs);
        const agg = buckets.get(b);
        if (agg) {
          agg.n += n;
          agg.sum += sum;
        } else buckets.set(b, { n, sum });
      };
      const t = this.tables.get(channel);
      if (plan.resolution === 'raw') t?.raw.forEach((time, v) => add(time, 1, v));
      else (plan.resolution === '1min' ? t?.roll1 : t?.roll10)?.forEach(add);
      const points: [number, number][] = [...buckets.entries()]
        .sort((x, y) => x[0] - y[0])
        .map(([t, a]) => [t, a.sum / a.n]);
      return { channel, points, resolution: plan.resolution };
    });
  }

  rigStatePackets(fromMs: number, toMs: number): Record<string, number> {
    const out: Record<string, number> = {};
    const fromMin = bucketStart(fromMs, ONE_MIN_MS);
    for (const [m, states] of this.rigStates) {
      if (m < fromMin || m > toMs) continue;
      for (const [state, n] of states) out[state] = (out[state] ?? 0) + n;
    }
    return out;
  }

  packetsPerMinute(fromMs: number, toMs: number): [number, number][] {
    const fromMin = bucketStart(fromMs, ONE_MIN_MS);
    return [...this.packetCounts.entries()].filter(([m]) => m >= fromMin && m <= toMs).sort((a, b) => a[0] - b[0]);
  }

  /** Packets in the minutes from fromMs's minute to toMs. */
  packetsBetween(fromMs: number, toMs: number): number {
    const fromMin = bucketStart(fromMs, ONE_MIN_MS);
    let packets = 0;
    for (const [m, n] of this.packetCounts) if (m >= fromMin && m <= toMs) packets += n;
    return packets;
  }

  recordedSpan(): { fromMs: number; toMs: number } | null {
    let first = Infinity;
    let last = -Infinity;
    for (const m of this.packetCounts.keys()) {
      if (m < first) first = m;
      if (m > last) last = m;
    }
    if (this.packetCounts.size === 0) return null;
    this.drain();
    // To the second where raw samples exist (the first and last minute are partial).
    let firstRaw = Infinity;
    let lastRaw = -Infinity;
    for (const { raw } of this.tables.values()) {
      raw.forEach((t) => {
        if (t >= first && t < first + ONE_MIN_MS && t < firstRaw) firstRaw = t;
        if (t >= last && t < last + ONE_MIN_MS && t > lastRaw) lastRaw = t;
      });
    }
    return { fromMs: Number.isFinite(firstRaw) ? firstRaw : first, toMs: Number.isFinite(lastRaw) ? lastRaw + 1 : last + ONE_MIN_MS };
  }

  /** Call after drain(). */
  firstTimeAtOrAbove(channel: string, value: number, sinceMs: number): number | null {
    let best: number | null = null;
    this.tables.get(channel)?.raw.forEach((t, v) => {
      if (t >= sinceMs && v >= value && (best === null || t < best)) best = t;
    });
    return best;
  }

  /** A channel's average over the 1-minute rollups from fromMs's minute to toMs; null without any. */
  oneMinuteAverage(channel: string, fromMs: number, toMs: number): number | null {
    const fromMin = bucketStart(fromMs, ONE_MIN_MS);
    let n = 0;
    let sum = 0;
    this.tables.get(channel)?.roll1.forEach((t, bn, bsum) => {
      if (t >= fromMin && t <= toMs) {
        n += bn;
        sum += bsum;
      }
    });
    return n > 0 ? sum / n : null;
  }

  /** A channel's raw [time, value] from fromMs to toMs, oldest first. */
  rawPoints(channel: string, fromMs: number, toMs: number): [number, number][] {
    const out: [number, number][] = [];
    this.tables.get(channel)?.raw.forEach((t, v) => {
      if (t >= fromMs && t <= toMs) out.push([t, v]);
    });
    return out;
  }
}
