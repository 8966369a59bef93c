// MemoryStore's alarm events by id, replaced on each state change (the transitions themselves
// are audit entries); listed newest update first.
import type { AlarmEvent } from '../../src-shared/events.js';
import { CopiesById } from './memory-copies.js';
import type { EventQuery } from './persistence.js';
import { clampLimit } from './query-filters.js';

export class MemoryEvents extends CopiesById<AlarmEvent> {
  list(q: EventQuery): AlarmEvent[] {
    const state = q.state ?? 'open';
    return [...this.values()]
      .filter((e) => (state === 'any' ? true : state === 'open' ? e.state !== 'normal' : e.state === state))
      .filter((e) => (q.fault === undefined || e.fault === q.fault) && (q.sinceMs === undefined || e.updatedMs >= q.sinceMs) && (q.untilMs === undefined || e.openedMs <= q.untilMs))
      .sort((a, b) => b.updatedMs - a.updatedMs || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
      .slice(0, clampLimit(q.limit))
      .map((e) => structuredClone(e));
  }
}
