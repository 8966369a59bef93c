// Pack-off read from the trends together (DOMAIN §3.7), not from deltas against baselines. A
// baseline learned before the driller's last weight change is stale for minutes, while a
// two-minute trend at steady controls is not: a packing annulus raises torque AND SPP while
// ROP falls, with WOB, RPM and the pump rate held. A driller who steps WOB every half minute
// never holds it for two: the trend is read within the stretches between his steps (each
// stretch keeps its own level, so the jump at a step, bit torque, motor pressure and ROP all
// following the new weight, is his, and only the drift while he held is the hole's). A
// reading that jumped once and held is not a build-up either. Each sign must be needed: on a mud motor
// more bit load raises torque and SPP with ROP often up (so ROP must fall); harder rock drops
// ROP with torque flat (so torque must rise). The trends must also stand clear of what the same
// window shows on this rig's clean drilling, learned two minutes late as the noise bands are
// (a pack-off building over minutes must not widen the band it is judged against): each on its
// own, or together, each at least one of its RMS (togetherClear). The window
// is two minutes of feed whatever its rate: each packet stands for its seconds (feed-clock.ts)
// and the trends are fitted against those seconds. Pure.
import { NoiseBand } from './noise-band.js';

/** Two minutes of feed: long enough to see a ramp through ROP noise, short enough to stay current. */
export const TREND_WINDOW_S = 120;
/** The change is read over the span of a whole window's readings at 1 Hz (first to last), the same at any rate. */
const CHANGE_SPAN_S = TREND_WINDOW_S - 1;
/** Readings the window can hold: two minutes of a 4 Hz feed (a faster one judges the newest 480). */
const CAPACITY = TREND_WINDOW_S * 4;
/** Fewest packets a window's trend is read from (a 6 s spacing): sparser, three noisy points make a "trend". */
const MIN_READINGS = 20;
/** Share of the window's packets that must hold a reading for its trend to count. */
const MIN_FILLED = 0.8;
/** WOB or RPM moved this share from the mean of the stretch: the driller changed them, a new stretch. */
const CONTROL_STEP_FRACTION = 0.05;
/** RPM drifting by more than this over the window: the driller is changing them, the window is not judged. */
const RPM_STEADY_FRACTION = 0.08;
/** The held stretches must carry this share of a whole window's time spread to show a trend (stretches of 25 s or more on average). */
const MIN_HELD_SPREAD = 0.05;
/** WOB's spread within the stretches (RMS, share of its mean) below which it counts as held. */
const WOB_HELD_FRACTION = 0.01;
/** Share of the WOB's movement within the stretches that must be independent of time for its effect to be separated. */
const MIN_INDEPENDENCE = 0.3;
/** A jump this many times the RMS of the window's other packet-to-packet changes is a step, not noise. */
const STEP_MULTIPLE = 5;
/** A sign stands when its trend is this many of the rig's clean-drilling RMS (three together rarely coincide). */
const NOISE_MULTIPLE = 2.5;
/**
 * Together the three signs may carry one another: each at least this share of its level (one of
 * its clean-drilling RMS, and past its floor) when on average they stand clear (their RMS summed
 * to three times NOISE_MULTIPLE). A rig whose torque or ROP wanders (a light string, a low torque
 * reading, a bit drilling through stringers) hides that sign's ramp under its own two-minute
 * spread while the other two stand several levels clear; three signs that noise would each put at
 * a fraction of their level rarely pass together.
 */
const MIN_SIGN_SHARE = 1 / NOISE_MULTIPLE;

export interface PackOffTrendReading {
  /** Change over the window by the least-squares line, as a fraction of the window mean. */
  torqueTrendFraction: number;
  /** SPP change over the window, psi. */
  sppTrendPsi: number;
  /** ROP fall over the window as a fraction of the window mean (positive = falling). */
  ropFallFraction: number;
  /**
   * How far the three signs stand past their levels together (togetherClear): 1 or more = torque
   * up, SPP up and ROP down together, clear of this rig's clean noise.
   */
  clearRatio: number;
  /** The level each sign had to pass: its floor or NOISE_MULTIPLE times its clean-drilling RMS. */
  levels: PackOffTrendFloors;
}

/**
 * How clear the three signs stand together (1 or more = clear): the weakest against its level,
 * or, with every sign past its floor, their mean with the weakest at least MIN_SIGN_SHARE of its level.
 */
