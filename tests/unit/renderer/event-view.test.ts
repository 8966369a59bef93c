// How the screens show alarm events: the banner's order, state and age in words on the feed's
// clock, shelving, the timeline; the event store keeps the alarm to the engine's transitions.
import { describe, expect, it } from 'vitest';
import type { Advisory } from '../../../src-shared/advisory.js';
import { INITIAL_FEED_CLOCK } from '../../../src-renderer/lib/feed.js';
import {
  bannerEvents, durationText, feedNowMs, latestAdvisoryOf, shelveChoices, shelveLabel, shelvedText, sinceText, stateText, summariseTimeline,
  transitionText, worstActiveRisk,
} from '../../../src-renderer/lib/event-view.js';
import { eventMarkers } from '../../../src-renderer/lib/markers.js';
import { useEvents } from '../../../src-renderer/store/event-store.js';
import { T0, ev, tr } from './event-fixtures.js';

const min = 60_000;

describe('the banner stack', () => {
  it('active events first by risk, then cleared ones waiting, then shelved ones; normal ones are gone', () => {
    const list = [
      ev('EVT-cleared-crit', { state: 'cleared-unacknowledged', clearedMs: T0 }),
      ev('EVT-high', { riskLevel: 'High', worstRiskLevel: 'High', fault: 'pack-off', category: 'Mechanical' }),
      ev('EVT-normal', { state: 'normal' }),
      ev('EVT-shelved', { riskLevel: 'Critical', fault: 'stick-slip', category: 'Mechanical', shelved: { byActor: 'TP', reason: 'sensor', fromMs: T0, untilMs: T0 + 30 * min } }),
      ev('EVT-crit-acked', { state: 'active-acknowledged' }),
      ev('EVT-elevated', { riskLevel: 'Elevated', worstRiskLevel: 'High' }),
      ev('EVT-crit-older-unacked', { openedMs: T0 - 10 * min }),
    ];
    expect(bannerEvents(list).map((e) => e.id)).toEqual(['EVT-crit-older-unacked', 'EVT-crit-acked', 'EVT-high', 'EVT-elevated', 'EVT-cleared-crit', 'EVT-shelved']);
    expect(worstActiveRisk(list)).toBe('Critical');
    expect(worstActiveRisk([list[0]])).toBeNull(); // a cleared event no longer colours the top bar
  });

  it('state and "since 14:02 · 3 min" while active; the cleared span and its age once cleared', () => {
    expect(stateText(ev('a'))).toBe('ACTIVE');
    expect(stateText(ev('a', { state: 'active-acknowledged' }))).toBe('ACTIVE · ACKNOWLEDGED');
    expect(stateText(ev('a', { state: 'cleared-unacknowledged' }))).toBe('CLEARED');
    const clock = (ms: number) => new Date(ms).toTimeString().slice(0, 5); // the machine's local time, as the screen shows it
    expect(sinceText(ev('a'), T0 + 3 * min + 20_000, '24h')).toBe(`since ${clock(T0)} · 3 min`);
    const cleared = ev('a', { state: 'cleared-unacknowledged', clearedMs: T0 + 18 * min });
    expect(sinceText(cleared, T0 + 22 * min, '24h')).toBe(`${clock(T0)} – ${clock(T0 + 18 * min)} · cleared 4 min ago`);
    expect(sinceText(cleared, T0, '24h')).toBe(`${clock(T0)} – ${clock(T0 + 18 * min)} · cleared`); // another feed's clock: no age
    expect(durationText(45_000)).toBe('45 s');
    expect(durationText(125 * min)).toBe('2 h 05 min');
    expect(durationText(-5)).toBe('0 s');
  });

  it('a shelved event says who, why and until when', () => {
    const e = ev('a', { shelved: { byActor: 'Toolpusher', reason: 'flow-out paddle stuck', fromMs: T0, untilMs: T0 + 60 * min } });
    expect(shelvedText(e, '24h')).toMatch(/^Shelved by Toolpusher until \d{2}:\d{2}: flow-out paddle stuck$/);
    expect(shelvedText(ev('b'), '24h')).toBeNull();
  });

  it('the latest numbers come from the event latest advisory, else its newest one on screen', () => {
    const adv = (id: string, timeMs: number, eventId: string) => ({ id, timeMs, eventId }) as Advisory;
    const list = [adv('ADV-3', T0 + 80_000, 'EVT-1'), adv('ADV-2', T0 + 40_000, 'EVT-1'), adv('ADV-9', T0, 'EVT-9')];
    expect(latestAdvisoryOf(ev('EVT-1', { latestAdvisoryId: 'ADV-2' }), list)?.id).toBe('ADV-2');
    expect(latestAdvisoryOf(ev('EVT-1', { latestAdvisoryId: 'ADV-4' }), list)?.id).toBe('ADV-3');
    expect(latestAdvisoryOf(ev('EVT-5'), list)).toBeNull();
  });
});

