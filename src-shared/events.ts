// Alarm events (ARCHITECTURE.md "Advisories and events"): one fault as the driller lives it.
// An event is raised by its first confirmed advisory, updated by later ones, escalated when the
// risk rises, acknowledged by a person, cleared when the condition has gone, reopened if it comes
// back soon, and may be shelved for a while by a supervisor. States follow ISA-18.2.
import type { AnomalyCategory, FaultKind, RiskLevel } from './advisory.js';

/** ISA-18.2 alarm states (shelving is a separate flag: a shelved event keeps its state). */
export type AlarmState = 'active-unacknowledged' | 'active-acknowledged' | 'cleared-unacknowledged' | 'normal';

export interface Shelving {
  byActor: string;
  reason: string;
  fromMs: number;
  untilMs: number;
}

export interface AlarmEvent {
  /** `EVT-` + 8 hex, stable for a replay (derived from the first advisory). */
  id: string;
  fault: FaultKind;
  category: AnomalyCategory;
  state: AlarmState;
  /** Risk of the latest advisory. */
  riskLevel: RiskLevel;
  /** Worst risk this event has reached. */
  worstRiskLevel: RiskLevel;
  /** Risk at the last acknowledgement (an escalation above it needs a new one). */
  acknowledgedRiskLevel: RiskLevel | null;
  /** Data time the event was raised, last updated, last cleared. */
  openedMs: number;
  updatedMs: number;
  clearedMs: number | null;
  /** Data time the condition was last seen by the detectors. */
  lastSeenMs: number;
  acknowledgedMs: number | null;
  acknowledgedBy: string | null;
  /** Advisories of this event, and the latest one (its numbers are the event's latest). */
  advisoryCount: number;
  latestAdvisoryId: string;
  firstAdvisoryId: string;
  /** Times the alarm sounded (raise, escalations, reopenings). */
  alarmCount: number;
  reopenCount: number;
  shelved: Shelving | null;
  depthFt: number | null;
}

export type EventTransitionKind =
  | 'raised'
  | 'updated'
  | 'escalated'
  | 'acknowledged'
  | 'cleared'
  | 'reopened'
  | 'normal'
  | 'shelved'
  | 'unshelved';

/** One state change, kept in the audit log (append-only) and published on the Bridge. */
export interface EventTransition {
  eventId: string;
  kind: EventTransitionKind;
  /** Data time of the change (packet time; a person's action is stamped with the feed's time). */
  timeMs: number;
  fault: FaultKind;
  category: AnomalyCategory;
  state: AlarmState;
  riskLevel: RiskLevel;
  /** The alarm sounds (new event, escalation, reopening), unless shelved. */
  alarm: boolean;
  actor: string;
  advisoryId: string | null;
  note: string;
}

/** Alarm-rate figures as EEMUA 191 counts them, over a period. */
export interface AlarmFigures {
  fromMs: number;
  toMs: number;
  events: number;
  /** Alarm sounds (raise, escalation, reopen; not while shelved). */
  alarms: number;
  alarmsPer10Min: number;
  /** Most alarms in any 10-minute window. */
  peakAlarmsIn10Min: number;
  /** The same fault raised again within a minute of clearing. */
  chattering: number;
  /** Events active for more than 24 h. */
  standing: number;
  shelved: number;
}

/** Whether a person must still act on the event (the banner and the alarm read this). */
export function needsAcknowledgement(e: AlarmEvent): boolean {
  return e.state === 'active-unacknowledged' || e.state === 'cleared-unacknowledged';
}

export const isActive = (e: AlarmEvent): boolean => e.state === 'active-unacknowledged' || e.state === 'active-acknowledged';