export function togetherClear(torque: number, spp: number, rop: number, pastFloors: boolean): number {
  const weakest = Math.min(torque, spp, rop);
  if (!pastFloors) return weakest;
  return Math.max(weakest, Math.min((torque + spp + rop) / 3, weakest / MIN_SIGN_SHARE));
}

export interface PackOffTrendFloors {
  torqueFraction: number;
  sppPsi: number;
  ropFraction: number;
}

export interface PackOffTrendPacket {
  torqueKftLbf: number | null;
  sppPsi: number | null;
  ropFtHr: number | null;
  wobKlbf: number | null;
  rpm: number | null;
}

type Ch = keyof PackOffTrendPacket;
const CHANNELS: readonly Ch[] = ['torqueKftLbf', 'sppPsi', 'ropFtHr', 'wobKlbf', 'rpm'];
const WOB = 3;
const RPM = 4;
/** The way each sign moves in a pack-off: torque up, SPP up, ROP down (WOB and RPM are not read). */
const PACK_OFF_WAY = [1, 1, -1, 0, 0];

export class PackOffTrend {
  private readonly rings = CHANNELS.map(() => new Float64Array(CAPACITY));
  /** Per packet: the stretch of held controls it belongs to (numbered on from the last restart). */
  private readonly stretchOf = new Float64Array(CAPACITY);
  /** Per packet: seconds of feed since the window last started over, and the seconds it stands for. */
  private readonly clockOf = new Float64Array(CAPACITY);
  private readonly secondsOf = new Float64Array(CAPACITY);
  private clockS = 0;
  private coveredS = 0;
  /** Slot of the oldest packet in the window. */
  private first = 0;
  private stretch = -1;
  private wobSum = 0;
  private wobN = 0;
  private rpmSum = 0;
  private rpmN = 0;
  private windowMean = 0;
  private count = 0;
  private readonly sums = new PooledSums();
  private readonly torqueNoise = new NoiseBand();
  private readonly sppNoise = new NoiseBand();
  private readonly ropNoise = new NoiseBand();

  /**
   * One packet. `judged` = drilling on bottom at a steady pump rate; anything else starts the
   * window over (a connection, a rate change: the trends there are not the hole's).
   * `readingS`: the seconds of feed this packet stands for (feed-clock.ts; 1 at 1 Hz).
   */
  update(p: PackOffTrendPacket, judged: boolean, floors: PackOffTrendFloors, readingS = 1): PackOffTrendReading | null {
    if (!judged) {
      this.count = this.clockS = this.coveredS = 0;
      this.stretch = -1;
      return null;
    }
    this.push(p, readingS);
    // Judged once the packets cover the whole two minutes.
    if (this.coveredS < TREND_WINDOW_S - 1e-9 || this.count < MIN_READINGS) return null;
    const torque = this.changeFraction(0);
    const spp = this.change(1);
    const rop = this.changeFraction(2);
    if (torque === null || spp === null || rop === null) return null;
    const rpm = this.rpmDrift();
    const controlsHeld = rpm === null || Math.abs(rpm) <= RPM_STEADY_FRACTION;
    // Clean drilling teaches the spread only where the signs are judged.
    const tqRms = this.torqueNoise.update(torque, controlsHeld, readingS);
    const sppRms = this.sppNoise.update(spp, controlsHeld, readingS);
    const ropRms = this.ropNoise.update(rop, controlsHeld, readingS);
    if (!controlsHeld || tqRms === null || sppRms === null || ropRms === null) return null;
    const level = (floor: number, rms: number) => Math.max(floor, NOISE_MULTIPLE * rms);
    const levels = { torqueFraction: level(floors.torqueFraction, tqRms), sppPsi: level(floors.sppPsi, sppRms), ropFraction: level(floors.ropFraction, ropRms) };
    // Per packet: the ratios as plain numbers (no array on the hot path).
    const pastFloors = torque >= floors.torqueFraction && spp >= floors.sppPsi && -rop >= floors.ropFraction;
    const clearRatio = togetherClear(torque / levels.torqueFraction, spp / levels.sppPsi, -rop / levels.ropFraction, pastFloors);
    return { torqueTrendFraction: torque, sppTrendPsi: spp, ropFallFraction: -rop, clearRatio, levels };
  }

