// The event tracker (pure core): folds advisories into alarm events, one per fault, and moves
// each through the ISA-18.2 states. It decides when the alarm sounds (a new event, an
// escalation above the worst risk so far of an event already acknowledged, a reopening), never
// for an update at the same risk. An event clears only when the detectors, able to judge, have not seen
// its condition for the clear time: a feed outage or pumps off (nothing to judge) never clear it.
// No I/O, no clock: every time is data time passed in.
import { FAULT_CATEGORY, RISK_RANK, type Advisory, type FaultKind, type RiskLevel } from '../../src-shared/advisory.js';
import type { Campaign } from '../../src-shared/campaign.js';
import type { WellConfig } from '../../src-shared/config.js';
import type { AlarmEvent, AlarmState, EventTransition, EventTransitionKind } from '../../src-shared/events.js';
import { fnv1a32 } from './composer.js';

export interface EventSettings {
  /** Seconds the condition must be absent (while assessable) before an event clears. */
  clearAfterS: number;
  /** The same for well-control events (slower: a kick is not over because one reading dipped). */
  wellControlClearAfterS: number;
  /** A fault returning within this many seconds of clearing reopens its event. */
  reopenWindowS: number;
  /** Longest a supervisor may shelve an event, seconds. */
  maxShelveS: number;
}

export function eventSettingsFor(config: WellConfig, campaign: Campaign): EventSettings {
  const a = config.alarms;
  const paOverride = campaign === 'plug_abandonment' ? config.campaign.plug_abandonment.alarm_well_control_clear_after_s : undefined;
  return {
    clearAfterS: a.clear_after_s,
    wellControlClearAfterS: paOverride ?? a.well_control_clear_after_s,
    reopenWindowS: a.reopen_window_s,
    maxShelveS: a.max_shelve_s,
  };
}

export type TrackerResult = { ok: true; transitions: EventTransition[] } | { ok: false; error: string; code: 'not-found' | 'refused' };

/** Risk at or above which the alarm sounds (AMBER and RED; GREEN advice is quiet). */
const ALARM_RISK: RiskLevel = 'Elevated';

const sounds = (r: RiskLevel): boolean => RISK_RANK[r] >= RISK_RANK[ALARM_RISK];

export function eventIdFor(firstAdvisoryId: string): string {
  return `EVT-${fnv1a32(`event|${firstAdvisoryId}`).toString(16).padStart(8, '0')}`;
}

/** A critical well-control event must always be annunciated. */
export function canShelve(e: AlarmEvent): boolean {
  return !(e.category === 'WellControl' && (e.riskLevel === 'Critical' || e.worstRiskLevel === 'Critical'));
}

export class EventTracker {
  /** Every event a person may still act on, plus closed ones a fault may yet reopen. */
  private readonly events = new Map<string, AlarmEvent>();
  /** The event each fault would update or reopen. */
  private readonly byFault = new Map<FaultKind, AlarmEvent>();
  /** Seconds each fault's condition has been absent while assessable. */
  private readonly absentMs = new Map<FaultKind, number>();
  private lastObserveMs: number | null = null;

  constructor(private settings: EventSettings) {}

  setSettings(s: EventSettings): void {
    this.settings = s;
  }

  /** Events a person still sees: everything not back to normal, worst risk first. */
  openEvents(): AlarmEvent[] {
    return [...this.events.values()]
      .filter((e) => e.state !== 'normal')
      .sort((a, b) => RISK_RANK[b.riskLevel] - RISK_RANK[a.riskLevel] || b.updatedMs - a.updatedMs)
      .map((e) => ({ ...e }));
  }

  /** Whether an advised fault's alarm is still standing (active, acknowledged or not). */
  isActive(fault: FaultKind): boolean {
    const e = this.byFault.get(fault);
    return e !== undefined && (e.state === 'active-unacknowledged' || e.state === 'active-acknowledged');
  }

  get(eventId: string): AlarmEvent | null {
    const e = this.events.get(eventId);
    return e ? { ...e } : null;
  }

  /** Restores events kept in storage (a restart keeps what was open and unacknowledged). */
  restore(events: readonly AlarmEvent[]): void {
    for (const stored of events) {
      const e = { ...stored };
      this.events.set(e.id, e);
      const cur = this.byFault.get(e.fault);
      if (!cur || e.updatedMs > cur.updatedMs) this.byFault.set(e.fault, e);
    }
  }

