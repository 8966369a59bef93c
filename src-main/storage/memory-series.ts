// MemoryStore's metric tables as time-ordered columns instead of maps keyed by time: a feed
// arrives in time order, so a new sample is almost always an append (no hashing of epoch
// milliseconds, no entry object per sample). An older time is found by binary search and
// inserted in its place, so the columns stay sorted and retention cuts from the front.

/** Index of the first time >= t in times[from..to) (to when there is none). */
function lowerBound(times: readonly number[], from: number, to: number, t: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One channel's raw 1 Hz samples; the first value written for a time wins (INSERT OR IGNORE). */
export class RawSeries {
  private times: number[] = [];
  private values: number[] = [];
  /** Samples before this index are past retention (cut in batches, not one by one). */
  private start = 0;

  get size(): number {
    return this.times.length - this.start;
  }

  /** false when a sample for this time is already kept. */
  add(timeMs: number, value: number): boolean {
    const end = this.times.length;
    if (end === this.start || timeMs > this.times[end - 1]) {
      this.times.push(timeMs);
      this.values.push(value);
      return true;
    }
    const i = lowerBound(this.times, this.start, end, timeMs);
    if (i < end && this.times[i] === timeMs) return false;
    this.times.splice(i, 0, timeMs);
    this.values.splice(i, 0, value);
    return true;
  }

  /** Drops the samples older than cutoffMs. */
  dropBefore(cutoffMs: number): void {
    this.start = lowerBound(this.times, this.start, this.times.length, cutoffMs);
    // Compact once the dropped part outweighs the kept one, so memory follows the retention.
    if (this.start > 1024 && this.start * 2 > this.times.length) {
      this.times = this.times.slice(this.start);
      this.values = this.values.slice(this.start);
      this.start = 0;
    }
  }

  /** Oldest first. */
  forEach(fn: (timeMs: number, value: number) => void): void {
    for (let i = this.start; i < this.times.length; i++) fn(this.times[i], this.values[i]);
  }
}

/** One channel's rollup: count and sum per bucket start, kept for good (no retention). */
export class RollupSeries {
  private readonly starts: number[] = [];
  private readonly counts: number[] = [];
  private readonly sums: number[] = [];

  add(bucketMs: number, value: number): void {
    const last = this.starts.length - 1;
    if (last >= 0 && bucketMs === this.starts[last]) this.bump(last, value);
    else if (last < 0 || bucketMs > this.starts[last]) this.insert(last + 1, bucketMs, value);
    else {
      const i = lowerBound(this.starts, 0, last + 1, bucketMs);
      if (this.starts[i] === bucketMs) this.bump(i, value);
      else this.insert(i, bucketMs, value);
    }
  }

  private bump(i: number, value: number): void {
    this.counts[i] += 1;
    this.sums[i] += value;
  }

  private insert(i: number, bucketMs: number, value: number): void {
    if (i === this.starts.length) {
      this.starts.push(bucketMs);
      this.counts.push(1);
      this.sums.push(value);
      return;
    }
    this.starts.splice(i, 0, bucketMs);
    this.counts.splice(i, 0, 1);
    this.sums.splice(i, 0, value);
  }

  /** Oldest bucket first. */
  forEach(fn: (bucketMs: number, n: number, sum: number) => void): void {
    for (let i = 0; i < this.starts.length; i++) fn(this.starts[i], this.counts[i], this.sums[i]);
  }
}
