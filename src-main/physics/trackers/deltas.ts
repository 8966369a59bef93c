// Each drilling channel against its own running baseline: a short mean (a few packets, so one
// noisy packet does not trip a detector) compared with a slow EMA that is frozen while the
// channel deviates, so a fault ramping in over minutes stays measured against the pre-fault
// level (issue 11: the baseline swallowed 60 % of an injected washout before detection). The
// freeze is bounded: after `maxHoldS` a new level is adopted (a parameter change, new rock).
// Table-driven: one row per channel says how the delta is formed and when the baseline holds.
import { EmaBaseline, GAS_BACKGROUND, ShortWindow } from '../ema.js';
import { SPP_JUDGES_AFTER_S, SPP_WOB_STEP_FRACTION, torqueExcessFraction, washoutDropPsi } from '../detection.js';
import type { EffectiveThresholds } from '../thresholds.js';

type DeltaKind =
  /** short / baseline − 1 (rise as a fraction) */
  | 'rise'
  /** 1 − short / baseline (drop as a fraction) */
  | 'drop'
  /** short − baseline, in the channel's unit */
  | 'difference';

interface DeltaRule {
  kind: DeltaKind;
  /** |delta| beyond this holds the baseline. */
  holdBeyond: (t: EffectiveThresholds) => number;
  /**
   * Freeze the baseline while deviating (else it only slows). WOB and ROP are the driller's set
   * points: a step is a new normal, so they freeze only while the torque shows drag the WOB does
   * not explain (a pack-off building), never on a founder or a drill-off step.
   */
  freeze: boolean;
}

export const ON_BOTTOM_DELTAS = {
  torque: { kind: 'rise', holdBeyond: (t) => t.torqueIncreaseWarningFraction / 2, freeze: true },
  rop: { kind: 'drop', holdBeyond: () => 0.1, freeze: false },
  wob: { kind: 'rise', holdBeyond: () => 0.05, freeze: false },
  mse: { kind: 'rise', holdBeyond: (t) => t.mseChangeSignificantFraction / 2, freeze: true },
  dxc: { kind: 'difference', holdBeyond: (t) => t.dxcTrendThreshold / 2, freeze: true },
} satisfies Record<string, DeltaRule>;

export type OnBottomChannel = keyof typeof ON_BOTTOM_DELTAS;

/** Longest a deviating channel's baseline stays frozen before the new level is adopted. */
export const MAX_BASELINE_HOLD_S = 900;

export class ChannelDelta {
  readonly base: EmaBaseline;
  private readonly short: ShortWindow;
  private heldSinceMs: number | null = null;

  constructor(
    private readonly rule: DeltaRule,
    smoothingS: number,
    base = new EmaBaseline(),
    private readonly maxHoldMs = MAX_BASELINE_HOLD_S * 1000,
  ) {
    this.base = base;
    this.short = new ShortWindow(smoothingS);
  }

  /**
   * Pushes a positive reading and returns its delta (null while the baseline warms up).
   * `settling`: the level is still finding itself (a new pump rate): follow it, hold nothing.
   * `readingS`: the seconds of feed the packet stands for (feed-clock.ts).
   */
  update(value: number | null, t: EffectiveThresholds, timeMs: number, learn = true, judge = true, freeze = this.rule.freeze, settling = false, readingS = 1): number | null {
    if (value === null || !Number.isFinite(value) || value <= 0) return null;
    this.short.push(value, readingS);
    const delta = judge ? this.delta() : null;
    if (!learn) return delta;
    if (settling) {
      this.heldSinceMs = null;
      this.base.update(value, false, readingS);
      return delta;
    }
    const deviating = delta !== null && Math.abs(delta) > this.rule.holdBeyond(t);
    // Frozen only in the fault's direction: a torque or MSE that falls is not a fault building.
    const towardsFault = delta !== null && (this.rule.kind === 'difference' || delta > 0);
    if (deviating && freeze && towardsFault && this.base.learnedS >= this.base.settings.warmS) {
      this.heldSinceMs ??= timeMs;
      if (timeMs - this.heldSinceMs < this.maxHoldMs) return delta; // frozen: the fault is measured against the pre-fault level
      this.base.update(value, false, readingS); // held long enough: follow the new level
      return delta;
    }
    this.heldSinceMs = null;
    this.base.update(value, deviating, readingS);
    return delta;
  }

