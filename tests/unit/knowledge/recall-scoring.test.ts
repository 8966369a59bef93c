import { describe, expect, it } from 'vitest';
import type { Advisory } from '../../../src-shared/advisory.js';
import { localEpisode } from '../../../src-main/knowledge/local-episode.js';
import { pickEvictions } from '../../../src-main/knowledge/recall-capacity.js';
import { precedentOf, rankScore, recencyScore } from '../../../src-main/knowledge/recall-scoring.js';
import { agoText, resolutionSummary } from '../../../src-shared/outcome.js';
import { makeAdvisory, makeEpisode } from '../storage/fixtures.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 5, 1);

describe('recall ranking', () => {
  it('measures recency from the query time, not the clock', () => {
    expect(recencyScore(T0, T0)).toBe(1);
    expect(recencyScore(T0, T0 + 180 * DAY)).toBeCloseTo(Math.exp(-1), 12);
    expect(recencyScore(T0 + DAY, T0)).toBe(1); // an episode "after" the query counts as new
  });

  it('lets similarity lead; outcome and recency decide between equals', () => {
    const resolved = { kind: 'Resolved' as const, action: 'reamed' };
    expect(rankScore(0.95, { kind: 'FalsePositive' }, T0, T0)).toBeGreaterThan(rankScore(0.5, resolved, T0, T0));
    expect(rankScore(0.9, resolved, T0, T0)).toBeGreaterThan(rankScore(0.9, { kind: 'Escalated', reason: 'x' }, T0, T0));
    expect(rankScore(0.9, { kind: 'Escalated', reason: 'x' }, T0, T0)).toBeGreaterThan(rankScore(0.9, { kind: 'Pending' }, T0, T0));
    expect(rankScore(0.9, resolved, T0, T0 + DAY)).toBeGreaterThan(rankScore(0.9, resolved, T0, T0 + 400 * DAY));
  });
});

describe('precedent wording', () => {
  it('reads like a driller says it', () => {
    expect(resolutionSummary('pack-off', { kind: 'Resolved', action: 'Circulated and reamed' })).toBe('pack-off, circulated and reamed, resolved');
    expect(resolutionSummary('kick', { kind: 'Escalated', reason: 'shut in, called town' })).toBe('kick, escalated: shut in, called town');
    expect(resolutionSummary('stick-slip', { kind: 'FalsePositive' })).toBe('stick-slip, false alarm');
    expect(resolutionSummary('founder', { kind: 'Resolved', action: 'WOB cut 5 klbf' })).toBe('founder, WOB cut 5 klbf, resolved');
  });

  it('says how long ago in words', () => {
    expect(agoText(T0, T0 + 40 * 60_000)).toBe('40 min ago');
    expect(agoText(T0, T0 + 5 * 3_600_000)).toBe('5 h ago');
    expect(agoText(T0, T0 + 4 * DAY)).toBe('4 days ago');
    expect(agoText(T0, T0 + 21 * DAY)).toBe('3 weeks ago');
    expect(agoText(T0, T0 + 200 * DAY)).toBe('7 months ago');
    expect(agoText(T0, T0 + 800 * DAY)).toBe('2 years ago');
    expect(agoText(T0 + DAY, T0)).toBe('1 day later');
    expect(agoText(T0, T0 + 30_000)).toBe('just now');
  });

  it('gives the one-line summary and the structured fields', () => {
    const e = makeEpisode({ sourceRigId: 'F-7', depthFromFt: 7500, depthToFt: 7579, timeMs: T0 });
    const p = precedentOf(e, 0.91234, T0 + 21 * DAY);
    expect(p.summary).toBe('F-7, 7,579 ft, 3 weeks ago: pack-off, circulated and reamed, resolved');
    expect(p).toMatchObject({ id: e.id, source: 'recall', rig: 'F-7', well: 'W-1', depthFt: 7579, timeMs: T0, similarity: 0.912, outcome: e.outcome });
    expect(precedentOf({ ...e, depthFromFt: null, depthToFt: null }, 1, T0).summary).toBe('F-7, just now: pack-off, circulated and reamed, resolved');
  });
});

describe('capacity eviction order', () => {
  it('evicts the oldest non-critical first, critical only when nothing else is left', () => {
    const eps = [
      { id: 'a', timeMs: 1, riskLevel: 'Critical' as const },
      { id: 'b', timeMs: 2, riskLevel: 'High' as const },
      { id: 'c', timeMs: 3, riskLevel: 'Elevated' as const },
      { id: 'd', timeMs: 0, riskLevel: 'Critical' as const },
    ];
    expect(pickEvictions(eps, 1)).toEqual(['b']);
    expect(pickEvictions(eps, 3)).toEqual(['b', 'c', 'd']);
    expect(pickEvictions(eps, 0)).toEqual([]);
  });
});

describe('local episode from an acknowledged advisory', () => {
  const who = { rigId: 'F-7 North', wellId: 'W-9' };
  it('builds the episode with id, outcome, summary and a unit embedding', () => {
    const a: Advisory = makeAdvisory({ timeMs: T0, fault: 'pack-off', category: 'Mechanical', riskLevel: 'High', depthFt: 7579 });
    const e = localEpisode(a, { kind: 'Resolved', action: 'circulated and reamed' }, who);
    expect(e).not.toBeNull();
    expect(e!.id).toBe(`F-7-North-${a.id}-episode`);
    expect(e!.eventId).toBe(`F-7-North-${a.id}`);
    expect(e!.sourceRigId).toBe('F-7-North');
    expect(e!.resolutionSummary).toBe('pack-off, circulated and reamed, resolved');
    expect(e!.depthToFt).toBe(7579);
    expect(e!.keyMetrics.flowBalanceGpm).toBe(a.metrics.flowBalanceGpm);
    expect(Math.hypot(...e!.embedding)).toBeCloseTo(1, 9);
  });

  it('makes none for an unconfirmed advisory or a pending outcome', () => {
    const a = makeAdvisory({ timeMs: T0 });
    expect(localEpisode(a, { kind: 'Pending' }, who)).toBeNull();
    const uncertain = { ...a, physicsVerdict: { ...a.physicsVerdict, status: 'Uncertain' as const } };
    expect(localEpisode(uncertain, { kind: 'FalsePositive' }, who)).toBeNull();
  });
});
