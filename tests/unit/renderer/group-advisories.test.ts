import { describe, expect, it } from 'vitest';
import type { Advisory } from '../../../src-shared/advisory.js';
import { ackSummary, eventOf, EVENT_GAP_MS, groupAdvisories } from '../../../src-renderer/lib/group-advisories.js';

const T0 = Date.UTC(2025, 0, 1, 11, 0, 0);
const s = (n: number): number => T0 + n * 1000;

// only the fields the grouping reads; the rest of an Advisory does not matter here
function adv(id: string, timeMs: number, over: Partial<Advisory> = {}): Advisory {
  return { id, timeMs, fault: 'kick', category: 'WellControl', riskLevel: 'Critical', severity: 'CRITICAL', ...over } as Advisory;
}

describe('groupAdvisories', () => {
  it('returns nothing for no advisories', () => {
    expect(groupAdvisories([])).toEqual([]);
  });

  it('folds a kick that re-raises every 40 s into one event with count, span and newest member', () => {
    const list = Array.from({ length: 25 }, (_, i) => adv(`ADV-${String(i).padStart(2, '0')}`, s(i * 40)));
    const events = groupAdvisories(list.slice().reverse()); // store order: newest first
    expect(events).toHaveLength(1);
    const [e] = events;
    expect(e!.count).toBe(25);
    expect(e!.firstMs).toBe(s(0));
    expect(e!.lastMs).toBe(s(24 * 40));
    expect(e!.latest.id).toBe('ADV-24');
    expect(e!.key).toBe('ADV-00'); // stable while the event grows
    expect(e!.members.map((a) => a.id)).toEqual(list.map((a) => a.id).reverse()); // newest first
  });

  it('keeps the key stable when a new member arrives', () => {
    const a = [adv('ADV-a', s(0)), adv('ADV-b', s(40))];
    const before = groupAdvisories(a)[0]!.key;
    const after = groupAdvisories([...a, adv('ADV-c', s(80))])[0]!;
    expect(after.key).toBe(before);
    expect(after.latest.id).toBe('ADV-c');
  });

  it('starts a new event after a gap longer than 5 minutes, and not at exactly 5 minutes', () => {
    const gapOk = [adv('A', s(0)), adv('B', s(0) + EVENT_GAP_MS)];
    expect(groupAdvisories(gapOk)).toHaveLength(1);
    const gapBig = [adv('A', s(0)), adv('B', s(0) + EVENT_GAP_MS + 1)];
    const events = groupAdvisories(gapBig);
    expect(events.map((e) => e.key)).toEqual(['B', 'A']); // newest event first
  });

  it('measures the gap from the previous member, not from the first', () => {
    const list = Array.from({ length: 12 }, (_, i) => adv(`A${i}`, s(i * 240))); // 4 min apart, 44 min long
    expect(groupAdvisories(list)).toHaveLength(1);
  });

  it('separates different faults and different categories', () => {
    const list = [
      adv('K1', s(0)),
      adv('L1', s(10), { fault: 'loss' as Advisory['fault'] }),
      adv('K2', s(40)),
      adv('X1', s(50), { category: 'Hydraulics' as Advisory['category'] }),
    ];
    const events = groupAdvisories(list);
    expect(events).toHaveLength(3);
    expect(events.map((e) => [e.key, e.count])).toEqual([['X1', 1], ['K1', 2], ['L1', 1]]);
  });

  it('does not let an interleaved other-fault advisory split an event', () => {
    const list = [adv('K1', s(0)), adv('W1', s(20), { fault: 'washout' as Advisory['fault'] }), adv('K2', s(40)), adv('K3', s(80))];
    const kick = groupAdvisories(list).find((e) => e.fault === 'kick')!;
    expect(kick.count).toBe(3);
  });

  it('shows the worst member’s risk and severity, even when the newest is milder', () => {
    const list = [
      adv('A', s(0), { riskLevel: 'High', severity: 'HIGH' }),
      adv('B', s(40), { riskLevel: 'Critical', severity: 'CRITICAL' }),
      adv('C', s(80), { riskLevel: 'Elevated', severity: 'MEDIUM' }),
    ];
    const [e] = groupAdvisories(list);
    expect(e!.riskLevel).toBe('Critical');
    expect(e!.severity).toBe('CRITICAL');
    expect(e!.worst.id).toBe('B');
    expect(e!.latest.id).toBe('C');
  });

  it('counts acknowledged members and whether the newest is acknowledged', () => {
    const list = [adv('A', s(0)), adv('B', s(40)), adv('C', s(80))];
    const e1 = groupAdvisories(list, new Set(['A']))[0]!;
    expect(e1.ackedCount).toBe(1);
    expect(e1.latestAcked).toBe(false);
    const e2 = groupAdvisories(list, new Set(['C', 'unrelated']))[0]!;
    expect(e2.ackedCount).toBe(1);
    expect(e2.latestAcked).toBe(true);
  });

  it('does not mutate its input', () => {
    const list = [adv('B', s(40)), adv('A', s(0))];
    const copy = list.slice();
    groupAdvisories(list);
    expect(list).toEqual(copy);
  });
});

describe('ackSummary', () => {
  it('words the acknowledgement state', () => {
    expect(ackSummary({ count: 1, ackedCount: 0 })).toBe('not acknowledged');
    expect(ackSummary({ count: 1, ackedCount: 1 })).toBe('acknowledged');
    expect(ackSummary({ count: 25, ackedCount: 0 })).toBe('none acknowledged');
    expect(ackSummary({ count: 25, ackedCount: 3 })).toBe('3 of 25 acknowledged');
    expect(ackSummary({ count: 4, ackedCount: 4 })).toBe('all 4 acknowledged');
  });
});

describe('eventOf', () => {
  it('finds the event holding an advisory', () => {
    const events = groupAdvisories([adv('A', s(0)), adv('B', s(40)), adv('Z', s(10), { fault: 'loss' as Advisory['fault'] })]);
    expect(eventOf(events, 'B')!.key).toBe('A');
    expect(eventOf(events, 'nope')).toBeNull();
    expect(eventOf(events, null)).toBeNull();
  });
});
