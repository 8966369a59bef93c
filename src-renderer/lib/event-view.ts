// How the screens present an alarm event (issue 12): the banner's order, the state in words,
// "since 14:02 · 3 min" on the feed's own clock, and the timeline in words. Pure: no React, no store.
import { RISK_RANK, type Advisory } from '../../src-shared/advisory.js';
import { isActive, needsAcknowledgement, type AlarmEvent, type EventTransition } from '../../src-shared/events.js';
import { FAULT_LABEL } from './fault-labels.js';
import { staleAfterMs, type FeedClock } from './feed.js';
import { hourMinute, type ClockStyle } from './time-format.js';

/** 0 = active and not shelved, 1 = cleared and waiting for an acknowledgement, 2 = shelved. */
function place(e: AlarmEvent): number {
  if (e.shelved) return 2;
  return isActive(e) ? 0 : 1;
}

const unacked = (e: AlarmEvent): number => (needsAcknowledgement(e) ? 0 : 1);

/**
 * The banner's stack: every event a person may still act on (not back to normal), active ones
 * first, then cleared ones waiting for an acknowledgement, then shelved ones; worst risk first
 * within each, then the one still needing an acknowledgement, then the newest.
 */
export function bannerEvents(events: readonly AlarmEvent[]): AlarmEvent[] {
  return events
    .filter((e) => e.state !== 'normal')
    .sort(
      (a, b) =>
        place(a) - place(b) || RISK_RANK[b.riskLevel] - RISK_RANK[a.riskLevel] || unacked(a) - unacked(b) || b.openedMs - a.openedMs || a.id.localeCompare(b.id),
    );
}

/** The worst risk among active events (the top bar's badge); null when none is active. */
export function worstActiveRisk(events: readonly AlarmEvent[]): AlarmEvent['riskLevel'] | null {
  let worst: AlarmEvent['riskLevel'] | null = null;
  for (const e of events) if (isActive(e) && (worst === null || RISK_RANK[e.riskLevel] > RISK_RANK[worst])) worst = e.riskLevel;
  return worst;
}

export function stateText(e: AlarmEvent): string {
  switch (e.state) {
    case 'active-unacknowledged':
      return 'ACTIVE';
    case 'active-acknowledged':
      return 'ACTIVE · ACKNOWLEDGED';
    case 'cleared-unacknowledged':
      return 'CLEARED';
    default:
      return 'NORMAL';
  }
}

/** "45 s", "3 min", "2 h 05 min": how long an event has lasted. */
export function durationText(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 120) return `${min} min`;
  return `${Math.floor(min / 60)} h ${String(min % 60).padStart(2, '0')} min`;
}

/**
 * Now on the feed's clock: the newest packet's time, moved on by this screen's clock since that
 * packet came (so the age ticks between packets), but never further than the feed's staleness
 * limit (a stopped feed, a finished replay: its time stands still). No feed yet: the screen's clock.
 */
export function feedNowMs(c: FeedClock, screenNowMs: number): number {
  if (c.lastPacketMs === null) return screenNowMs;
  if (c.lastDataAtMs === null) return c.lastPacketMs;
  return c.lastPacketMs + Math.min(Math.max(0, screenNowMs - c.lastDataAtMs), staleAfterMs(c));
}

/**
 * "since 14:02 · 3 min" while active; "14:02 – 14:20 · cleared 4 min ago" once cleared. No age
 * when the feed's clock is behind the event (an event of a feed that was replaced by another).
 */
export function sinceText(e: AlarmEvent, nowMs: number, clock: ClockStyle): string {
  const from = hourMinute(e.openedMs, clock);
  if (e.clearedMs !== null && !isActive(e)) {
    const span = `${from} – ${hourMinute(e.clearedMs, clock)}`;
    return nowMs >= e.clearedMs ? `${span} · cleared ${durationText(nowMs - e.clearedMs)} ago` : `${span} · cleared`;
  }
  return nowMs >= e.openedMs ? `since ${from} · ${durationText(nowMs - e.openedMs)}` : `since ${from}`;
}

