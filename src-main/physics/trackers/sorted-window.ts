// A sliding window of the last N numbers kept both in arrival order (to know which one leaves)
// and in sorted order, so a percentile is read at any time without sorting or selecting: a push
// is two binary searches and one block move. Values must not be NaN.

/** Index of the first element >= v in xs[0..n). */
function lowerBound(xs: Float64Array, n: number, v: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class SortedWindow {
  private readonly ring: Float64Array;
  private readonly sorted: Float64Array;
  private head = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    this.ring = new Float64Array(capacity);
    this.sorted = new Float64Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Adds v; once full, the oldest value leaves. */
  push(v: number): void {
    if (this.count === this.capacity) {
      this.replaceOldest(v);
      return;
    }
    const cap = this.capacity;
    this.ring[(this.head + this.count) % cap] = v;
    const at = lowerBound(this.sorted, this.count, v);
    this.sorted.copyWithin(at + 1, at, this.count);
    this.sorted[at] = v;
    this.count++;
  }

  /** The oldest value leaves and v comes in (the window stays the same size). */
  replaceOldest(v: number): void {
    const n = this.count;
    if (n === 0) {
      this.push(v);
      return;
    }
    const oldest = this.ring[this.head];
    this.ring[(this.head + n) % this.capacity] = v;
    this.head = (this.head + 1) % this.capacity;
    // One block move: only the values between the leaving one's slot and v's place shift by one.
    const out = lowerBound(this.sorted, n, oldest);
    const at = lowerBound(this.sorted, n, v);
    if (at > out) {
      this.sorted.copyWithin(out, out + 1, at);
      this.sorted[at - 1] = v;
    } else {
      this.sorted.copyWithin(at + 1, at, out);
      this.sorted[at] = v;
    }
  }

  /** The oldest value leaves. */
  shift(): void {
    const n = this.count;
    if (n === 0) return;
    const out = lowerBound(this.sorted, n, this.ring[this.head]);
    this.sorted.copyWithin(out, out + 1, n);
    this.head = (this.head + 1) % this.capacity;
    this.count--;
  }

  /** Linear interpolation between the order statistics around p (0..1), as over a sorted copy. */
  percentile(p: number): number {
    const n = this.count;
    const pos = p * (n - 1);
    const lo = Math.floor(pos);
    const hi = Math.min(lo + 1, n - 1);
    return this.sorted[lo] + (this.sorted[hi] - this.sorted[lo]) * (pos - lo);
  }
}
