import { describe, expect, it } from 'vitest';
import { placeEvents, type Anchor } from '../../../src-hub/curator/placement.js';
import { makeFleetEvent } from '../../support/fleet-fixtures.js';

const T = Date.UTC(2025, 3, 1);
const MIN = 60_000;

describe('curator placement (near-duplicate rule of DOMAIN §14)', () => {
  it('merges same rig and category within 100 ft and 10 min, only when the outcome is better', () => {
    const first = makeFleetEvent({ rigId: 'R1', timeMs: T, depthFt: 9_000 });
    const better = makeFleetEvent({ rigId: 'R1', timeMs: T + 9 * MIN, depthFt: 9_100, outcome: { kind: 'Resolved', action: 'reamed' } });
    const worse = makeFleetEvent({ rigId: 'R1', timeMs: T + 3 * MIN, depthFt: 8_950, outcome: { kind: 'FalsePositive' } });
    const p = placeEvents([first, better, worse].map((event) => ({ event, episodeId: null })), []);
    expect(p).toMatchObject({ added: 1, updated: 1, duplicates: 1 });
    const id = `${first.id}-episode`;
    expect([...p.writes.keys()]).toEqual([id]);
    expect(p.writes.get(id)).toMatchObject({ isNew: true, anchor: { eventId: better.id, timeMs: T, depthFt: 9_000, outcomeValue: 1 } });
    expect(p.writes.get(id)!.episode.outcome).toEqual({ kind: 'Resolved', action: 'reamed' });
    expect(Object.fromEntries(p.episodeOf)).toEqual({ [first.id]: id, [better.id]: id, [worse.id]: id });
  });

  it('keeps apart: 101 ft, 10 min 1 s, another category, another rig, depth known on one side only', () => {
    const base = makeFleetEvent({ rigId: 'R1', timeMs: T, depthFt: 9_000 });
    const others = [
      makeFleetEvent({ rigId: 'R1', timeMs: T + MIN, depthFt: 9_101, outcome: { kind: 'Resolved', action: 'a' } }),
      makeFleetEvent({ rigId: 'R1', timeMs: T + 10 * MIN + 1000, depthFt: 9_000, outcome: { kind: 'Resolved', action: 'a' } }),
      makeFleetEvent({ rigId: 'R1', timeMs: T + MIN, depthFt: 9_000, category: 'WellControl', fault: 'kick', outcome: { kind: 'Resolved', action: 'a' } }),
      makeFleetEvent({ rigId: 'R2', timeMs: T + MIN, depthFt: 9_000, outcome: { kind: 'Resolved', action: 'a' } }),
      makeFleetEvent({ rigId: 'R1', timeMs: T + 2 * MIN, depthFt: null, outcome: { kind: 'Resolved', action: 'a' } }),
    ];
    const p = placeEvents([base, ...others].map((event) => ({ event, episodeId: null })), []);
    expect(p).toMatchObject({ added: 6, updated: 0, duplicates: 0 });
  });

  it('updates an event\'s own episode even to a worse outcome, and uses known library anchors', () => {
    const ev = makeFleetEvent({ rigId: 'R1', timeMs: T, depthFt: 5_000, outcome: { kind: 'FalsePositive' } });
    const own: Anchor = { id: `${ev.id}-episode`, eventId: ev.id, rigId: 'R1', category: 'Mechanical', timeMs: T, depthFt: 5_000, outcomeValue: 1 };
    const p = placeEvents([{ event: ev, episodeId: own.id }], [own]);
    expect(p).toMatchObject({ added: 0, updated: 1, duplicates: 0 });
    expect(p.writes.get(own.id)).toMatchObject({ isNew: false, anchor: { outcomeValue: 0.1 } });
    const neighbour: Anchor = { ...own, id: 'X-episode', eventId: 'X', outcomeValue: 1 };
    const dup = makeFleetEvent({ rigId: 'R1', timeMs: T + MIN, depthFt: 5_050, outcome: { kind: 'Escalated', reason: 'r' } });
    expect(placeEvents([{ event: dup, episodeId: null }], [neighbour])).toMatchObject({ duplicates: 1, added: 0 });
  });
});
