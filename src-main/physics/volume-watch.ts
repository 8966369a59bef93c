// A tank level watched for the slow, steady change a flowing (or thief) well makes, with
// transfers left out (issue 11 item 13). A transfer (refilling the trip tank from the pits,
// dumping it, mixing a pill) moves the level fast, in a step over seconds; an influx or a loss
// at the surface is a steady trend. A change is fast when it is, on its own, at or above
// `transferRateBblMin`, and the level also moved that fast over the `spanS` before or after it. A fast
// change never adds to the trend; it counts only as far as it takes the trend back toward zero
// (filling the hole from the trip tank every few stands squares the trip sheet, a transfer
// cannot raise an alarm). A transfer is an operation, not one step: the slow changes within
// `busyS` before and after a fast one (the pump starting and stopping, the crew topping up) go
// with it, and the owner can mark a transfer seen in another tank the same way. The judgement
// needs the level `spanS` after the change, so a change counts (or not) `spanS` late. A change
// across a gap in the data is not counted either way. Pure: time comes with each sample.

/** Changes across a gap longer than this (ms) are not judged: a feed outage is not a gain. */
const MAX_GAP_MS = 60_000;

export class VolumeWatch {
  private readonly windowMs: number;
  private readonly spanMs: number;
  private readonly transferBblPerMs: number;
  // Samples kept for the rate look-ups (oldest first, from `s0`).
  private times: number[] = [];
  private values: number[] = [];
  private s0 = 0;
  /** Index of the next sample whose change (from the sample before it) is still to be judged. */
  private next = 1;
  // Judged changes inside the window (oldest first, from `c0`).
  private changeTimes: number[] = [];
  /** Each change split into the part that counts as trend and the part left out as transfer. */
  private changeTrendBbl: number[] = [];
  private changeTransferBbl: number[] = [];
  private c0 = 0;
  private trendInWindowBbl = 0;
  private transferInWindowBbl = 0;
  /** Changes up to this time belong to a transfer under way. */
  private busyUntilMs = Number.NEGATIVE_INFINITY;
  private readonly busyMs: number;
  /** Called when this tank's own level makes a fast move (a transfer starts or goes on). */
  onTransfer: ((timeMs: number) => void) | null = null;

  constructor(windowS: number, transferRateBblMin: number, spanS = 20, busyS = 120) {
    this.windowMs = windowS * 1000;
    this.spanMs = spanS * 1000;
    this.busyMs = busyS * 1000;
    this.transferBblPerMs = transferRateBblMin / 60_000;
  }

  reset(): void {
    this.times = [];
    this.values = [];
    this.s0 = 0;
    this.next = 1;
    this.changeTimes = [];
    this.changeTrendBbl = [];
    this.changeTransferBbl = [];
    this.c0 = 0;
    this.trendInWindowBbl = 0;
    this.transferInWindowBbl = 0;
    this.busyUntilMs = Number.NEGATIVE_INFINITY;
  }

  push(timeMs: number, volumeBbl: number): void {
    const n = this.times.length;
    if (n > this.s0 && timeMs < this.times[n - 1]) return; // out of order: ignore
    this.times.push(timeMs);
    this.values.push(volumeBbl);
    this.judgeReady(timeMs);
    this.prune(timeMs);
  }

  /**
   * A transfer at `timeMs` (here or in another tank): what this tank counted as trend in the
   * `busyS` around it is moved to transfer, and what it judges up to `busyS` after goes there too.
   */
  markTransfer(timeMs: number): void {
    this.busyUntilMs = Math.max(this.busyUntilMs, timeMs + this.busyMs);
    for (let j = this.changeTimes.length - 1; j >= this.c0 && this.changeTimes[j] >= timeMs - this.busyMs; j--) {
      if (this.changeTimes[j] > timeMs + this.busyMs) continue;
      const part = this.changeTrendBbl[j];
      if (part === 0) continue;
      this.changeTrendBbl[j] = 0;
      this.changeTransferBbl[j] += part;
      this.trendInWindowBbl -= part;
      this.transferInWindowBbl += part;
    }
  }

  /** Steady change over the window, transfers left out (bbl, + = gained). */
  get trendBbl(): number {
    return this.trendInWindowBbl;
  }

