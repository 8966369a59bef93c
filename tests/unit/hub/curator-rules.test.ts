import { describe, expect, it } from 'vitest';
import { episodeFromEvent } from '../../../src-hub/curator/episode.js';
import { EMBEDDING_DIMENSIONS, isUsableEmbedding } from '../../../src-shared/episode-embedding.js';
import { detailValue, episodeScore, isArchived, outcomeValue } from '../../../src-hub/curator/score.js';
import { FleetEpisodeSchema } from '../../../src-shared/fleet.js';
import { makeFleetEvent } from '../../support/fleet-fixtures.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 5, 1);
const allMetrics = { mseEfficiencyPercent: 70, flowBalanceGpm: 1, pitRateBblHr: 0, dExponent: 1.3, torqueDeltaFraction: 0.1, sppDeltaPsi: 50, ecdMarginPpg: 1, ropFtHr: 30 };

describe('episode score (DOMAIN §14: 50 % outcome, 25 % recency, 15 % detail, 10 % diversity)', () => {
  it('orders outcomes Resolved > Escalated > Pending > FalsePositive', () => {
    expect([outcomeValue({ kind: 'Resolved', action: 'x' }), outcomeValue({ kind: 'Escalated', reason: 'y' }), outcomeValue({ kind: 'Pending' }), outcomeValue({ kind: 'FalsePositive' })]).toEqual([1, 0.7, 0.2, 0.1]);
  });

  it('weights the parts as specified', () => {
    const fresh = { outcomeKind: 'Resolved' as const, outcomeValue: 1, detail: 1, timeMs: NOW, categoryShare: 0 };
    expect(episodeScore(fresh, NOW)).toBeCloseTo(1, 12);
    expect(episodeScore({ ...fresh, categoryShare: 1 }, NOW)).toBeCloseTo(0.9, 12);
    expect(episodeScore({ ...fresh, detail: 0 }, NOW)).toBeCloseTo(0.85, 12);
    expect(episodeScore({ ...fresh, timeMs: NOW - 180 * DAY }, NOW)).toBeCloseTo(0.75 + 0.25 * Math.exp(-1), 12);
    expect(episodeScore({ ...fresh, outcomeKind: 'FalsePositive', outcomeValue: 0.1 }, NOW)).toBeCloseTo(0.55, 12);
  });

  it('drops stale pending episodes to 0.05 after 30 days', () => {
    const pending = { outcomeKind: 'Pending' as const, outcomeValue: 0.2, detail: 1, timeMs: NOW - 29 * DAY, categoryShare: 0 };
    expect(episodeScore(pending, NOW)).toBeGreaterThan(0.4);
    expect(episodeScore({ ...pending, timeMs: NOW - 31 * DAY }, NOW)).toBe(0.05);
  });

  it('scores detail from notes, action and the share of key metrics present', () => {
    expect(detailValue({ kind: 'Resolved', action: 'reamed' }, 'notes', allMetrics)).toBeCloseTo(1, 12);
    expect(detailValue({ kind: 'Resolved', action: ' ' }, '', allMetrics)).toBeCloseTo(0.3, 12);
    expect(detailValue({ kind: 'Pending' }, '', { ...allMetrics, ropFtHr: null, dExponent: null })).toBeCloseTo(0.3 * 0.75, 12);
    expect(detailValue({ kind: 'Escalated', reason: 'office' }, '', allMetrics)).toBeCloseTo(0.7, 12);
  });

  it('archives after a year, false alarms after three months', () => {
    expect(isArchived('Resolved', NOW - 364 * DAY, NOW)).toBe(false);
    expect(isArchived('Resolved', NOW - 366 * DAY, NOW)).toBe(true);
    expect(isArchived('FalsePositive', NOW - 89 * DAY, NOW)).toBe(false);
    expect(isArchived('FalsePositive', NOW - 91 * DAY, NOW)).toBe(true);
  });
});

describe('episode from event', () => {
  it('builds a valid episode: id, depth range, key metrics at the event, one-line summary', () => {
    const ev = makeFleetEvent({ rigId: 'RIG-A', timeMs: NOW, depthFt: 10_010, outcome: { kind: 'Resolved', action: 'circulated and reamed' }, snapshot: { ropFtHr: null } });
    ev.historyWindow[0].depthFt = 9_990;
    const ep = episodeFromEvent(ev);
    expect(FleetEpisodeSchema.parse(ep)).toEqual(ep);
    expect(ep).toMatchObject({ id: `${ev.id}-episode`, eventId: ev.id, sourceRigId: 'RIG-A', depthFromFt: 9_990, depthToFt: 10_010 });
    expect(ep.keyMetrics.sppDeltaPsi).toBe(ev.historyWindow.at(-1)!.sppDeltaPsi);
    expect(ep.keyMetrics.ropFtHr).toBeNull();
    expect(ep.resolutionSummary).toBe('pack-off, circulated and reamed, resolved');
    expect(episodeFromEvent(ev, 'OTHER-episode').id).toBe('OTHER-episode');
  });

  it('words the outcome as a rig does, at most 500 characters, with a vector a rig can use as is', () => {
    const escalated = episodeFromEvent(makeFleetEvent({ rigId: 'R', timeMs: NOW, fault: 'kick', category: 'WellControl', outcome: { kind: 'Escalated', reason: 'Shut in, called the office' } }));
    expect(escalated.resolutionSummary).toBe('kick, escalated: shut in, called the office');
    expect(episodeFromEvent(makeFleetEvent({ rigId: 'R', timeMs: NOW, outcome: { kind: 'FalsePositive' } })).resolutionSummary).toBe('pack-off, false alarm');
    const long = episodeFromEvent(makeFleetEvent({ rigId: 'R', timeMs: NOW, outcome: { kind: 'Resolved', action: 'x'.repeat(500) } }));
    expect(long.resolutionSummary).toHaveLength(500);
    expect(escalated.embedding).toHaveLength(EMBEDDING_DIMENSIONS);
    expect(isUsableEmbedding(escalated.embedding)).toBe(true);
  });
});
