// The history window (DOMAIN.md §5): a fixed-capacity ring of the last N packets and their
// metrics. Push is O(1) and allocation-free once full; the numeric helpers walk the ring in
// place (no arrays built) so they are cheap enough to call on every packet.
import type { DrillingMetrics } from '../../src-shared/metrics.js';
import type { WitsPacket } from '../../src-shared/wits.js';
import { emptyLineFit, fitIndexed, type LineFit } from '../../src-shared/least-squares.js';

export type { LineFit } from '../../src-shared/least-squares.js';

export interface HistoryEntry {
  packet: WitsPacket;
  metrics: DrillingMetrics;
  /** The physics engine flagged at least one detection on this packet. */
  anomalous: boolean;
}

/** Reads one number from an entry; null/undefined/non-finite values are skipped. */
export type FieldGetter<T> = (entry: T) => number | null | undefined;

/** Optional filter: entries for which it returns false are skipped (e.g. not drilling). */
export type EntryFilter<T> = (entry: T) => boolean;

export const DEFAULT_HISTORY_SIZE = 60;

export class HistoryBuffer<T> {
  readonly capacity: number;
  private readonly items: (T | undefined)[];
  /** Index of the oldest entry. */
  private head = 0;
  private count = 0;
  private pushCount = 0;
  /** fit()'s values, allocated on the first fit. */
  private fitScratch: Float64Array | null = null;

  constructor(capacity: number = DEFAULT_HISTORY_SIZE) {
    if (!Number.isFinite(capacity) || capacity < 1) {
      throw new RangeError(`history capacity must be a positive integer, got ${capacity}`);
    }
    this.capacity = Math.floor(capacity);
    // Pre-sized so the backing array never grows.
    this.items = new Array<T | undefined>(this.capacity).fill(undefined);
  }

  get size(): number {
    return this.count;
  }

  /** Entries pushed since construction or the last clear(): lets a tracker follow the ring incrementally. */
  get pushes(): number {
    return this.pushCount;
  }

  push(item: T): void {
    this.pushCount++;
    if (this.count < this.capacity) {
      this.items[(this.head + this.count) % this.capacity] = item;
      this.count++;
    } else {
      // Full: overwrite the oldest and move the head on.
      this.items[this.head] = item;
      this.head = (this.head + 1) % this.capacity;
    }
  }

  /** 0 = oldest, size-1 = newest. Throws outside 0..size-1. */
  at(i: number): T {
    if (i < 0 || i >= this.count || !Number.isInteger(i)) {
      throw new RangeError(`history index ${i} outside 0..${this.count - 1}`);
    }
    return this.items[(this.head + i) % this.capacity] as T;
  }

  latest(): T | null {
    return this.count === 0 ? null : (this.items[(this.head + this.count - 1) % this.capacity] as T);
  }

  clear(): void {
    this.items.fill(undefined);
    this.head = 0;
    this.count = 0;
    this.pushCount = 0;
  }

  /** Start index (0 = oldest) of the last `lastN` entries. */
  private start(lastN: number | undefined): number {
    return lastN === undefined || lastN >= this.count ? 0 : Math.max(0, this.count - Math.floor(lastN));
  }

  /** Finite samples among the last `lastN` entries (all when omitted). */
  countFinite(get: FieldGetter<T>, lastN?: number, filter?: EntryFilter<T>): number {
    let n = 0;
    for (let i = this.start(lastN); i < this.count; i++) {
      const e = this.items[(this.head + i) % this.capacity] as T;
      if (filter && !filter(e)) continue;
      const v = get(e);
      if (v !== null && v !== undefined && Number.isFinite(v)) n++;
    }
    return n;
  }

  /** Count of entries matching `pred` among the last `lastN`. */
  countWhere(pred: EntryFilter<T>, lastN?: number): number {
    let n = 0;
    for (let i = this.start(lastN); i < this.count; i++) {
      if (pred(this.items[(this.head + i) % this.capacity] as T)) n++;
    }
    return n;
  }

  /** Mean of finite values; null when there are none. */
  mean(get: FieldGetter<T>, lastN?: number, filter?: EntryFilter<T>): number | null {
    let n = 0;
    let sum = 0;
    for (let i = this.start(lastN); i < this.count; i++) {
      const e = this.items[(this.head + i) % this.capacity] as T;
      if (filter && !filter(e)) continue;
      const v = get(e);
      if (v === null || v === undefined || !Number.isFinite(v)) continue;
      sum += v;
      n++;
    }
    return n === 0 ? null : sum / n;
  }

  /** Population standard deviation of finite values; null when there are none. */
  std(get: FieldGetter<T>, lastN?: number, filter?: EntryFilter<T>): number | null {
    const m = this.mean(get, lastN, filter);
    if (m === null) return null;
    let n = 0;
    let ss = 0;
    for (let i = this.start(lastN); i < this.count; i++) {
      const e = this.items[(this.head + i) % this.capacity] as T;
      if (filter && !filter(e)) continue;
      const v = get(e);
      if (v === null || v === undefined || !Number.isFinite(v)) continue;
      ss += (v - m) * (v - m);
      n++;
    }
    return Math.sqrt(ss / n);
  }

  /**
   * Least-squares line through the finite values (DOMAIN §3.10). x is the entry's position in
   * the window, so a skipped sample leaves a gap instead of squeezing time. Two passes (means,
   * then centred sums) so large levels (SPP ~3000 psi) do not lose precision.
   * Pass `out` to reuse a result object on the hot path.
   */
  fit(get: FieldGetter<T>, lastN?: number, filter?: EntryFilter<T>, out: LineFit = emptyLineFit()): LineFit {
    const s = this.start(lastN);
    const n = this.count - s;
    // The values are read once into a reused scratch row (NaN = skipped), then fitted in place.
    const ys = this.fitScratch ?? (this.fitScratch = new Float64Array(this.capacity));
    for (let k = 0; k < n; k++) {
      const e = this.items[(this.head + s + k) % this.capacity] as T;
      const v = filter && !filter(e) ? null : get(e);
      ys[k] = v === null || v === undefined ? NaN : v;
    }
    return fitIndexed(n, ys, out);
  }

  slope(get: FieldGetter<T>, lastN?: number, filter?: EntryFilter<T>): number {
    return this.fit(get, lastN, filter).slope;
  }

  intercept(get: FieldGetter<T>, lastN?: number, filter?: EntryFilter<T>): number {
    return this.fit(get, lastN, filter).intercept;
  }

  r2(get: FieldGetter<T>, lastN?: number, filter?: EntryFilter<T>): number {
    return this.fit(get, lastN, filter).r2;
  }
}

/** Builds the history for a config (physics.history_size). */
export function historyFor<T = HistoryEntry>(historySize: number | undefined): HistoryBuffer<T> {
  const n = historySize !== undefined && Number.isFinite(historySize) && historySize >= 1 ? historySize : DEFAULT_HISTORY_SIZE;
  return new HistoryBuffer<T>(n);
}
