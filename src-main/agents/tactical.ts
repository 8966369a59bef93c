// Tactical agent (DOMAIN §4): turns per-packet detections into at most one ticket.
// - Warnings must be sustained: present in ≥ `sustainRequired` of the last `sustainWindow`
//   packets (default 3 of 5), so one noisy packet never raises a ticket.
// - CRITICAL well control goes at once, once seen on every packet for `criticalHeldS` seconds
//   (default 9: 10 packets at 1 Hz, 6 at 0.5 Hz; never fewer than 3 packets) so a sensor spike
//   or a paddle's lag after a rate change is not a kick.
// - Suppression is per fault, not per category, and bounded: once a fault has been advised
//   (its ticket confirmed), it is not ticketed again while the episode lasts, unless it
//   escalates (warning to critical) or `repeatAfterS` seconds or `repeatAfterDepthFt` of new
//   hole have passed (the event's numbers are refreshed). An episode ends after
//   `episodeGapS` seconds without the detection. A ticket the verification rejected is retried
//   after `retryAfterRejectedS` (uncertain: a third of that). A different fault always passes:
//   a false founder never starves a real pack-off (the reference's category back-off did).
// - Optimisation advice (efficiency, founder, torque rise, new rock) is repeated at most every
//   adviceRepeatAfterS, is one episode until it has been gone that long, and is not repeated for
//   new hole alone.
// - Shadow mode (baseline learning): no tickets, EXCEPT critical well control and the trip
//   sheet (its limits never came from the baseline). Choice: a kick is never hidden because the
//   rig's baseline is still being learned.
// - Bit depth missing or ≤ 0: no ticket.
import type { AnomalyCategory, Breach, FaultKind, Severity, Ticket, VerificationStatus } from '../../src-shared/advisory.js';
import { FAULT_CATEGORY, OPTIMISATION_ADVICE } from '../../src-shared/advisory.js';
import type { Campaign, Operation } from '../../src-shared/campaign.js';
import type { WellConfig } from '../../src-shared/config.js';
import type { DrillingMetrics } from '../../src-shared/metrics.js';
import type { WitsPacket } from '../../src-shared/wits.js';
import type { Detection } from '../physics/detectors.js';
import { pitRateFromWell } from '../physics/flow.js';
import type { EffectiveThresholds } from '../physics/thresholds.js';
import type { HistoryBuffer, HistoryEntry } from '../physics/history.js';

export interface TacticalContext {
  thresholds: EffectiveThresholds;
  campaign: Campaign;
  operation: Operation;
  /** Baseline still learning: only critical well control may raise a ticket. */
  shadowMode: boolean;
}

export interface TacticalOptions {
  sustainWindow: number;
  sustainRequired: number;
  /** Seconds a CRITICAL well-control detection must hold on every packet before it goes without the sustain. */
  criticalHeldS: number;
  /** An advised fault is ticketed again after this long (its event's numbers refresh). */
  repeatAfterS: number;
  /** ... a well-control fault sooner (pit gain and flow are what the crew acts on). */
  wellControlRepeatAfterS: number;
  /** ... optimisation advice far later (it is GREEN, and the driller is working on it). */
  adviceRepeatAfterS: number;
  /** ... or after this much new hole. */
  repeatAfterDepthFt: number;
  /** A ticket the verification rejected is retried after this long (uncertain: a third). */
  retryAfterRejectedS: number;
  /** Seconds without the detection that end a fault's episode. */
  episodeGapS: number;
}

export const DEFAULT_TACTICAL_OPTIONS: TacticalOptions = {
  sustainWindow: 5,
  sustainRequired: 3,
  // 10 packets at 1 Hz: flow out lags flow in after a rate change for several seconds, and a
  // single burst on the paddle is not a kick; a real influx keeps growing.
  criticalHeldS: 9,
  repeatAfterS: 600,
  wellControlRepeatAfterS: 60,
  adviceRepeatAfterS: 1800,
  repeatAfterDepthFt: 100,
  retryAfterRejectedS: 60,
  episodeGapS: 120,
};

/** Suppression from the config's [advisory] section. */
export function tacticalOptionsFrom(config: WellConfig): TacticalOptions {
  const a = config.advisory;
  return {
    ...DEFAULT_TACTICAL_OPTIONS,
    repeatAfterS: a.repeat_after_s,
    wellControlRepeatAfterS: a.well_control_repeat_after_s,
    adviceRepeatAfterS: a.advice_repeat_after_s,
    repeatAfterDepthFt: a.repeat_after_depth_ft,
    retryAfterRejectedS: a.retry_after_rejected_s,
    episodeGapS: a.episode_gap_s,
  };
}