  /** A confirmed advisory: raises, updates, escalates or reopens its fault's event. */
  advisory(a: Advisory): { event: AlarmEvent; transitions: EventTransition[] } {
    const t = a.timeMs;
    const existing = this.byFault.get(a.fault);
    const out: EventTransition[] = [];
    this.absentMs.set(a.fault, 0);
    if (!existing || this.expired(existing, t)) {
      const e = this.raise(a);
      out.push(this.transition(e, 'raised', t, sounds(a.riskLevel), 'system', a.id, ''));
      return { event: { ...e }, transitions: out };
    }
    const e = existing;
    const wasActive = e.state === 'active-unacknowledged' || e.state === 'active-acknowledged';
    const escalated = RISK_RANK[a.riskLevel] > RISK_RANK[e.worstRiskLevel];
    // An alarm nobody has acknowledged yet is still sounding: its escalation changes what it
    // shows, it is not a second annunciation (EEMUA 191 counts one alarm, not two in 5 s).
    const stillSounding = e.state === 'active-unacknowledged' && sounds(e.worstRiskLevel) && !e.shelved;
    e.riskLevel = a.riskLevel;
    e.updatedMs = t;
    e.lastSeenMs = t;
    e.advisoryCount++;
    e.latestAdvisoryId = a.id;
    e.depthFt = a.depthFt ?? e.depthFt;
    if (escalated) e.worstRiskLevel = a.riskLevel;
    if (escalated && e.shelved && !canShelve(e)) {
      e.shelved = null;
      out.push(this.transition(e, 'unshelved', t, false, 'system', a.id, 'critical well control cannot stay shelved'));
    }
    if (!wasActive) {
      e.state = 'active-unacknowledged';
      e.clearedMs = null;
      e.reopenCount++;
      out.push(this.transition(e, 'reopened', t, sounds(a.riskLevel), 'system', a.id, ''));
    } else if (escalated) {
      e.state = 'active-unacknowledged';
      out.push(this.transition(e, 'escalated', t, sounds(a.riskLevel) && !stillSounding, 'system', a.id, `risk rose to ${a.riskLevel}`));
    } else {
      out.push(this.transition(e, 'updated', t, false, 'system', a.id, ''));
    }
    return { event: { ...e }, transitions: out };
  }

  /**
   * One packet's verdict: the faults the detectors see now, and the faults they could judge. Clears events whose condition has been absent long enough; ends shelving that ran out.
   */
  observe(timeMs: number, present: ReadonlySet<FaultKind>, assessable: ReadonlySet<FaultKind>): EventTransition[] {
    const stepMs = this.lastObserveMs === null ? 0 : Math.max(0, Math.min(timeMs - this.lastObserveMs, 10_000));
    this.lastObserveMs = timeMs;
    const out: EventTransition[] = [];
    for (const e of this.events.values()) {
      if (e.state === 'normal' && this.expired(e, timeMs)) {
        this.events.delete(e.id); // closed, past its reopen window: storage keeps the record
        continue;
      }
      if (e.shelved && timeMs >= e.shelved.untilMs) {
        e.shelved = null;
        out.push(this.transition(e, 'unshelved', timeMs, false, 'system', null, 'shelving time over'));
      }
      if (e.state !== 'active-unacknowledged' && e.state !== 'active-acknowledged') continue;
      if (present.has(e.fault)) {
        this.absentMs.set(e.fault, 0);
        e.lastSeenMs = timeMs;
        continue;
      }
      if (!assessable.has(e.fault)) continue;
      const absent = (this.absentMs.get(e.fault) ?? 0) + stepMs;
      this.absentMs.set(e.fault, absent);
      if (absent >= this.clearAfterMs(e)) out.push(...this.clear(e, timeMs, 'system', `condition absent for ${Math.round(absent / 1000)} s`));
    }
    return out;
  }

  acknowledge(eventId: string, actor: string, note: string, timeMs: number): TrackerResult {
    const e = this.find(eventId);
    if (!e) return { ok: false, code: 'not-found', error: `no open event with id ${eventId}` };
    if (e.state === 'normal' || e.state === 'active-acknowledged') {
      return { ok: false, code: 'refused', error: `event ${eventId} is already acknowledged (${e.state})` };
    }
    e.acknowledgedMs = timeMs;
    e.acknowledgedBy = actor;
    e.acknowledgedRiskLevel = e.worstRiskLevel;
    const out: EventTransition[] = [];
    if (e.state === 'cleared-unacknowledged') {
      e.state = 'normal';
      out.push(this.transition(e, 'acknowledged', timeMs, false, actor, e.latestAdvisoryId, note));
      out.push(this.transition(e, 'normal', timeMs, false, actor, null, 'cleared and acknowledged'));
    } else {
      e.state = 'active-acknowledged';
      out.push(this.transition(e, 'acknowledged', timeMs, false, actor, e.latestAdvisoryId, note));
    }
    return { ok: true, transitions: out };
  }

