// Tactical agent (DOMAIN §4): turns per-packet detections into at most one ticket.
// - Warnings must be sustained: present in ≥ `sustainRequired` of the last `sustainWindow`
//   packets (default 3 of 5), so one noisy packet never raises a ticket.
// - CRITICAL well control goes at once, after `criticalConsecutive` packets in a row
//   (default 3 = 3 s at 1 Hz) so a single-packet sensor spike is not a kick.
// - Per-category cooldown (HEAD rule 3): suppressed while packets since the last ticket,
//   depth change AND time are all below their limits (shorter for CRITICAL). Not for well
//   control: after 3 tickets in a row in a category, the next needs a depth change that
//   doubles each time (rule 3b), reset after 500 packets without that category.
// - Shadow mode (baseline learning): no tickets, EXCEPT critical well control and the trip
//   sheet (its limits never came from the baseline). Choice: a kick is never hidden because the
//   rig's baseline is still being learned.
// - Bit depth missing or ≤ 0: no ticket.
import type { AnomalyCategory, Breach, FaultKind, Severity, Ticket } from '../../src-shared/advisory.js';
import { FAULT_CATEGORY } from '../../src-shared/advisory.js';
import type { Campaign, Operation } from '../../src-shared/campaign.js';
import type { WellConfig } from '../../src-shared/config.js';
import type { DrillingMetrics } from '../../src-shared/metrics.js';
import type { WitsPacket } from '../../src-shared/wits.js';
import type { Detection } from '../physics/detectors.js';
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
  criticalConsecutive: number;
  cooldownPackets: number;
  cooldownDepthFt: number;
  cooldownSeconds: number;
  criticalCooldownPackets: number;
  criticalCooldownDepthFt: number;
  criticalCooldownSeconds: number;
  /** Rule 3b: tickets in a category before the depth back-off starts. */
  backoffAfterTickets: number;
  backoffMaxDepthFt: number;
  /** Packets without the category that reset its back-off. */
  backoffResetPackets: number;
}

export const DEFAULT_TACTICAL_OPTIONS: TacticalOptions = {
  sustainWindow: 5,
  sustainRequired: 3,
  criticalConsecutive: 3,
  cooldownPackets: 50,
  cooldownDepthFt: 50,
  cooldownSeconds: 60,
  criticalCooldownPackets: 20,
  criticalCooldownDepthFt: 10,
  criticalCooldownSeconds: 30,
  backoffAfterTickets: 3,
  backoffMaxDepthFt: 500,
  backoffResetPackets: 500,
};

/** Cooldowns from the config's [advisory] section. */
export function tacticalOptionsFrom(config: WellConfig): TacticalOptions {
  const a = config.advisory;
  return {
    ...DEFAULT_TACTICAL_OPTIONS,
    cooldownPackets: a.packet_cooldown,
    cooldownDepthFt: a.depth_cooldown_ft,
    cooldownSeconds: a.default_cooldown_seconds,
    criticalCooldownPackets: a.critical_packet_cooldown,
    criticalCooldownDepthFt: a.critical_depth_cooldown_ft,
    criticalCooldownSeconds: a.critical_cooldown_seconds,
  };
}

const FAULTS = Object.keys(FAULT_CATEGORY) as FaultKind[];
/** Faults judged against fixed physics (pipe displacement), not against the learned baseline. */
const BASELINE_FREE: ReadonlySet<FaultKind> = new Set<FaultKind>(['trip-gain', 'trip-loss']);
const CATEGORIES: AnomalyCategory[] = ['WellControl', 'Hydraulics', 'Mechanical', 'DrillingEfficiency', 'Formation'];

interface CategoryState {
  lastPacket: number;
  lastDepthFt: number | null;
  lastTimeMs: number;
  ticketsInRow: number;
  quietPackets: number;
}

function popcount(x: number): number {
  let n = 0;
  while (x) {
    x &= x - 1;
    n++;
  }
  return n;
}

export class TacticalAgent {
  private readonly opt: TacticalOptions;
  private readonly presence: Record<FaultKind, number>;
  private readonly criticalStreak: Record<FaultKind, number>;
  private readonly cat: Record<AnomalyCategory, CategoryState>;
  private readonly windowMask: number;
  private packetIndex = 0;
  private ticketSeq = 0;

