// The event tracker: one fault, one event, one alarm, one acknowledgement until it escalates,
// clears (only when the detectors could judge and did not see it) or comes back.
import { describe, expect, it } from 'vitest';
import type { Advisory, FaultKind, RiskLevel } from '../../../src-shared/advisory.js';
import { FAULT_CATEGORY } from '../../../src-shared/advisory.js';
import type { EventTransition } from '../../../src-shared/events.js';
import { alarmFigures } from '../../../src-main/advisory/alarm-figures.js';
import { EventTracker, type EventSettings } from '../../../src-main/advisory/event-tracker.js';

const T0 = 1_700_000_000_000;
const S: EventSettings = { clearAfterS: 120, wellControlClearAfterS: 300, reopenWindowS: 600, maxShelveS: 3600 };
let n = 0;
const adv = (fault: FaultKind, riskLevel: RiskLevel, s: number): Advisory =>
  ({ id: `ADV-${(n++).toString(16).padStart(8, '0')}`, timeMs: T0 + s * 1000, fault, category: FAULT_CATEGORY[fault], riskLevel, depthFt: 9000 }) as Advisory;
const ALL: ReadonlySet<FaultKind> = new Set(Object.keys(FAULT_CATEGORY) as FaultKind[]);
const NONE: ReadonlySet<FaultKind> = new Set();

/** Observes one packet per second from `fromS` to `toS` with `present` faults. */
function run(t: EventTracker, fromS: number, toS: number, present: FaultKind[] = [], assessable = ALL): EventTransition[] {
  const out: EventTransition[] = [];
  for (let s = fromS; s <= toS; s++) out.push(...t.observe(T0 + s * 1000, new Set(present), assessable));
  return out;
}
const kinds = (ts: EventTransition[]) => ts.map((t) => t.kind);