  reset(): void {
    this.base.reset();
    this.short.reset();
    this.heldSinceMs = null;
  }

  /** The short mean (the smoothed reading now); null before any. */
  get shortMean(): number | null {
    return this.short.n === 0 ? null : this.short.mean;
  }

  private delta(): number | null {
    const b = this.base.current;
    const s = this.short.mean as number;
    if (!this.base.ready || b === null) return null;
    if (this.rule.kind === 'difference') return s - b;
    if (b <= 0) return null;
    return this.rule.kind === 'rise' ? s / b - 1 : 1 - s / b;
  }
}

/** WOB or RPM this far from its baseline is a new set point, not a fault. */
export const SET_POINT_STEP_FRACTION = 0.1;

/** The on-bottom channels' deltas, updated together while the bit is on bottom. */

export class OnBottomDeltas {
  readonly channels: Record<OnBottomChannel, ChannelDelta>;
  private wobRise: number | null = null;
  /** RPM (short mean) / its baseline − 1 at the last update; null while unknown. */
  rpmRiseFraction: number | null = null;
  private readonly rpmBase = new EmaBaseline();
  private readonly rpmShort: ShortWindow;

  constructor(smoothingS: number) {
    this.rpmShort = new ShortWindow(smoothingS);
    const make = (c: OnBottomChannel) => new ChannelDelta(ON_BOTTOM_DELTAS[c], smoothingS);
    this.channels = { torque: make('torque'), rop: make('rop'), wob: make('wob'), mse: make('mse'), dxc: make('dxc') };
  }

  /**
   * `rpm`: the rotary speed set point. Torque and MSE follow WOB and RPM, so a set-point change
   * is a new normal: their baselines only freeze while WOB and RPM are where they were.
   */
  update(values: Record<OnBottomChannel, number | null>, t: EffectiveThresholds, timeMs: number, rpm: number | null, readingS = 1): Record<OnBottomChannel, number | null> {
    const c = this.channels;
    const s = readingS;
    // Torque and MSE follow both set points: a WOB or RPM step makes a new normal for them.
    const rpmSteady = Math.abs(this.rpmChange(rpm, s)) <= SET_POINT_STEP_FRACTION;
    const setPointsSteady = rpmSteady && Math.abs(this.wobRise ?? 0) <= SET_POINT_STEP_FRACTION;
    const torque = c.torque.update(values.torque, t, timeMs, true, true, setPointsSteady, false, s);
    // Drag: torque up beyond what the WOB (last packet's rise) explains: hold ROP and WOB too.
    const drag = rpmSteady && torque !== null && torqueExcessFraction(torque, this.wobRise) > ON_BOTTOM_DELTAS.torque.holdBeyond(t);
    const wob = c.wob.update(values.wob, t, timeMs, true, true, drag, false, s);
    this.wobRise = wob;
    return {
      torque,
      rop: c.rop.update(values.rop, t, timeMs, true, true, drag, false, s),
      wob,
      mse: c.mse.update(values.mse, t, timeMs, true, true, setPointsSteady, false, s),
      dxc: c.dxc.update(values.dxc, t, timeMs, true, true, ON_BOTTOM_DELTAS.dxc.freeze, false, s),
    };
  }

  /** RPM (short mean) / its baseline − 1; 0 while unknown. */
  private rpmChange(rpm: number | null, readingS: number): number {
    this.rpmRiseFraction = null;
    if (rpm === null || !(rpm > 0)) return 0;
    this.rpmShort.push(rpm, readingS);
    const base = this.rpmBase.current;
    const known = base !== null && this.rpmBase.ready && base > 0;
    const change = known ? (this.rpmShort.mean as number) / base - 1 : 0;
    this.rpmBase.update(rpm, Math.abs(change) > SET_POINT_STEP_FRACTION, readingS);
    if (known) this.rpmRiseFraction = change;
    return change;
  }
}