  shelve(eventId: string, actor: string, reason: string, durationS: number, timeMs: number): TrackerResult {
    const e = this.find(eventId);
    if (!e || e.state === 'normal') return { ok: false, code: 'not-found', error: `no open event with id ${eventId}` };
    if (!canShelve(e)) return { ok: false, code: 'refused', error: 'a critical well-control event cannot be shelved' };
    if (!(durationS > 0) || durationS > this.settings.maxShelveS) {
      return { ok: false, code: 'refused', error: `shelve for 1 s to ${Math.round(this.settings.maxShelveS / 60)} min (alarms.max_shelve_s)` };
    }
    e.shelved = { byActor: actor, reason, fromMs: timeMs, untilMs: timeMs + durationS * 1000 };
    return { ok: true, transitions: [this.transition(e, 'shelved', timeMs, false, actor, null, `${reason} (for ${Math.round(durationS / 60)} min)`)] };
  }

  unshelve(eventId: string, actor: string, timeMs: number): TrackerResult {
    const e = this.find(eventId);
    if (!e || !e.shelved) return { ok: false, code: 'not-found', error: `no shelved event with id ${eventId}` };
    e.shelved = null;
    return { ok: true, transitions: [this.transition(e, 'unshelved', timeMs, false, actor, null, 'unshelved by a person')] };
  }

  /** Another rig's feed: this rig's active events are over (kept for the record, cleared). */
  feedChanged(timeMs: number, actor: string): EventTransition[] {
    const out: EventTransition[] = [];
    for (const e of this.events.values()) {
      if (e.state === 'active-unacknowledged' || e.state === 'active-acknowledged') out.push(...this.clear(e, timeMs, actor, 'data source changed to another rig'));
    }
    this.absentMs.clear();
    this.lastObserveMs = null;
    return out;
  }

  private clear(e: AlarmEvent, timeMs: number, actor: string, note: string): EventTransition[] {
    e.clearedMs = timeMs;
    e.updatedMs = timeMs;
    this.absentMs.set(e.fault, 0);
    if (e.state === 'active-acknowledged') {
      e.state = 'normal';
      return [this.transition(e, 'cleared', timeMs, false, actor, null, note), this.transition(e, 'normal', timeMs, false, actor, null, 'cleared after acknowledgement')];
    }
    e.state = 'cleared-unacknowledged';
    return [this.transition(e, 'cleared', timeMs, false, actor, null, note)];
  }

  private raise(a: Advisory): AlarmEvent {
    const e: AlarmEvent = {
      id: eventIdFor(a.id),
      fault: a.fault,
      category: FAULT_CATEGORY[a.fault] ?? a.category,
      state: 'active-unacknowledged',
      riskLevel: a.riskLevel,
      worstRiskLevel: a.riskLevel,
      acknowledgedRiskLevel: null,
      openedMs: a.timeMs,
      updatedMs: a.timeMs,
      clearedMs: null,
      lastSeenMs: a.timeMs,
      acknowledgedMs: null,
      acknowledgedBy: null,
      advisoryCount: 1,
      latestAdvisoryId: a.id,
      firstAdvisoryId: a.id,
      alarmCount: 0,
      reopenCount: 0,
      shelved: null,
      depthFt: a.depthFt,
    };
    this.events.set(e.id, e);
    this.byFault.set(a.fault, e);
    return e;
  }

  /** A closed event past the reopen window is history: the fault starts a new event. */
  private expired(e: AlarmEvent, timeMs: number): boolean {
    if (e.state !== 'normal' && e.state !== 'cleared-unacknowledged') return false;
    return e.clearedMs === null || timeMs - e.clearedMs > this.settings.reopenWindowS * 1000;
  }

  private clearAfterMs(e: AlarmEvent): number {
    return (e.category === 'WellControl' ? this.settings.wellControlClearAfterS : this.settings.clearAfterS) * 1000;
  }

  private find(eventId: string): AlarmEvent | null {
    return this.events.get(eventId) ?? null;
  }

  private transition(e: AlarmEvent, kind: EventTransitionKind, timeMs: number, alarm: boolean, actor: string, advisoryId: string | null, note: string): EventTransition {
    const annunciated = alarm && e.shelved === null;
    if (annunciated) e.alarmCount++;
    return { eventId: e.id, kind, timeMs, fault: e.fault, category: e.category, state: e.state as AlarmState, riskLevel: e.riskLevel, alarm: annunciated, actor, advisoryId, note };
  }
}