describe('EventTracker', () => {
  it('one kick: one event, one alarm; repeated advisories update it quietly', () => {
    const t = new EventTracker(S);
    const first = t.advisory(adv('kick', 'Critical', 0));
    expect(kinds(first.transitions)).toEqual(['raised']);
    expect(first.transitions[0].alarm).toBe(true);
    for (let s = 40; s <= 400; s += 40) {
      const u = t.advisory(adv('kick', 'Critical', s));
      expect(u.event.id).toBe(first.event.id);
      expect(kinds(u.transitions)).toEqual(['updated']);
      expect(u.transitions[0].alarm).toBe(false);
    }
    const e = t.openEvents()[0];
    expect(e.advisoryCount).toBe(11);
    expect(e.alarmCount).toBe(1);
  });

  it('acknowledged at its risk: no new alarm; an escalation sounds and needs a new acknowledgement', () => {
    const t = new EventTracker(S);
    const { event } = t.advisory(adv('kick', 'High', 0));
    const ack = t.acknowledge(event.id, 'J. Smith', 'flow check', T0 + 10_000);
    expect(ack.ok && kinds(ack.transitions)).toEqual(['acknowledged']);
    expect(t.get(event.id)?.state).toBe('active-acknowledged');
    expect(t.advisory(adv('kick', 'High', 30)).transitions[0].alarm).toBe(false);
    expect(t.get(event.id)?.state).toBe('active-acknowledged');
    const up = t.advisory(adv('kick', 'Critical', 60));
    expect(kinds(up.transitions)).toEqual(['escalated']);
    expect(up.transitions[0].alarm).toBe(true);
    expect(t.get(event.id)?.state).toBe('active-unacknowledged');
    expect(t.acknowledge(event.id, 'J. Smith', 'shut in', T0 + 70_000).ok).toBe(true);
    // Back to High then Critical again: not above the worst, so not an escalation.
    t.advisory(adv('kick', 'High', 90));
    expect(t.advisory(adv('kick', 'Critical', 120)).transitions[0].kind).toBe('updated');
    const again = t.acknowledge(event.id, 'J. Smith', 'x', T0 + 130_000);
    expect(again.ok).toBe(false);
  });

  it('clears only after the condition is absent for the clear time while assessable', () => {
    const t = new EventTracker(S);
    const { event } = t.advisory(adv('pack-off', 'High', 0));
    run(t, 0, 60, ['pack-off']);
    // Off bottom (pack-off not judged) for 10 minutes: nothing clears.
    expect(run(t, 61, 661, [], NONE)).toEqual([]);
    expect(t.get(event.id)?.state).toBe('active-unacknowledged');
    const cleared = run(t, 662, 662 + 125);
    expect(kinds(cleared)).toEqual(['cleared']);
    expect(cleared[0].timeMs - (T0 + 661_000)).toBeGreaterThanOrEqual(120_000);
    expect(t.get(event.id)?.state).toBe('cleared-unacknowledged');
    // Acknowledging a cleared event returns it to normal.
    const ack = t.acknowledge(event.id, 'D', 'reamed', T0 + 800_000);
    expect(ack.ok && kinds(ack.transitions)).toEqual(['acknowledged', 'normal']);
    expect(t.openEvents()).toEqual([]);
  });

  it("says whether a fault's alarm stands: from the advisory until it clears, acknowledged or not", () => {
    const t = new EventTracker(S);
    expect(t.isActive('loss')).toBe(false);
    const { event } = t.advisory(adv('loss', 'High', 0));
    expect(t.isActive('loss')).toBe(true);
    expect(t.isActive('kick')).toBe(false);
    t.acknowledge(event.id, 'D', 'pumps slowed', T0 + 10_000);
    expect(t.isActive('loss')).toBe(true);
    run(t, 11, 11 + 310);
    expect(t.isActive('loss')).toBe(false);
  });

  it('a feed outage (no packets) never clears an event', () => {
    const t = new EventTracker(S);
    const { event } = t.advisory(adv('kick', 'Critical', 0));
    run(t, 0, 10, ['kick']);
    // 20 minutes later the feed returns with the kick still there.
    expect(run(t, 1210, 1215, ['kick'])).toEqual([]);
    expect(t.get(event.id)?.state).toBe('active-unacknowledged');
  });

  it('an acknowledged event that clears goes back to normal; the fault returning soon reopens it', () => {
    const t = new EventTracker(S);
    const { event } = t.advisory(adv('washout', 'Elevated', 0));
    t.acknowledge(event.id, 'D', 'checked pumps', T0 + 5000);
    expect(kinds(run(t, 1, 130))).toEqual(['cleared', 'normal']);
    const back = t.advisory(adv('washout', 'Elevated', 170));
    expect(back.event.id).toBe(event.id);
    expect(kinds(back.transitions)).toEqual(['reopened']);
    expect(back.transitions[0].alarm).toBe(true);
    expect(back.event.state).toBe('active-unacknowledged');
    expect(back.event.reopenCount).toBe(1);
  });

  it('after the reopen window the same fault is a new event', () => {
    const t = new EventTracker(S);
    const { event } = t.advisory(adv('washout', 'Elevated', 0));
    t.acknowledge(event.id, 'D', 'checked', T0 + 5000);
    run(t, 1, 130);
    run(t, 131, 131 + 601);
    const later = t.advisory(adv('washout', 'Elevated', 131 + 602));
    expect(later.event.id).not.toBe(event.id);
    expect(kinds(later.transitions)).toEqual(['raised']);
  });

  it('Low advice is an event without a sound; escalating to Elevated sounds once', () => {
    const t = new EventTracker(S);
    expect(t.advisory(adv('founder', 'Low', 0)).transitions[0].alarm).toBe(false);
    expect(t.advisory(adv('founder', 'Elevated', 60)).transitions[0]).toMatchObject({ kind: 'escalated', alarm: true });
  });

  it('shelving: bounded, reasoned, silent while shelved, never for critical well control', () => {
    const t = new EventTracker(S);
    const stick = t.advisory(adv('stick-slip', 'Elevated', 0)).event;
    expect(t.shelve(stick.id, 'Toolpusher', 'known vibration in this stringer', 7200, T0)).toMatchObject({ ok: false, code: 'refused' });
    const sh = t.shelve(stick.id, 'Toolpusher', 'known vibration in this stringer', 1800, T0 + 1000);
    expect(sh.ok && kinds(sh.transitions)).toEqual(['shelved']);
    expect(t.advisory(adv('stick-slip', 'High', 60)).transitions[0]).toMatchObject({ kind: 'escalated', alarm: false });
    expect(kinds(run(t, 1801, 1802, ['stick-slip']))).toEqual(['unshelved']);
    const kick = t.advisory(adv('kick', 'Critical', 0)).event;
    expect(t.shelve(kick.id, 'Toolpusher', 'nuisance', 600, T0)).toMatchObject({ ok: false, code: 'refused' });
    // A shelved well-control event that escalates to Critical is unshelved at once and sounds.
    const loss = t.advisory(adv('loss', 'High', 0)).event;
    expect(t.shelve(loss.id, 'Toolpusher', 'sensor being swapped', 600, T0).ok).toBe(true);
    const esc = t.advisory(adv('loss', 'Critical', 30));
    expect(kinds(esc.transitions)).toEqual(['unshelved', 'escalated']);
    expect(esc.transitions[1].alarm).toBe(true);
  });

  it('another rig: active events are cleared for the record and wait for acknowledgement', () => {
    const t = new EventTracker(S);
    const { event } = t.advisory(adv('kick', 'Critical', 0));
    expect(kinds(t.feedChanged(T0 + 5000, 'Rig IT'))).toEqual(['cleared']);
    expect(t.get(event.id)?.state).toBe('cleared-unacknowledged');
  });

  it('restores open events after a restart', () => {
    const t = new EventTracker(S);
    t.advisory(adv('kick', 'Critical', 0));
    const t2 = new EventTracker(S);
    t2.restore(t.openEvents());
    expect(kinds(t2.advisory(adv('kick', 'Critical', 30)).transitions)).toEqual(['updated']);
  });
});

describe('alarmFigures (EEMUA 191)', () => {
  it('counts sounds, the worst 10 minutes, chattering and standing events', () => {
    const t = new EventTracker({ ...S, clearAfterS: 10 });
    const all: EventTransition[] = [];
    all.push(...t.advisory(adv('washout', 'Elevated', 0)).transitions);
    all.push(...run(t, 0, 20));
    all.push(...t.advisory(adv('washout', 'Elevated', 40)).transitions); // back 29 s after clearing: chattering
    all.push(...t.advisory(adv('stick-slip', 'High', 100)).transitions);
    all.push(...t.advisory(adv('founder', 'Low', 120)).transitions);
    const f = alarmFigures(all, T0, T0 + 3_600_000);
    expect(f.alarms).toBe(3);
    expect(f.events).toBe(3);
    expect(f.peakAlarmsIn10Min).toBe(3);
    expect(f.chattering).toBe(1);
    expect(f.alarmsPer10Min).toBeCloseTo(0.5, 6);
    const standing = alarmFigures([{ ...all[0], timeMs: T0 }], T0, T0 + 25 * 3_600_000);
    expect(standing.standing).toBe(1);
  });
});
