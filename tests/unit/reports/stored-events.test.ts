// Stored alarm events in a report: one row per event with its alarms, advisories and
// acknowledgements; figures from the transitions; the model uses them when every advisory of
// the period belongs to an event, and falls back to grouping for older records.
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../src-shared/advisory.js';
import type { AlarmEvent, EventTransition } from '../../../src-shared/events.js';
import { buildReportModel } from '../../../src-main/reports/model/report-model.js';
import { eventsFromStore, storedAlarmFigures, transitionsOf } from '../../../src-main/reports/model/stored-events.js';
import { makeAdvisory } from '../storage/fixtures.js';
import { HOUR, T0, context, records } from './model-fixture.js';

const MIN = 60_000;

function evt(id: string, over: Partial<AlarmEvent> = {}): AlarmEvent {
  return {
    id, fault: 'kick', category: 'WellControl', state: 'active-unacknowledged', riskLevel: 'High', worstRiskLevel: 'Critical',
    acknowledgedRiskLevel: null, openedMs: T0 + HOUR, updatedMs: T0 + HOUR + 10 * MIN, clearedMs: null, lastSeenMs: T0 + HOUR + 10 * MIN,
    acknowledgedMs: null, acknowledgedBy: null, advisoryCount: 2, latestAdvisoryId: 'ADV-b', firstAdvisoryId: 'ADV-a', alarmCount: 2,
    reopenCount: 0, shelved: null, depthFt: 10_100, ...over,
  };
}

function tr(eventId: string, kind: EventTransition['kind'], minute: number, alarm: boolean, fault: EventTransition['fault'] = 'kick'): EventTransition {
  return { eventId, kind, timeMs: T0 + minute * MIN, fault, category: 'WellControl', state: 'active-unacknowledged', riskLevel: 'High', alarm, actor: 'system', advisoryId: null, note: '' };
}

const audit = (t: EventTransition, seq: number): AuditEntry => ({ seq, timeMs: t.timeMs, actor: 'system', kind: 'alarm-event', summary: t.kind, before: null, after: t, subject: t.eventId } as AuditEntry);

describe('stored alarm events in a report', () => {
  const transitions = [tr('EVT-1', 'raised', 60, true), tr('EVT-1', 'updated', 62, false), tr('EVT-1', 'escalated', 65, true), tr('EVT-1', 'acknowledged', 66, false),
    tr('EVT-1', 'cleared', 80, false), tr('EVT-1', 'reopened', 80.5, true), tr('EVT-2', 'raised', 200, true, 'loss'), tr('EVT-2', 'shelved', 201, false, 'loss')];

  it('reads transitions from the audit log and counts alarms, chattering and shelving', () => {
    const entries = [...transitions.map(audit), { seq: 99, timeMs: T0, actor: 'Kari', kind: 'config-change', summary: 'x', before: null, after: null } as AuditEntry];
    expect(transitionsOf(entries)).toEqual(transitions);
    const f = storedAlarmFigures(transitions, T0, T0 + 6 * HOUR);
    expect(f).toMatchObject({ source: 'alarm-events', events: 2, alarms: 4, peakAlarmsIn10Min: 2, peakWindowStartMs: T0 + 60 * MIN, chattering: 1, shelved: 1, standing: 0 });
    expect(f.alarmsPer10MinAvg).toBeCloseTo(4 / 36);
  });

  it('makes one row per event with its alarms, advisories and acknowledgements', () => {
    const a = makeAdvisory({ timeMs: T0 + 60 * MIN, eventId: 'EVT-1' });
    const b = makeAdvisory({ timeMs: T0 + 65 * MIN, eventId: 'EVT-1' });
    const ack = { id: 'ACK-1', advisoryId: b.id, eventId: 'EVT-1', timeMs: T0 + 66 * MIN, actor: 'Ola', action: 'Shut in', notes: '' };
    const shelving = { byActor: 'Toolpusher', reason: 'sensor fault', fromMs: T0 + 201 * MIN, untilMs: T0 + 260 * MIN };
    const rows = eventsFromStore([evt('EVT-2', { fault: 'loss', openedMs: T0 + 200 * MIN, shelved: shelving }), evt('EVT-1')], transitions, [a, b], [ack]);
    expect(rows.map((e) => e.key)).toEqual(['EVT-1', 'EVT-2']);
    expect(rows[0]).toMatchObject({ advisoryIds: [a.id, b.id], ackedCount: 1, firstAckMs: T0 + 66 * MIN, escalationsMs: [T0 + 65 * MIN, T0 + 80.5 * MIN], alarms: 3, riskLevel: 'Critical', state: 'active-unacknowledged' });
    expect(rows[1]).toMatchObject({ shelving, advisoryIds: [], ackedCount: 0 });
  });

  it('the model uses stored events when every advisory has one, grouping otherwise', () => {
    const r = records();
    const grouped = buildReportModel(r, context());
    expect(grouped.alarmRate.source).toBe('grouped-advisories');
    r.advisories = r.advisories.map((a, i) => ({ ...a, eventId: i < 2 ? 'EVT-1' : 'EVT-2' }));
    r.alarmEvents = [evt('EVT-1', { state: 'normal' }), evt('EVT-2', { fault: 'pack-off', category: 'Mechanical', openedMs: T0 + 3 * HOUR, state: 'cleared-unacknowledged' })];
    r.audit = [...r.audit, ...transitions.slice(0, 3).map((t, i) => audit(t, 10 + i))];
    const m = buildReportModel(r, context());
    expect(m.alarmRate.source).toBe('alarm-events');
    expect(m.events.map((e) => e.key)).toEqual(['EVT-1', 'EVT-2']);
    expect(m.advisories.map((a) => a.eventKey)).toEqual(['EVT-1', 'EVT-1', 'EVT-2']);
    expect(m.unacknowledgedEventKeys).toEqual(['EVT-2']);
    expect(m.changes.map((c) => c.kind)).toEqual(['config-change']); // transitions are not "changes"
    expect(m.notes[0]).toMatch(/stored alarm events/);
  });
});