/**
 * SPP pressure losses grow with flow rate to about the 1.8th power (turbulent flow in the string
 * and bit): a 2 % drift in pump rate moves SPP ~4 %, which is not a washout or a pack-off.
 */
export const SPP_FLOW_EXPONENT = 1.8;
/** A pump rate this far from the SPP baseline's reference rate is a new operating point. */
const NEW_PUMP_RATE_FRACTION = 0.1;

/**
 * SPP against its baseline at steady pumps only: learned while the pumps are steady (or to
 * seed it), judged only when steady, started over at every pump change. SPP is referred to the
 * flow rate the baseline was learned at, so small pump-rate drifts do not read as deviations.
 * The WOB the baseline was learned at is kept beside it: on a mud motor SPP carries the motor's
 * differential pressure, which follows the bit load, so a judge needs to know whether the
 * weight on bit has come off since (a lighter bit load lowers SPP without any washout).
 */
export class SppDelta {
  private readonly d: ChannelDelta;
  private readonly wobRef = new EmaBaseline();
  private readonly wobShort: ShortWindow;
  private refFlowGpm: number | null = null;
  /** The pump rate of the last baseline that judged: it outlives a restart (a connection, a new rate). */
  private judgedFlowGpm: number | null = null;
  private sinceMs: number | null = null;
  private lastMs: number | null = null;
  private readonly recent = new RecentSppNormals();
  private normalRead = false;

  constructor(smoothingS: number) {
    // Held beyond half the smallest SPP change any detector acts on (the washout drop, or the
    // rig's SPP band if tighter): a washout ramping in stays measured against the pre-fault level.
    this.d = new ChannelDelta({ kind: 'difference', holdBeyond: (t) => washoutDropPsi(t) / 2, freeze: true }, smoothingS);
    this.wobShort = new ShortWindow(smoothingS);
  }

  get baselinePsi(): number | null {
    return this.d.base.current;
  }

  /**
   * SPP now − the lowest normal it had in the last half hour at this pump rate (null: none to
   * compare). Falling back to a level that was normal minutes ago (a pack-off clearing after its
   * pressure became the baseline, or after a connection restarted it) is not a washout.
   */
  get overRecentLowPsi(): number | null {
    const now = this.d.shortMean;
    return now === null || this.refFlowGpm === null || this.lastMs === null ? null : this.recent.overLowest(now, this.refFlowGpm, this.lastMs);
  }

  /**
   * Whether SPP has read within the hold band of the present baseline since it began to judge. A
   * baseline that settled during an excursion (a session started mid-swing: Volve F-9's SPP went
   * 1,450 -> 1,820 -> 1,510 psi with the weight in its first ten minutes) and froze there has never
   * been SPP's normal: a drop against it is no washout's erosion from a steady pressure.
   */
  get readNormal(): boolean {
    return this.normalRead;
  }

  /**
   * Where the present baseline cannot judge (settling after the pumps came back or changed rate, or
   * never read normal): SPP now − the lowest normal of the last half hour at this pump rate and no
   * more weight (null: the baseline judges, or none compares). A washout that began as the pumps
   * came back after a connection erodes below what SPP was before it; the restarted baseline
   * follows the erosion down while it settles and cannot see it.
   */
  get overRecentNormalAtWeightPsi(): number | null {
    if ((this.baselineAgeS ?? 0) >= SPP_JUDGES_AFTER_S && this.normalRead) return null;
    const now = this.d.shortMean;
    const wob = this.wobShort.mean;
    if (now === null || wob === null || this.refFlowGpm === null || this.lastMs === null) return null;
    return this.recent.overLowest(now, this.refFlowGpm, this.lastMs, wob);
  }

  /** How long the baseline has been learned at this operating point, s (null before any). */
  get baselineAgeS(): number | null {
    return this.sinceMs === null || this.lastMs === null ? null : (this.lastMs - this.sinceMs) / 1000;
  }

