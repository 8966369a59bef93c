// Alarm events and transitions for the renderer's unit tests, shaped as the engine sends them.
import type { AlarmEvent, EventTransition } from '../../../src-shared/events.js';

export const T0 = Date.UTC(2025, 0, 1, 14, 2, 0);

export function ev(id: string, over: Partial<AlarmEvent> = {}): AlarmEvent {
  return {
    id,
    fault: 'kick',
    category: 'WellControl',
    state: 'active-unacknowledged',
    riskLevel: 'Critical',
    worstRiskLevel: 'Critical',
    acknowledgedRiskLevel: null,
    openedMs: T0,
    updatedMs: T0,
    clearedMs: null,
    lastSeenMs: T0,
    acknowledgedMs: null,
    acknowledgedBy: null,
    advisoryCount: 1,
    latestAdvisoryId: `ADV-${id}`,
    firstAdvisoryId: `ADV-${id}`,
    alarmCount: 1,
    reopenCount: 0,
    shelved: null,
    depthFt: 10_012,
    ...over,
  };
}

export function tr(e: AlarmEvent, kind: EventTransition['kind'], alarm: boolean, over: Partial<EventTransition> = {}): EventTransition {
  return { eventId: e.id, kind, timeMs: e.updatedMs, fault: e.fault, category: e.category, state: e.state, riskLevel: e.riskLevel, alarm, actor: 'system', advisoryId: null, note: '', ...over };
}