  /** Adds the packet; the oldest leave once the rest still cover the window. */
  private push(p: PackOffTrendPacket, readingS: number): void {
    while (this.count > 0 && (this.count === CAPACITY || this.coveredS + readingS - this.secondsOf[this.first] >= TREND_WINDOW_S)) {
      this.coveredS -= this.secondsOf[this.first];
      this.first = this.first + 1 === CAPACITY ? 0 : this.first + 1;
      this.count--;
    }
    if (this.count === 0) this.first = 0;
    const j = (this.first + this.count) % CAPACITY;
    for (let i = 0; i < CHANNELS.length; i++) {
      const v = p[CHANNELS[i]];
      this.rings[i][j] = v === null || !Number.isFinite(v) ? NaN : v;
    }
    this.stretchOf[j] = this.placeInStretch(p.wobKlbf, p.rpm);
    this.clockS += readingS;
    this.clockOf[j] = this.clockS;
    this.secondsOf[j] = readingS;
    this.coveredS += readingS;
    this.count++;
  }

  /** Time spread (Σ(t − t̄)², s²) of the whole window, as evenly spaced packets. */
  private fullSpread(): number {
    const n = this.count;
    const spanS = this.clockOf[(this.first + n - 1) % CAPACITY] - this.clockOf[this.first];
    const dtS = n > 1 ? spanS / (n - 1) : 0;
    return ((n * (n * n - 1)) / 12) * dtS * dtS;
  }

  /** The stretch of held WOB and RPM this packet belongs to: a new one starts when either moves by CONTROL_STEP_FRACTION from the stretch's mean. */
  private placeInStretch(wob: number | null, rpm: number | null): number {
    if (this.stretch < 0 || moved(wob, this.wobSum, this.wobN) || moved(rpm, this.rpmSum, this.rpmN)) {
      this.stretch++;
      this.wobSum = this.wobN = this.rpmSum = this.rpmN = 0;
    }
    if (wob !== null && Number.isFinite(wob)) { this.wobSum += wob; this.wobN++; }
    if (rpm !== null && Number.isFinite(rpm)) { this.rpmSum += rpm; this.rpmN++; }
    return this.stretch;
  }

  /**
   * Least-squares change over the window (units of the channel): one slope shared by all
   * stretches of held controls, each with its own level, so what changed at the driller's
   * weight or RPM steps (bit torque, motor pressure and ROP all follow them) is not read as the
   * hole. A step (one jump far beyond the window's packet-to-packet noise) starts a new level
   * too: a pack-off builds over the window, a reading that jumped once and held (an event, a
   * sensor, a sparse feed's one update) is not a trend. Null when too sparse, or when the held
   * stretches are too short to show a trend.
   */
  private change(i: number): number | null {
    const y = this.rings[i];
    const wob = this.rings[WOB];
    const N = this.count;
    const t0 = this.clockOf[this.first];
    const stepAt = this.stepAt(y);
    const f = this.sums;
    f.reset();
    let present = 0, sum = 0, id = -2, w = 0;
    // Oldest first: k is the packet's place in the window, j its slot in the ring (no modulo per sample).
    for (let k = 0, j = this.first; k < N; k++, j = j + 1 === CAPACITY ? 0 : j + 1) {
      const yj = y[j];
      if (Number.isNaN(yj)) continue;
      present++; sum += yj;
      const s = this.stretchOf[j];
      if (s !== id || k === stepAt) {
        f.close();
        id = s;
      }
      // A packet without WOB keeps the last one read (no deviation of its own).
      if (!Number.isNaN(wob[j])) w = wob[j];
      f.add(this.clockOf[j] - t0, w, yj);
    }
    f.close();
    if (present < MIN_FILLED * N) return null;
    this.windowMean = sum / present;
    if (f.tt < MIN_HELD_SPREAD * this.fullSpread()) return null;
    const meanWob = f.used > 0 ? f.wobSum / f.used : 0;
    // WOB held within the stretches: the plain trend within them is the hole's.
    if (f.ww <= f.used * (WOB_HELD_FRACTION * meanWob) ** 2) return (f.ty / f.tt) * CHANGE_SPAN_S;
    // WOB drifting within them (the driller easing weight on): take out what it explains.
    const det = f.tt * f.ww - f.tw * f.tw;
    if (det >= MIN_INDEPENDENCE * f.tt * f.ww) return ((f.ty * f.ww - f.wy * f.tw) / det) * CHANGE_SPAN_S;
    // It moved in step with time and the two cannot be told apart: take out the most it could
    // explain (torque, SPP and ROP in proportion to the weight, elasticity 1) where it pushed the
    // pack-off's way, so a small weight change no longer blinds the trend for two minutes.
    const plain = (f.ty / f.tt) * CHANGE_SPAN_S;
    const byWob = meanWob > 0 ? ((f.tw / f.tt) * CHANGE_SPAN_S * this.windowMean) / meanWob : 0;
    return byWob * PACK_OFF_WAY[i] > 0 ? plain - byWob : plain;
  }