  /**
   * The pump rate now / the last rate SPP was judged at − 1 (null: none judged yet): whether a
   * baseline starting over came from the driller bringing the pumps up or cutting them back.
   */
  get pumpRateChangeFraction(): number | null {
    return this.refFlowGpm === null || this.judgedFlowGpm === null ? null : this.refFlowGpm / this.judgedFlowGpm - 1;
  }

  /** WOB (short mean) / the WOB the SPP baseline was learned at − 1 (null: no WOB or none yet). */
  get wobChangeFraction(): number | null {
    const ref = this.wobRef.current;
    const now = this.wobShort.mean;
    return ref === null || now === null || !(ref > 0) ? null : now / ref - 1;
  }

  update(sppPsi: number | null, flowInGpm: number | null, pumpsOn: boolean, pumpsSteady: boolean, t: EffectiveThresholds, timeMs: number, wobKlbf: number | null = null, readingS = 1): number | null {
    if (!pumpsOn) return null;
    let spp = sppPsi;
    if (spp !== null && flowInGpm !== null && flowInGpm > 0) {
      // Referred to the learning rate, SPP rides through small rate changes; a new pump rate
      // (beyond the normalisation's reach) starts the baseline over.
      if (this.refFlowGpm !== null && Math.abs(flowInGpm / this.refFlowGpm - 1) > NEW_PUMP_RATE_FRACTION) this.reset();
      this.refFlowGpm ??= flowInGpm;
      spp = spp * (this.refFlowGpm / flowInGpm) ** SPP_FLOW_EXPONENT;
    }
    this.sinceMs ??= timeMs;
    this.lastMs = timeMs;
    const wob = wobKlbf !== null && Number.isFinite(wobKlbf) && wobKlbf >= 0 ? wobKlbf : null;
    if (wob !== null) this.wobShort.push(wob, readingS);
    // After a rate change SPP surges and settles for minutes (gels breaking, cuttings loading
    // the annulus): the baseline follows until it has been learned long enough to judge by.
    const settling = (this.baselineAgeS ?? 0) < SPP_JUDGES_AFTER_S;
    const learnedBefore = this.d.base.samples;
    const delta = this.d.update(spp, t, timeMs, pumpsSteady || !this.d.base.ready, pumpsSteady, true, settling, readingS);
    if (!settling && delta !== null && Math.abs(delta) <= washoutDropPsi(t) / 2) this.normalRead = true;
    // Only a baseline that judges is a normal worth remembering (one still settling follows anything).
    if (!settling && this.d.base.ready && this.refFlowGpm !== null && this.d.base.current !== null) {
      // A baseline SPP never read normal by (it settled on an excursion, or on a washout already
      // eroding) is no normal to compare with later.
      if (this.normalRead) this.recent.note(timeMs, this.d.base.current, this.refFlowGpm, this.wobRef.current);
      this.judgedFlowGpm = this.refFlowGpm;
    }
    // The WOB reference learns when the SPP baseline does; while that holds, the reference only
    // creeps (the held rate, ~5 min memory): weight kept off for minutes is the new set point.
    if (wob !== null) this.wobRef.update(wob, this.d.base.samples === learnedBefore, readingS);
    return delta;
  }

  reset(): void {
    this.d.reset();
    this.normalRead = false;
    this.wobRef.reset();
    this.wobShort.reset();
    this.refFlowGpm = null;
    this.sinceMs = null;
  }
}

/**
 * A normal noted at a lower pump rate, up to this much lower, still compares with SPP now once
 * referred up by the 1.8th power. Referred up, it reads high (the part of SPP that does not grow
 * with flow, a motor's or the bit's, is scaled too), so SPP now reads low against it: it can only
 * err towards a washout, never hide one. (Referred down it would read low and could hide one:
 * those stay within the 10 % of a new operating point.) A driller who brought the pumps up while a
 * pack-off built, then saw it clear, is not watching a washout.
 */
const NORMAL_BELOW_RATE_FRACTION = 0.25;