describe('now on the feed clock', () => {
  it('the newest packet time, ticking with the screen between packets, standing still once the feed is stale', () => {
    expect(feedNowMs(INITIAL_FEED_CLOCK, 123)).toBe(123); // no feed yet: the screen's clock
    const c = { lastPacketMs: T0, lastDataAtMs: 5_000_000, intervalMs: 1000 };
    expect(feedNowMs(c, 5_000_000)).toBe(T0);
    expect(feedNowMs(c, 5_001_500)).toBe(T0 + 1500);
    expect(feedNowMs(c, 5_600_000)).toBe(T0 + 3000); // stale after 3 s: a replay's time does not run on
  });
});

describe('the timeline in words', () => {
  it('counts the updates (advisories that raised, escalated or reopened nothing) and lists the rest, oldest first, with who and the alarms', () => {
    const e = ev('EVT-1', { advisoryCount: 6 });
    const list = [
      tr(e, 'updated', false, { timeMs: T0 + 40_000 }), // live pushes carry updates; the record does not
      tr(e, 'acknowledged', false, { timeMs: T0 + 60_000, actor: 'J. Smith', note: 'Flow check performed' }),
      tr(e, 'raised', true, { timeMs: T0, riskLevel: 'High' }),
      tr(e, 'escalated', true, { timeMs: T0 + 300_000, note: 'risk rose to Critical' }),
      tr(e, 'cleared', false, { timeMs: T0 + 600_000, note: 'condition absent for 300 s' }),
    ];
    const s = summariseTimeline(e, list);
    expect(s.updates).toBe(4);
    expect(s.escalations).toBe(1);
    expect(s.alarms).toBe(2);
    expect(s.shown.map(transitionText)).toEqual([
      'Raised HIGH (alarm)',
      'Acknowledged by J. Smith: Flow check performed',
      'Escalated CRITICAL: risk rose to Critical (alarm)',
      'Cleared: condition absent for 300 s',
    ]);
  });

  it('shelving lengths stay within alarms.max_shelve_s', () => {
    expect(shelveChoices(28_800).map(shelveLabel)).toEqual(['15 min', '30 min', '1 h', '2 h', '4 h', '8 h']);
    expect(shelveChoices(3600).map(shelveLabel)).toEqual(['15 min', '30 min', '1 h']);
    expect(shelveChoices(600)).toEqual([600]);
  });
});

describe('event markers on the trends', () => {
  it('one per event at its raise, coloured by worst risk; older advisories without an event folded per fault', () => {
    const old = [
      { id: 'A1', timeMs: T0 - 100 * min, fault: 'kick', category: 'WellControl', riskLevel: 'High', severity: 'HIGH' },
      { id: 'A2', timeMs: T0 - 99 * min, fault: 'kick', category: 'WellControl', riskLevel: 'Critical', severity: 'CRITICAL' },
    ] as Advisory[];
    const withEvent = { ...old[0], id: 'A3', timeMs: T0, eventId: 'EVT-1' } as Advisory;
    const m = eventMarkers([ev('EVT-1', { worstRiskLevel: 'High' })], [...old, withEvent]);
    expect(m).toEqual([{ timeMs: T0, level: 'warn' }, { timeMs: T0 - 100 * min, level: 'crit' }]);
  });
});

describe('the event store', () => {
  it('follows the pushed transitions: one alarm for a new event, none for its updates, none after the acknowledgement', () => {
    useEvents.setState({ events: [], alarm: { armed: [], silenced: [] }, armedCount: {} });
    const store = useEvents.getState;
    const e = ev('EVT-1');
    store().apply({ event: e, transition: tr(e, 'raised', true) });
    for (let i = 2; i < 6; i++) {
      const u = ev('EVT-1', { advisoryCount: i });
      store().apply({ event: u, transition: tr(u, 'updated', false) });
    }
    const acked = ev('EVT-1', { state: 'active-acknowledged', advisoryCount: 5 });
    store().apply({ event: acked, transition: tr(acked, 'acknowledged', false) });
    const later = ev('EVT-1', { state: 'active-acknowledged', advisoryCount: 9 });
    store().apply({ event: later, transition: tr(later, 'updated', false) });
    expect(store().armedCount).toEqual({ 'EVT-1': 1 });
    expect(store().alarm.armed).toEqual([]);
    expect(store().events).toHaveLength(1);
    expect(store().events[0].advisoryCount).toBe(9);
    // a reconnect with a fresh list replaces it and arms what still demands it
    store().setEvents([ev('EVT-2', { openedMs: T0 + min })]);
    expect(store().events.map((x) => x.id)).toEqual(['EVT-2']);
    expect(store().armedCount).toEqual({ 'EVT-1': 1, 'EVT-2': 1 });
  });
});