  constructor(options: Partial<TacticalOptions> = {}) {
    this.opt = { ...DEFAULT_TACTICAL_OPTIONS, ...options };
    const w = Math.max(1, Math.min(30, Math.floor(this.opt.sustainWindow)));
    this.windowMask = (1 << w) - 1;
    this.presence = {} as Record<FaultKind, number>;
    this.criticalStreak = {} as Record<FaultKind, number>;
    for (const f of FAULTS) {
      this.presence[f] = 0;
      this.criticalStreak[f] = 0;
    }
    this.cat = {} as Record<AnomalyCategory, CategoryState>;
    for (const c of CATEGORIES) {
      this.cat[c] = { lastPacket: Number.NEGATIVE_INFINITY, lastDepthFt: null, lastTimeMs: Number.NEGATIVE_INFINITY, ticketsInRow: 0, quietPackets: 0 };
    }
  }

  evaluate(
    packet: WitsPacket,
    metrics: DrillingMetrics,
    detections: readonly Detection[],
    _history: HistoryBuffer<HistoryEntry>,
    ctx: TacticalContext,
  ): Ticket | null {
    this.packetIndex++;
    this.updateCounters(detections);

    const depth = packet.bitDepthFt;
    if (depth === null || !(depth > 0)) return null;

    for (const d of detections) {
      const category = FAULT_CATEGORY[d.fault];
      const wc = category === 'WellControl';
      const criticalWc = wc && d.level === 'CRITICAL' && this.criticalStreak[d.fault] >= this.opt.criticalConsecutive;
      // The trip sheet's limits do not come from the rig baseline: it is not silenced while that is learned.
      if (ctx.shadowMode && !criticalWc && !BASELINE_FREE.has(d.fault)) continue;
      const sustained = popcount(this.presence[d.fault]) >= this.opt.sustainRequired;
      if (!criticalWc && !sustained) continue;
      if (this.coolingDown(category, d.level === 'CRITICAL', depth, packet.timeMs)) continue;
      return this.issue(d, category, packet, metrics, ctx);
    }
    return null;
  }

  private updateCounters(detections: readonly Detection[]): void {
    for (const f of FAULTS) {
      let present = false;
      let critical = false;
      for (const d of detections) {
        if (d.fault === f) {
          present = true;
          if (d.level === 'CRITICAL') critical = true;
        }
      }
      this.presence[f] = ((this.presence[f] << 1) | (present ? 1 : 0)) & this.windowMask;
      this.criticalStreak[f] = critical ? this.criticalStreak[f] + 1 : 0;
    }
    for (const c of CATEGORIES) {
      let seen = false;
      for (const d of detections) if (FAULT_CATEGORY[d.fault] === c) seen = true;
      const s = this.cat[c];
      s.quietPackets = seen ? 0 : s.quietPackets + 1;
      if (s.quietPackets >= this.opt.backoffResetPackets) s.ticketsInRow = 0;
    }
  }

  private coolingDown(category: AnomalyCategory, critical: boolean, depthFt: number, timeMs: number): boolean {
    const s = this.cat[category];
    const o = this.opt;
    const packets = this.packetIndex - s.lastPacket;
    const depthMoved = s.lastDepthFt === null ? Number.POSITIVE_INFINITY : Math.abs(depthFt - s.lastDepthFt);
    const seconds = (timeMs - s.lastTimeMs) / 1000;
    const within = critical
      ? packets < o.criticalCooldownPackets && depthMoved < o.criticalCooldownDepthFt && seconds < o.criticalCooldownSeconds
      : packets < o.cooldownPackets && depthMoved < o.cooldownDepthFt && seconds < o.cooldownSeconds;
    if (within) return true;
    if (category !== 'WellControl' && s.ticketsInRow >= o.backoffAfterTickets) {
      const base = critical ? o.criticalCooldownDepthFt : o.cooldownDepthFt;
      const need = Math.min(base * 2 ** (s.ticketsInRow - o.backoffAfterTickets), o.backoffMaxDepthFt);
      if (depthMoved < need) return true;
    }
    return false;
  }

  private issue(d: Detection, category: AnomalyCategory, packet: WitsPacket, metrics: DrillingMetrics, ctx: TacticalContext): Ticket {
    const s = this.cat[category];
    s.lastPacket = this.packetIndex;
    s.lastDepthFt = packet.bitDepthFt;
    s.lastTimeMs = packet.timeMs;
    s.ticketsInRow++;
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
      const pr = m.pitRateBblHr !== null ? Math.abs(m.pitRateBblHr) : 0;
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
