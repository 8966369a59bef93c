// When the alarm sounds, per alarm event (issue 12). Pure so the rules are testable:
// - an event's alarm is armed by a transition the engine marks `alarm: true` (a new event, an
//   escalation above its worst risk, a reopening), never by an update of the same event;
// - it is disarmed once the event no longer asks for it: acknowledged, cleared, back to normal
//   or shelved (a cleared event never keeps the alarm armed);
// - Silence mutes what is armed now; a later alarm (another event, or an escalation) sounds again;
// - a screen that (re)connects arms the events that are active, unacknowledged and have sounded.
import { RISK_RANK } from '../../src-shared/advisory.js';
import type { AlarmEvent, EventTransition } from '../../src-shared/events.js';

export interface AlarmState {
  /** Events whose alarm is armed, oldest alarm first. */
  armed: readonly string[];
  /** Armed events the operator silenced on this screen. */
  silenced: readonly string[];
}

export type EventAlarm = 'sounding' | 'silenced' | 'quiet';

export const INITIAL_ALARM: AlarmState = { armed: [], silenced: [] };

/** Whether the engine's event still calls for the alarm (ISA-18.2: active and unacknowledged). */
export function demandsAlarm(e: AlarmEvent): boolean {
  return e.state === 'active-unacknowledged' && e.shelved === null && e.alarmCount > 0 && RISK_RANK[e.riskLevel] >= RISK_RANK.Elevated;
}

const without = (list: readonly string[], id: string): readonly string[] => (list.includes(id) ? list.filter((x) => x !== id) : list);

function disarm(state: AlarmState, id: string): AlarmState {
  const armed = without(state.armed, id);
  const silenced = without(state.silenced, id);
  return armed === state.armed && silenced === state.silenced ? state : { armed, silenced };
}

/** One pushed state change of an event, with the event as it stands after it. */
export function onTransition(state: AlarmState, event: AlarmEvent, t: EventTransition): AlarmState {
  if (t.alarm && !event.shelved) {
    // a new alarm sounds even where an earlier one of the same event was silenced
    return { armed: [...without(state.armed, event.id), event.id], silenced: without(state.silenced, event.id) };
  }
  if (event.state !== 'active-unacknowledged' || event.shelved) return disarm(state, event.id);
  return state; // an update at the same risk: nothing new to announce
}

/** The events as fetched on (re)connect: arm what still demands it, drop what no longer does. */
export function fromEvents(state: AlarmState, events: readonly AlarmEvent[]): AlarmState {
  const demanding = new Set(events.filter(demandsAlarm).map((e) => e.id));
  const armed = [...state.armed.filter((id) => demanding.has(id)), ...[...demanding].filter((id) => !state.armed.includes(id))];
  const silenced = state.silenced.filter((id) => demanding.has(id));
  const same = armed.length === state.armed.length && armed.every((id, i) => id === state.armed[i]) && silenced.length === state.silenced.length;
  return same ? state : { armed, silenced };
}

export function silence(state: AlarmState): AlarmState {
  return state.armed.every((id) => state.silenced.includes(id)) ? state : { armed: state.armed, silenced: [...state.armed] };
}

export function shouldSound(state: AlarmState): boolean {
  return state.armed.some((id) => !state.silenced.includes(id));
}

export function alarmOf(state: AlarmState, eventId: string): EventAlarm {
  if (!state.armed.includes(eventId)) return 'quiet';
  return state.silenced.includes(eventId) ? 'silenced' : 'sounding';
}