const FAULTS = Object.keys(FAULT_CATEGORY) as FaultKind[];
/** Seconds before a well-control ticket the verification did not confirm is checked again (a building influx is clear within seconds). */
const WELL_CONTROL_RETRY_S = 3;
/** Faults judged against fixed physics (pipe displacement), not against the learned baseline. */
const BASELINE_FREE: ReadonlySet<FaultKind> = new Set<FaultKind>(['trip-gain', 'trip-loss']);

interface FaultState {
  /** The fault was advised (confirmed) in this episode. */
  advised: boolean;
  advisedLevel: Detection['level'] | null;
  /** Level of the last ticket issued (becomes advisedLevel when confirmed). */
  ticketLevel: Detection['level'] | null;
  lastTicketMs: number;
  lastTicketDepthFt: number | null;
  /** No new ticket before this data time (after a rejected or uncertain verdict). */
  retryAtMs: number;
  lastSeenMs: number;
}

const freshState = (): FaultState => ({
  advised: false,
  advisedLevel: null,
  ticketLevel: null,
  lastTicketMs: Number.NEGATIVE_INFINITY,
  lastTicketDepthFt: null,
  retryAtMs: Number.NEGATIVE_INFINITY,
  lastSeenMs: Number.NEGATIVE_INFINITY,
});

/** A sensor spike is never a kick: fewest packets in a CRITICAL streak, however sparse the feed. */
const MIN_CRITICAL_PACKETS = 3;

/** The CRITICAL detection has held on every packet for `heldS` seconds of data (and MIN_CRITICAL_PACKETS). */
function criticalHeld(track: { criticalStreak: number; criticalSinceMs: number }, timeMs: number, heldS: number): boolean {
  return track.criticalStreak >= MIN_CRITICAL_PACKETS && timeMs - track.criticalSinceMs >= heldS * 1000;
}

function popcount(x: number): number {
  let n = 0;
  while (x) {
    x &= x - 1;
    n++;
  }
  return n;
}

/** One fault's counters: walked for every fault on every packet, so a plain record each (no keyed lookups). */
interface FaultTrack {
  readonly fault: FaultKind;
  /** One bit per recent packet, newest lowest: the fault was detected on it. */
  presence: number;
  criticalStreak: number;
  /** Data time of the first packet of the current CRITICAL streak. */
  criticalSinceMs: number;
  state: FaultState;
}

export class TacticalAgent {
  private readonly opt: TacticalOptions;
  private readonly tracks: FaultTrack[];
  private readonly byFault: ReadonlyMap<FaultKind, FaultTrack>;
  private readonly windowMask: number;
  private ticketSeq = 0;

  constructor(options: Partial<TacticalOptions> = {}) {
    this.opt = { ...DEFAULT_TACTICAL_OPTIONS, ...options };
    const w = Math.max(1, Math.min(30, Math.floor(this.opt.sustainWindow)));
    this.windowMask = (1 << w) - 1;
    this.tracks = FAULTS.map((fault) => ({ fault, presence: 0, criticalStreak: 0, criticalSinceMs: 0, state: freshState() }));
    this.byFault = new Map(this.tracks.map((t) => [t.fault, t]));
  }

  /**
   * What the verification made of the last ticket of this fault (the coordinator reports it);
   * `recheckAfterS` when it said the evidence is still building and worth a look that soon.
   */
  verdict(fault: FaultKind, status: VerificationStatus, timeMs: number, recheckAfterS?: number): void {
    const s = this.track(fault).state;
    if (status === 'Confirmed') {
      s.advised = true;
      s.advisedLevel = s.ticketLevel;
      return;
    }
    // Well control is checked again within seconds: a kick that was not yet clear may be by now.
    const waitS = FAULT_CATEGORY[fault] === 'WellControl' ? WELL_CONTROL_RETRY_S : status === 'Rejected' ? this.opt.retryAfterRejectedS : this.opt.retryAfterRejectedS / 3;
    s.retryAtMs = timeMs + Math.min(waitS, recheckAfterS ?? waitS) * 1000;
  }

