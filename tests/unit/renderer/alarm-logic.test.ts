// The alarm follows alarm EVENTS (issue 12): it sounds for a transition the engine marks as an
// alarm (new event, escalation, reopening), never for an update of the same event, and stops
// when the event is acknowledged, cleared or shelved; Silence mutes what sounds now.
import { describe, expect, it } from 'vitest';
import { INITIAL_ALARM, alarmOf, demandsAlarm, fromEvents, onTransition, shouldSound, silence, type AlarmState } from '../../../src-renderer/lib/alarm-logic.js';
import { ev, tr } from './event-fixtures.js';

const raise = (s: AlarmState, id: string) => {
  const e = ev(id);
  return onTransition(s, e, tr(e, 'raised', true));
};

describe('alarm from event transitions', () => {
  it('a new event sounds; an update of the same event at the same risk does not re-arm it once acknowledged', () => {
    let s = raise(INITIAL_ALARM, 'EVT-1');
    expect(shouldSound(s)).toBe(true);
    expect(alarmOf(s, 'EVT-1')).toBe('sounding');
    const acked = ev('EVT-1', { state: 'active-acknowledged', acknowledgedBy: 'J. Smith' });
    s = onTransition(s, acked, tr(acked, 'acknowledged', false));
    expect(shouldSound(s)).toBe(false);
    for (let i = 0; i < 20; i++) s = onTransition(s, { ...acked, advisoryCount: 2 + i }, tr(acked, 'updated', false));
    expect(shouldSound(s)).toBe(false);
    expect(alarmOf(s, 'EVT-1')).toBe('quiet');
  });

  it('an escalation after the acknowledgement sounds again', () => {
    let s = raise(INITIAL_ALARM, 'EVT-1');
    const acked = ev('EVT-1', { state: 'active-acknowledged', riskLevel: 'High', worstRiskLevel: 'High' });
    s = onTransition(s, acked, tr(acked, 'acknowledged', false));
    const up = ev('EVT-1', { state: 'active-unacknowledged', riskLevel: 'Critical', alarmCount: 2 });
    s = onTransition(s, up, tr(up, 'escalated', true));
    expect(alarmOf(s, 'EVT-1')).toBe('sounding');
  });

  it('an update of an unacknowledged event neither re-arms a silenced alarm nor stops a sounding one', () => {
    let s = silence(raise(INITIAL_ALARM, 'EVT-1'));
    const e = ev('EVT-1', { advisoryCount: 5 });
    s = onTransition(s, e, tr(e, 'updated', false));
    expect(alarmOf(s, 'EVT-1')).toBe('silenced');
    let t = raise(INITIAL_ALARM, 'EVT-2');
    const e2 = ev('EVT-2', { advisoryCount: 3 });
    t = onTransition(t, e2, tr(e2, 'updated', false));
    expect(alarmOf(t, 'EVT-2')).toBe('sounding');
  });

  it('a cleared event never keeps the alarm armed; a reopening sounds again', () => {
    let s = raise(INITIAL_ALARM, 'EVT-1');
    const cleared = ev('EVT-1', { state: 'cleared-unacknowledged', clearedMs: 1 });
    s = onTransition(s, cleared, tr(cleared, 'cleared', false));
    expect(shouldSound(s)).toBe(false);
    expect(s.armed).toEqual([]);
    const back = ev('EVT-1', { reopenCount: 1, alarmCount: 2 });
    s = onTransition(s, back, tr(back, 'reopened', true));
    expect(shouldSound(s)).toBe(true);
  });

  it('shelving stops the alarm; an alarm transition of a shelved event does not sound', () => {
    const shelf = { byActor: 'Toolpusher', reason: 'sensor fault', fromMs: 0, untilMs: 1 };
    let s = raise(INITIAL_ALARM, 'EVT-1');
    const shelved = ev('EVT-1', { shelved: shelf });
    s = onTransition(s, shelved, tr(shelved, 'shelved', false));
    expect(shouldSound(s)).toBe(false);
    s = onTransition(s, shelved, tr(shelved, 'escalated', true));
    expect(shouldSound(s)).toBe(false);
  });

  it('Silence mutes everything armed now; the next new event sounds through it', () => {
    let s = raise(raise(INITIAL_ALARM, 'EVT-1'), 'EVT-2');
    s = silence(s);
    expect(shouldSound(s)).toBe(false);
    expect(alarmOf(s, 'EVT-1')).toBe('silenced');
    s = raise(s, 'EVT-3');
    expect(shouldSound(s)).toBe(true);
    expect(alarmOf(s, 'EVT-2')).toBe('silenced');
    expect(silence(INITIAL_ALARM)).toBe(INITIAL_ALARM);
  });

  it('a screen that connects arms active, unacknowledged events that have sounded, and keeps its silence', () => {
    const list = [
      ev('EVT-A'),
      ev('EVT-B', { state: 'active-acknowledged' }),
      ev('EVT-C', { state: 'cleared-unacknowledged' }),
      ev('EVT-D', { riskLevel: 'Low', worstRiskLevel: 'Low', alarmCount: 0 }),
    ];
    expect(list.map(demandsAlarm)).toEqual([true, false, false, false]);
    let s = fromEvents(INITIAL_ALARM, list);
    expect(s.armed).toEqual(['EVT-A']);
    s = silence(s);
    expect(fromEvents(s, list)).toBe(s); // a reconnect does not re-sound what was silenced
    expect(fromEvents(s, [ev('EVT-A', { state: 'active-acknowledged' })])).toEqual(INITIAL_ALARM);
  });
});