  /**
   * Window place of a step: the largest jump from one reading to the next within a stretch,
   * when it stands STEP_MULTIPLE times clear of the RMS of the other jumps (noise never does);
   * -1 when there is none.
   */
  private stepAt(y: Float64Array): number {
    const N = this.count;
    let at = -1, biggest = 0, sumSq = 0, m = 0, prev = NaN, prevStretch = -2;
    for (let k = 0, j = this.first; k < N; k++, j = j + 1 === CAPACITY ? 0 : j + 1) {
      const yj = y[j];
      const s = this.stretchOf[j];
      if (Number.isNaN(yj)) continue;
      if (s === prevStretch) {
        const jump = Math.abs(yj - prev);
        sumSq += jump * jump;
        m++;
        if (jump > biggest) {
          biggest = jump;
          at = k;
        }
      }
      prev = yj;
      prevStretch = s;
    }
    if (m < 2 || biggest === 0) return -1;
    const othersMeanSq = (sumSq - biggest * biggest) / (m - 1);
    return biggest * biggest > STEP_MULTIPLE * STEP_MULTIPLE * othersMeanSq ? at : -1;
  }

  /** RPM's least-squares change over the window as a share of its mean (null: no RPM reading). */
  private rpmDrift(): number | null {
    const y = this.rings[RPM];
    const N = this.count;
    const t0 = this.clockOf[this.first];
    let n = 0, st = 0, sy = 0, stt = 0, sty = 0;
    for (let k = 0, j = this.first; k < N; k++, j = j + 1 === CAPACITY ? 0 : j + 1) {
      const yj = y[j];
      if (Number.isNaN(yj)) continue;
      const t = this.clockOf[j] - t0;
      n++; st += t; sy += yj; stt += t * t; sty += t * yj;
    }
    if (n < MIN_FILLED * N || !(sy > 0)) return null;
    const slope = (sty - (st * sy) / n) / (stt - (st * st) / n);
    return (slope * CHANGE_SPAN_S) / (sy / n);
  }

  /** The change as a share of the window mean (null for a channel reading zero). */
  private changeFraction(i: number): number | null {
    const d = this.change(i);
    if (d === null || !(this.windowMean > 0)) return null;
    return d / this.windowMean;
  }
}

/** A control reading away from its stretch's mean by more than CONTROL_STEP_FRACTION: the driller moved it. */
function moved(v: number | null, sum: number, n: number): boolean {
  if (v === null || !Number.isFinite(v) || n === 0) return false;
  const mean = sum / n;
  return Math.abs(v - mean) > CONTROL_STEP_FRACTION * Math.abs(mean);
}

/**
 * Sums over the stretches of held controls, each about its own means (every stretch keeps its
 * own level): time t, WOB w and the channel y, pooled as each stretch closes.
 */
class PooledSums {
  tt = 0;
  ww = 0;
  tw = 0;
  ty = 0;
  wy = 0;
  used = 0;
  wobSum = 0;
  private n = 0;
  private t = 0;
  private w = 0;
  private y = 0;
  private stt = 0;
  private sww = 0;
  private stw = 0;
  private sty = 0;
  private swy = 0;

  reset(): void {
    this.tt = this.ww = this.tw = this.ty = this.wy = this.used = this.wobSum = 0;
    this.clearStretch();
  }

  add(t: number, w: number, y: number): void {
    this.n++;
    this.t += t; this.w += w; this.y += y;
    this.stt += t * t; this.sww += w * w; this.stw += t * w; this.sty += t * y; this.swy += w * y;
  }

  /** Folds the open stretch in (a single packet carries no trend) and starts the next. */
  close(): void {
    const n = this.n;
    if (n > 1) {
      this.tt += this.stt - (this.t * this.t) / n;
      this.ww += this.sww - (this.w * this.w) / n;
      this.tw += this.stw - (this.t * this.w) / n;
      this.ty += this.sty - (this.t * this.y) / n;
      this.wy += this.swy - (this.w * this.y) / n;
      this.used += n;
      this.wobSum += this.w;
    }
    this.clearStretch();
  }

  private clearStretch(): void {
    this.n = this.t = this.w = this.y = this.stt = this.sww = this.stw = this.sty = this.swy = 0;
  }
}
