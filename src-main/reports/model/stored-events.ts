// Stored alarm events (issue 12: one per fault, ISA-18.2 states) as the report shows them: the
// event, its alarms (raise, escalations, reopenings), its advisories and acknowledgements in the
// period, and the EEMUA 191 figures of its transitions (advisory/alarm-figures.ts, the same
// numbers the eval scorecard prints). Pure.
import type { Acknowledgement, Advisory } from '../../../src-shared/advisory.js';
import { needsAcknowledgement, type AlarmEvent, type EventTransition } from '../../../src-shared/events.js';
import type { AlarmRateFigures, ReportEvent } from '../../../src-shared/reports.js';
import { alarmFigures } from '../../advisory/alarm-figures.js';
import { windowFigures } from './report-events.js';

/** The transitions in audit entries of kind 'alarm-event' (the entry's `after`). */
export function transitionsOf(entries: readonly { kind: string; after: unknown }[]): EventTransition[] {
  return entries
    .filter((e) => e.kind === 'alarm-event' && typeof e.after === 'object' && e.after !== null && 'eventId' in e.after)
    .map((e) => e.after as EventTransition);
}

/** Events of the period from the store, oldest raise first. */
export function eventsFromStore(
  events: readonly AlarmEvent[],
  transitions: readonly EventTransition[],
  advisories: readonly Advisory[],
  acks: readonly Acknowledgement[],
): ReportEvent[] {
  const advisoryEvent = new Map(advisories.map((a) => [a.id, a.eventId ?? null]));
  return events
    .map((e): ReportEvent => {
      const own = transitions.filter((t) => t.eventId === e.id);
      const mine = acks.filter((k) => k.eventId === e.id || advisoryEvent.get(k.advisoryId) === e.id);
      const firstAck = mine.reduce<number | null>((m, k) => (m === null || k.timeMs < m ? k.timeMs : m), null);
      return {
        key: e.id,
        fault: e.fault,
        category: e.category,
        raisedMs: e.openedMs,
        lastMs: e.updatedMs,
        clearedMs: e.clearedMs,
        riskLevel: e.worstRiskLevel,
        escalationsMs: own.filter((t) => t.alarm && t.kind !== 'raised').map((t) => t.timeMs).sort((a, b) => a - b),
        alarms: own.filter((t) => t.alarm).length,
        advisoryIds: advisories.filter((a) => a.eventId === e.id).map((a) => a.id),
        ackedCount: mine.length,
        firstAckMs: firstAck ?? e.acknowledgedMs,
        state: e.state,
        shelving: e.shelved,
      };
    })
    .sort((x, y) => x.raisedMs - y.raisedMs || x.key.localeCompare(y.key));
}

/** Events a person must still act on, as the store had them when the report was written. */
export function unacknowledgedStored(events: readonly AlarmEvent[]): string[] {
  return events.filter(needsAcknowledgement).map((e) => e.id);
}

export function storedAlarmFigures(transitions: readonly EventTransition[], fromMs: number, toMs: number): AlarmRateFigures {
  const f = alarmFigures(transitions, fromMs, toMs);
  const sounds = transitions.filter((t) => t.alarm).map((t) => t.timeMs);
  return {
    source: 'alarm-events',
    events: f.events,
    alarms: f.alarms,
    ...windowFigures(sounds, fromMs, toMs),
    standing: f.standing,
    shelved: f.shelved,
    chattering: f.chattering,
  };
}
