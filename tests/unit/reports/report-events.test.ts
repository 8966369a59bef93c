import { describe, expect, it } from 'vitest';
import type { Acknowledgement, RiskLevel } from '../../../src-shared/advisory.js';
import type { ReportEvent } from '../../../src-shared/reports.js';
import { eventsFromAdvisories, faultRiskTable, groupedAlarmFigures } from '../../../src-main/reports/model/report-events.js';
import { makeAdvisory } from '../storage/fixtures.js';

const T0 = Date.UTC(2025, 0, 1, 6);
const MIN = 60_000;

function adv(minute: number, fault: 'kick' | 'loss' | 'pack-off', riskLevel: RiskLevel) {
  const category = fault === 'pack-off' ? 'Mechanical' : 'WellControl';
  return makeAdvisory({ timeMs: T0 + minute * MIN, fault, category, riskLevel });
}

function event(raisedMin: number, over: Partial<ReportEvent> = {}): ReportEvent {
  return {
    key: `E${raisedMin}`, fault: 'kick', category: 'WellControl', raisedMs: T0 + raisedMin * MIN, lastMs: T0 + raisedMin * MIN, clearedMs: null,
    riskLevel: 'High', escalationsMs: [], alarms: 1, advisoryIds: [], ackedCount: 0, firstAckMs: null, state: null, shelving: null, ...over,
  };
}

describe('events from advisories', () => {
  it('chains one fault within 5 min into one event, with escalations where the risk tops all before', () => {
    const list = [adv(0, 'kick', 'Elevated'), adv(1, 'kick', 'High'), adv(2, 'kick', 'Elevated'), adv(3, 'kick', 'Critical'), adv(4, 'pack-off', 'Low'), adv(20, 'kick', 'High')];
    const acks: Acknowledgement[] = [
      { id: 'ACK-1', advisoryId: list[1].id, timeMs: T0 + 5 * MIN, actor: 'Ola', action: 'Flow check', notes: '' },
      { id: 'ACK-2', advisoryId: list[3].id, timeMs: T0 + 4 * MIN, actor: 'Ola', action: 'Shut in', notes: '' },
    ];
    const events = eventsFromAdvisories(list, acks);
    expect(events.map((e) => [e.fault, e.advisoryIds.length, e.riskLevel])).toEqual([['kick', 4, 'Critical'], ['pack-off', 1, 'Low'], ['kick', 1, 'High']]);
    expect(events[0].escalationsMs).toEqual([T0 + MIN, T0 + 3 * MIN]);
    expect(events[0]).toMatchObject({ ackedCount: 2, firstAckMs: T0 + 4 * MIN, clearedMs: null, state: null, shelving: null, key: list[0].id });
    expect(events[2].ackedCount).toBe(0);

    const table = faultRiskTable(list, events);
    expect(table[0]).toMatchObject({ fault: 'kick', advisories: 5, events: 2, byRisk: { Low: 0, Elevated: 2, High: 2, Critical: 1 } });
    expect(table[1]).toMatchObject({ fault: 'pack-off', advisories: 1, events: 1 });
  });
});

describe('alarm-rate figures of advisory-derived events (EEMUA 191)', () => {
  it('counts new events and escalations as alarms; average per 10 min, sliding peak, busy windows', () => {
    const events = [event(0, { escalationsMs: [T0 + 2 * MIN, T0 + 4 * MIN] }), event(9), event(30), event(95)];
    const f = groupedAlarmFigures(events, T0, T0 + 120 * MIN);
    expect(f.alarms).toBe(6);
    expect(f.events).toBe(4);
    expect(f.alarmsPer10MinAvg).toBeCloseTo(0.5);
    // 0, 2, 4 and 9 min fall in one 10-minute window
    expect(f).toMatchObject({ peakAlarmsIn10Min: 4, peakWindowStartMs: T0 });
    expect(f.percentWindowsOverOne).toBeCloseTo((1 / 12) * 100);
    expect(f).toMatchObject({ standing: 0, shelved: null, chattering: null });
  });

  it('finds standing events; says shelving and chattering are not recorded', () => {
    const f = groupedAlarmFigures([event(0, { lastMs: T0 + (24 * 60 + 1) * MIN }), event(30)], T0, T0 + 2 * 24 * 60 * MIN);
    expect(f).toMatchObject({ standing: 1, shelved: null, chattering: null, source: 'grouped-advisories' });
  });

  it('has nothing to count in a quiet period', () => {
    const f = groupedAlarmFigures([], T0, T0 + 5 * MIN);
    expect(f).toMatchObject({ alarms: 0, alarmsPer10MinAvg: 0, peakAlarmsIn10Min: 0, peakWindowStartMs: null, percentWindowsOverOne: 0 });
  });
});