/** Whether a normal noted at a rate `rateChange` (rate now / its rate − 1) away compares with SPP now. */
const comparableNormal = (rateChange: number): boolean =>
  Math.abs(rateChange) <= NEW_PUMP_RATE_FRACTION || (rateChange > 0 && rateChange <= NORMAL_BELOW_RATE_FRACTION);

/** How long SPP's earlier normals are remembered (s), and how often one is noted. */
const RECENT_NORMALS_S = 1800;
const NORMAL_EVERY_S = 60;

/**
 * SPP's baseline noted once a minute for the last half hour, each with the pump rate it was
 * referred to: they survive a baseline starting over (a connection, a rate change), and compare
 * with SPP now where the rates are within the normalisation's reach.
 */
class RecentSppNormals {
  private readonly levels = new Float64Array(RECENT_NORMALS_S / NORMAL_EVERY_S);
  private readonly refs = new Float64Array(RECENT_NORMALS_S / NORMAL_EVERY_S);
  private readonly times = new Float64Array(RECENT_NORMALS_S / NORMAL_EVERY_S);
  /** The WOB each normal was learned at, klbf (NaN: unknown). */
  private readonly wobs = new Float64Array(RECENT_NORMALS_S / NORMAL_EVERY_S);
  private count = 0;
  private head = 0;

  note(timeMs: number, levelPsi: number, refFlowGpm: number, wobKlbf: number | null): void {
    const newest = this.count > 0 ? this.times[(this.head + this.count - 1) % this.times.length] : -Infinity;
    // Time going backwards (a replay restarted): forget what came "later".
    if (timeMs < newest) this.count = 0;
    else if (timeMs - newest < NORMAL_EVERY_S * 1000) return;
    const i = (this.head + this.count) % this.times.length;
    this.levels[i] = levelPsi;
    this.refs[i] = refFlowGpm;
    this.times[i] = timeMs;
    this.wobs[i] = wobKlbf ?? NaN;
    if (this.count < this.times.length) this.count++;
    else this.head = (this.head + 1) % this.times.length;
  }

  /**
   * `sppPsi` (referred to `refFlowGpm`) − the lowest comparable normal of the half hour before
   * `nowMs`; null when none. With `wobNowKlbf` (looking for a washout across a restart) only the
   * normals of this operating point, learned at no more weight, compare.
   */
  overLowest(sppPsi: number, refFlowGpm: number, nowMs: number, wobNowKlbf?: number): number | null {
    let lowest = Infinity;
    for (let k = 0; k < this.count; k++) {
      const i = (this.head + k) % this.times.length;
      if (nowMs - this.times[i] > RECENT_NORMALS_S * 1000) continue;
      const ref = this.refs[i];
      if (!comparableNormal(refFlowGpm / ref - 1)) continue;
      // At a weight (looking for a washout): only normals from this operating point, learned at no
      // more weight. One referred up from a lower rate reads high, erring towards a washout, and
      // on a motor weight taken off lowers SPP.
      if (wobNowKlbf !== undefined && (Math.abs(refFlowGpm / ref - 1) > NEW_PUMP_RATE_FRACTION || !(wobNowKlbf >= this.wobs[i] * (1 - SPP_WOB_STEP_FRACTION)))) continue;
      lowest = Math.min(lowest, ref === refFlowGpm ? this.levels[i] : this.levels[i] * (refFlowGpm / ref) ** SPP_FLOW_EXPONENT);
    }
    return Number.isFinite(lowest) ? sppPsi - lowest : null;
  }
}

/** Gas above its slow background, units (the background all but stops while gas rises). */
export class GasBackground {
  private readonly base = new EmaBaseline(GAS_BACKGROUND);

  update(gasUnits: number | null, t: EffectiveThresholds, readingS = 1): number | null {
    if (gasUnits === null || gasUnits < 0) return null;
    const b = this.base.current;
    const rise = this.base.ready && b !== null ? gasUnits - b : null;
    this.base.update(gasUnits, rise !== null && rise > t.kickGasIncreaseUnits / 2, readingS);
    return rise;
  }
}