  /**
   * The largest share of the window's trend that came within any `minuteMs`: near 1 = it came
   * in one burst (a top-up by a pump just under the transfer rate), low = built up steadily.
   */
  burstShare(minuteMs = 60_000): number {
    const total = this.trendInWindowBbl;
    if (Math.abs(total) < 1e-9) return 0;
    const sign = Math.sign(total);
    let best = 0;
    let sum = 0;
    let lo = this.c0;
    for (let hi = this.c0; hi < this.changeTimes.length; hi++) {
      sum += sign * this.changeTrendBbl[hi];
      while (this.changeTimes[hi] - this.changeTimes[lo] >= minuteMs) sum -= sign * this.changeTrendBbl[lo++];
      if (sum > best) best = sum;
    }
    return Math.min(1, best / Math.abs(total));
  }

  /** What moved by transfer over the window (bbl, signed). */
  get transferredBbl(): number {
    return this.transferInWindowBbl;
  }

  private judgeReady(nowMs: number): void {
    while (this.next < this.times.length && this.times[this.next] <= nowMs - this.spanMs) {
      const i = this.next++;
      const d = this.values[i] - this.values[i - 1];
      if (d === 0) continue;
      const t = this.times[i];
      if (t - this.times[i - 1] > MAX_GAP_MS) continue;
      const before = Math.abs(this.values[i] - this.valueAt(t - this.spanMs));
      const after = Math.abs(this.valueAt(this.times[i - 1] + this.spanMs) - this.values[i - 1]);
      // Fast on its own (not a slow change next to a transfer) and fast over the span around it.
      const ownFast = Math.abs(d) >= this.transferBblPerMs * (t - this.times[i - 1]);
      const fast = ownFast && Math.max(before, after) >= this.transferBblPerMs * this.spanMs;
      if (fast) {
        this.markTransfer(t);
        this.onTransfer?.(t);
      }
      const trendPart = fast || t <= this.busyUntilMs ? towardZero(d, this.trendInWindowBbl) : d;
      this.changeTimes.push(t);
      this.changeTrendBbl.push(trendPart);
      this.changeTransferBbl.push(d - trendPart);
      this.trendInWindowBbl += trendPart;
      this.transferInWindowBbl += d - trendPart;
    }
  }

  /** The level at time `t`: the last sample at or before it (the oldest kept if none). */
  private valueAt(t: number): number {
    let lo = this.s0;
    let hi = this.times.length - 1;
    if (this.times[lo] > t) return this.values[lo];
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.times[mid] <= t) lo = mid;
      else hi = mid - 1;
    }
    return this.values[lo];
  }

  private prune(nowMs: number): void {
    while (this.c0 < this.changeTimes.length && this.changeTimes[this.c0] < nowMs - this.windowMs) {
      this.trendInWindowBbl -= this.changeTrendBbl[this.c0];
      this.transferInWindowBbl -= this.changeTransferBbl[this.c0];
      this.c0++;
    }
    // Rate look-ups reach back 2 spans from the oldest change still to be judged.
    const keepFrom = Math.min(this.times[Math.min(this.next, this.times.length - 1)] ?? nowMs, nowMs) - 2 * this.spanMs - MAX_GAP_MS;
    while (this.s0 < this.next - 1 && this.times[this.s0 + 1] <= keepFrom) this.s0++;
    if (this.s0 > 4096) {
      this.times = this.times.slice(this.s0);
      this.values = this.values.slice(this.s0);
      this.next -= this.s0;
      this.s0 = 0;
    }
    if (this.c0 > 4096) {
      this.changeTimes = this.changeTimes.slice(this.c0);
      this.changeTrendBbl = this.changeTrendBbl.slice(this.c0);
      this.changeTransferBbl = this.changeTransferBbl.slice(this.c0);
      this.c0 = 0;
    }
  }
}

/** The part of a fast change `d` that takes `trend` back toward zero (never past it). */
function towardZero(d: number, trend: number): number {
  if (d === 0 || trend === 0 || Math.sign(d) === Math.sign(trend)) return 0;
  return Math.sign(d) * Math.min(Math.abs(d), Math.abs(trend));
}