  evaluate(
    packet: WitsPacket,
    metrics: DrillingMetrics,
    detections: readonly Detection[],
    _history: HistoryBuffer<HistoryEntry>,
    ctx: TacticalContext,
  ): Ticket | null {
    this.updateCounters(detections, packet.timeMs);

    const depth = packet.bitDepthFt;
    if (depth === null || !(depth > 0)) return null;

    for (const d of detections) {
      const category = FAULT_CATEGORY[d.fault];
      const wc = category === 'WellControl';
      const track = this.track(d.fault);
      const criticalWc = wc && d.level === 'CRITICAL' && criticalHeld(track, packet.timeMs, this.opt.criticalHeldS);
      // The trip sheet's limits do not come from the rig baseline: it is not silenced while that is learned.
      if (ctx.shadowMode && !criticalWc && !BASELINE_FREE.has(d.fault)) continue;
      const sustained = popcount(track.presence) >= this.opt.sustainRequired;
      if (!criticalWc && !sustained) continue;
      if (this.suppressed(d, depth, packet.timeMs)) continue;
      return this.issue(d, category, packet, metrics, ctx);
    }
    return null;
  }

  private updateCounters(detections: readonly Detection[], timeMs: number): void {
    for (const t of this.tracks) {
      let present = false;
      let critical = false;
      for (const d of detections) {
        if (d.fault === t.fault) {
          present = true;
          if (d.level === 'CRITICAL') critical = true;
        }
      }
      t.presence = ((t.presence << 1) | (present ? 1 : 0)) & this.windowMask;
      if (critical && t.criticalStreak === 0) t.criticalSinceMs = timeMs;
      t.criticalStreak = critical ? t.criticalStreak + 1 : 0;
      const s = t.state;
      if (present) s.lastSeenMs = timeMs;
      else if (s.advised && timeMs - s.lastSeenMs >= this.episodeGapS(t.fault) * 1000) t.state = freshState();
    }
  }

  private track(fault: FaultKind): FaultTrack {
    return this.byFault.get(fault) as FaultTrack;
  }

  private suppressed(d: Detection, depthFt: number, timeMs: number): boolean {
    const s = this.track(d.fault).state;
    if (timeMs < s.retryAtMs) return true;
    if (!s.advised) return false;
    if (d.level === 'CRITICAL' && s.advisedLevel === 'WARNING') return false; // escalation
    const movedFt = s.lastTicketDepthFt === null ? 0 : Math.abs(depthFt - s.lastTicketDepthFt);
    const repeatS = this.repeatAfterS(d.fault);
    // Advice is not repeated for new hole: new rock brings its own formation-change advice.
    const depthRepeats = !OPTIMISATION_ADVICE.has(d.fault) && movedFt >= this.opt.repeatAfterDepthFt;
    return timeMs - s.lastTicketMs < repeatS * 1000 && !depthRepeats;
  }

  private repeatAfterS(f: FaultKind): number {
    if (OPTIMISATION_ADVICE.has(f)) return this.opt.adviceRepeatAfterS;
    return FAULT_CATEGORY[f] === 'WellControl' ? this.opt.wellControlRepeatAfterS : this.opt.repeatAfterS;
  }

  /** Optimisation advice that flickers (founder, efficiency) is one episode until gone for its repeat time. */
  private episodeGapS(f: FaultKind): number {
    return OPTIMISATION_ADVICE.has(f) ? Math.max(this.opt.episodeGapS, this.opt.adviceRepeatAfterS) : this.opt.episodeGapS;
  }

  private issue(d: Detection, category: AnomalyCategory, packet: WitsPacket, metrics: DrillingMetrics, ctx: TacticalContext): Ticket {
    const s = this.track(d.fault).state;
    s.lastTicketMs = packet.timeMs;
    s.lastTicketDepthFt = packet.bitDepthFt;
    s.ticketLevel = d.level;
    this.ticketSeq++;
    const depth = packet.bitDepthFt;
    return {
      id: `TKT-${packet.timeMs}-${this.ticketSeq}`,
      timeMs: packet.timeMs,
      category,
      fault: d.fault,
      severity: ticketSeverity(category, d, metrics, ctx.thresholds),
      trigger: { ...d.trigger },
      breaches: collectBreaches(metrics, packet, ctx.thresholds),
      description: `${d.description} at ${depth !== null ? `${Math.round(depth)} ft` : 'unknown depth'} (${packet.rigState})`,
      rigState: packet.rigState,
      operation: ctx.operation,
      campaign: ctx.campaign,
      depthFt: depth,
      packet,
      metrics,
    };
  }
}

