// Alarm events on this screen (issue 12) and the alarm they arm. Filled on (re)connect from
// getEvents, then kept current by the engine's alarmEvent pushes, which arrive in order: the
// alarm follows the transitions (`alarm: true`), never the advisories.
import { create } from 'zustand';
import type { AlarmEvent, EventTransition } from '../../src-shared/events.js';
import { INITIAL_ALARM, fromEvents, onTransition, silence, type AlarmState } from '../lib/alarm-logic.js';

/** Events kept for the lists (open ones are always kept). */
const MAX_EVENTS = 200;

export interface EventsState {
  /** Newest raised first. */
  events: AlarmEvent[];
  alarm: AlarmState;
  /** Times an alarm was armed on this screen, per event (what the e2e test and the list read). */
  armedCount: Readonly<Record<string, number>>;
  apply(p: { event: AlarmEvent; transition: EventTransition }): void;
  /** The events as fetched: replaces what was known and arms what still demands it. */
  setEvents(list: readonly AlarmEvent[]): void;
  silence(): void;
}

function trim(list: AlarmEvent[]): AlarmEvent[] {
  list.sort((a, b) => b.openedMs - a.openedMs || b.id.localeCompare(a.id));
  if (list.length <= MAX_EVENTS) return list;
  const open = list.filter((e) => e.state !== 'normal');
  const closed = list.filter((e) => e.state === 'normal').slice(0, Math.max(0, MAX_EVENTS - open.length));
  return [...open, ...closed].sort((a, b) => b.openedMs - a.openedMs || b.id.localeCompare(a.id));
}

const bump = (counts: Readonly<Record<string, number>>, ids: readonly string[]): Readonly<Record<string, number>> => {
  if (ids.length === 0) return counts;
  const next = { ...counts };
  for (const id of ids) next[id] = (next[id] ?? 0) + 1;
  return next;
};

export const useEvents = create<EventsState>()((set, get) => ({
  events: [],
  alarm: INITIAL_ALARM,
  armedCount: {},

  apply: ({ event, transition }) => {
    const s = get();
    const i = s.events.findIndex((e) => e.id === event.id);
    const events = i >= 0 ? s.events.map((e, j) => (j === i ? event : e)) : trim([event, ...s.events]);
    const alarm = onTransition(s.alarm, event, transition);
    const armed = alarm.armed.includes(event.id) && transition.alarm ? [event.id] : [];
    set({ events, alarm, armedCount: bump(s.armedCount, armed) });
  },
  setEvents: (list) => {
    const s = get();
    const alarm = fromEvents(s.alarm, list);
    const fresh = alarm.armed.filter((id) => !s.alarm.armed.includes(id));
    set({ events: trim([...list]), alarm, armedCount: bump(s.armedCount, fresh) });
  },
  silence: () => set({ alarm: silence(get().alarm) }),
}));