/** The shelving in words: who, why, until when. */
export function shelvedText(e: AlarmEvent, clock: ClockStyle): string | null {
  if (!e.shelved) return null;
  return `Shelved by ${e.shelved.byActor} until ${hourMinute(e.shelved.untilMs, clock)}: ${e.shelved.reason}`;
}

/** The event's latest advisory (its numbers are the event's latest), else the newest one of it on this screen. */
export function latestAdvisoryOf(e: AlarmEvent, advisories: readonly Advisory[]): Advisory | null {
  let newest: Advisory | null = null;
  for (const a of advisories) {
    if (a.id === e.latestAdvisoryId) return a;
    if (a.eventId === e.id && (newest === null || a.timeMs > newest.timeMs)) newest = a;
  }
  return newest;
}

const KIND_TEXT: Record<EventTransition['kind'], string> = {
  raised: 'Raised',
  updated: 'Updated',
  escalated: 'Escalated',
  acknowledged: 'Acknowledged',
  cleared: 'Cleared',
  reopened: 'Reopened',
  normal: 'Back to normal',
  shelved: 'Shelved',
  unshelved: 'Unshelved',
};

/** One timeline line: "Raised CRITICAL (alarm)", "Acknowledged by J. Smith: Flow check performed". */
export function transitionText(t: EventTransition): string {
  const by = t.actor && t.actor !== 'system' ? ` by ${t.actor}` : '';
  const risk = t.kind === 'raised' || t.kind === 'escalated' || t.kind === 'reopened' ? ` ${t.riskLevel.toUpperCase()}` : '';
  const note = t.note ? `: ${t.note}` : '';
  return `${KIND_TEXT[t.kind]}${risk}${by}${note}${t.alarm ? ' (alarm)' : ''}`;
}

export interface TimelineSummary {
  /** Transitions shown one by one (everything but the updates), oldest first. */
  shown: EventTransition[];
  /** Advisories that only updated the numbers. */
  updates: number;
  escalations: number;
  alarms: number;
}

/**
 * The timeline as the Company man reads it. The record keeps every state change but not each
 * update (those only refresh the event's numbers), so the updates are the event's advisories
 * less those that raised, escalated or reopened it.
 */
export function summariseTimeline(e: Pick<AlarmEvent, 'advisoryCount'>, transitions: readonly EventTransition[]): TimelineSummary {
  const shown = transitions.filter((t) => t.kind !== 'updated').sort((a, b) => a.timeMs - b.timeMs);
  const carried = shown.filter((t) => t.kind === 'raised' || t.kind === 'escalated' || t.kind === 'reopened').length;
  return {
    shown,
    updates: Math.max(0, e.advisoryCount - carried),
    escalations: shown.filter((t) => t.kind === 'escalated').length,
    alarms: shown.filter((t) => t.alarm).length,
  };
}

/** "Kick" etc.: the fault in the driller's words. */
export const faultText = (e: Pick<AlarmEvent, 'fault'>): string => FAULT_LABEL[e.fault];

/** Shelving lengths a supervisor may pick, within alarms.max_shelve_s (the Bridge takes 60 s to 12 h). */
export const SHELVE_CHOICES_S: readonly number[] = [15 * 60, 30 * 60, 3600, 2 * 3600, 4 * 3600, 8 * 3600];

export function shelveChoices(maxShelveS: number): number[] {
  const within = SHELVE_CHOICES_S.filter((s) => s <= maxShelveS);
  // a configured maximum below 15 min still leaves one choice: the maximum itself
  return within.length > 0 ? within : [Math.max(60, Math.floor(maxShelveS))];
}

export function shelveLabel(s: number): string {
  return s < 3600 ? `${Math.round(s / 60)} min` : `${Math.round((s / 3600) * 10) / 10} h`;
}

/** The data attributes an event carries wherever it is drawn (banner, stacked row): tests and styles read them. */
export function eventDataAttributes(e: AlarmEvent, alarm: string): Record<string, string | boolean> {
  return {
    'data-risk': e.riskLevel,
    'data-event-id': e.id,
    'data-fault': e.fault,
    'data-state': e.state,
    'data-alarm': alarm,
    'data-needs-ack': needsAcknowledgement(e),
    'data-shelved': e.shelved !== null,
  };
}