/** Severity per DOMAIN §4's table. */
export function ticketSeverity(category: AnomalyCategory, d: Detection, m: DrillingMetrics, t: EffectiveThresholds): Severity {
  switch (category) {
    case 'WellControl': {
      const fb = m.flowBalanceGpm !== null ? Math.abs(m.flowBalanceGpm) : 0;
      const fromWell = m.pitRateBblHr !== null && (m.flowBalanceGpm === null || pitRateFromWell(m.pitRateBblHr, m.flowBalanceGpm, m.flowNoiseGpm ?? null));
      const pr = fromWell ? Math.abs(m.pitRateBblHr as number) : 0;
      return fb > t.flowImbalanceCriticalGpm || pr > t.pitRateCriticalBblHr || d.level === 'CRITICAL' ? 'CRITICAL' : 'HIGH';
    }
    case 'Hydraulics': {
      const margin = m.ecdMarginPpg;
      const spp = m.sppDeltaPsi !== null ? Math.abs(m.sppDeltaPsi) : 0;
      return (margin !== null && margin < t.ecdMarginCriticalPpg) || spp > t.sppDeviationCriticalPsi ? 'HIGH' : 'MEDIUM';
    }
    case 'Mechanical':
      return (m.torqueDeltaFraction !== null && m.torqueDeltaFraction > t.torqueIncreaseCriticalFraction) || d.level === 'CRITICAL'
        ? 'HIGH'
        : 'MEDIUM';
    case 'DrillingEfficiency':
      return m.mseEfficiencyPercent !== null && m.mseEfficiencyPercent < t.mseEfficiencyPoorPercent ? 'MEDIUM' : 'LOW';
    case 'Formation':
      return 'LOW';
  }
}

/** Every threshold the packet is beyond (DOMAIN §4 context list), with units. */
export function collectBreaches(m: DrillingMetrics, p: WitsPacket, t: EffectiveThresholds): Breach[] {
  const out: Breach[] = [];
  const above = (parameter: string, actual: number | null, warn: number, crit: number, unit: string, abs = false): void => {
    if (actual === null) return;
    const v = abs ? Math.abs(actual) : actual;
    if (v > crit) out.push({ parameter, actual, threshold: crit, level: 'CRITICAL', unit });
    else if (v > warn) out.push({ parameter, actual, threshold: warn, level: 'WARNING', unit });
  };
  const below = (parameter: string, actual: number | null, warn: number, crit: number, unit: string): void => {
    if (actual === null) return;
    if (actual < crit) out.push({ parameter, actual, threshold: crit, level: 'CRITICAL', unit });
    else if (actual < warn) out.push({ parameter, actual, threshold: warn, level: 'WARNING', unit });
  };
  above('flowBalanceGpm', m.flowBalanceGpm, t.flowImbalanceWarningGpm, t.flowImbalanceCriticalGpm, 'gpm', true);
  above('pitRateBblHr', m.pitRateBblHr, t.pitRateWarningBblHr, t.pitRateCriticalBblHr, 'bbl/hr', true);
  above('pitGainBbl', m.pitGainBbl, t.pitGainWarningBbl, t.pitGainCriticalBbl, 'bbl', true);
  above('gasUnits', p.gasUnits, t.gasWarningUnits, t.gasCriticalUnits, 'units');
  above('h2sPpm', p.h2sPpm, t.h2sWarningPpm, t.h2sCriticalPpm, 'ppm');
  below('ecdMarginPpg', m.ecdMarginPpg, t.ecdMarginWarningPpg, t.ecdMarginCriticalPpg, 'ppg');
  above('sppDeltaPsi', m.sppDeltaPsi, t.sppDeviationWarningPsi, t.sppDeviationCriticalPsi, 'psi', true);
  above('torqueDeltaFraction', m.torqueDeltaFraction, t.torqueIncreaseWarningFraction, t.torqueIncreaseCriticalFraction, 'fraction');
  above('torqueCv', m.torqueCv, t.stickSlipCvWarning, t.stickSlipCvCritical, 'fraction');
  below('mseEfficiencyPercent', m.mseEfficiencyPercent, t.mseEfficiencyWarningPercent, t.mseEfficiencyPoorPercent, '%');
  return out;
}
