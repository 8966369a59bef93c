import { describe, expect, it } from 'vitest';
import type { Precedent } from '../../../src-shared/advisory.js';
import { NoOpStore, type PrecedentQuery } from '../../../src-main/knowledge/knowledge-store.js';
import { KnowledgeSelector, type RecallLike } from '../../../src-main/knowledge/select-store.js';
import { StaticKnowledgeStore } from '../../../src-main/knowledge/static-store.js';

const q: PrecedentQuery = { category: 'Mechanical', fault: 'pack-off', campaign: 'production', depthFt: 7500, limit: 3 };
const staticKb = new StaticKnowledgeStore([
  { id: 'KB-1', fault: 'pack-off', campaign: 'any', depthFt: null, summary: 'textbook pack-off' },
  { id: 'KB-2', fault: 'stick-slip', campaign: 'any', depthFt: null, summary: 'textbook stick-slip' },
]);

/** A recall stand-in (the real RamRecall is tested in tests/integration/knowledge). */
function fakeRecall(found: Precedent[], healthy = true): RecallLike {
  return {
    name: 'recall',
    queryPrecedents: (x) => found.slice(0, x.limit),
    isHealthy: () => healthy,
    stats: () => ({ episodes: 1234, capacity: 10_000, estimatedBytes: 2.5 * 1024 * 1024, budgetBytes: 50_000_000, index: 'loaded', lastError: healthy ? null : 'recall could not start: disk' }),
  };
}
const p = (id: string): Precedent => ({ id, summary: id, source: 'recall' });

describe('KnowledgeSelector', () => {
  it('asks recall first and fills the rest from the static knowledge base', () => {
    let enabled = true;
    const s = new KnowledgeSelector({ recall: fakeRecall([p('R1')]), fallback: staticKb, recallEnabled: () => enabled });
    expect(s.name).toBe('recall');
    expect(s.queryPrecedents(q).map((x) => x.id)).toEqual(['R1', 'KB-1', 'KB-2']);
    expect(s.detail()).toBe('recall: 1,234 of 10,000 episodes, ~2.5 MB of 48 MB budget');
    enabled = false; // config knowledge.recall_enabled switched off: applies on the next query
    expect(s.name).toBe('static');
    expect(s.queryPrecedents(q).map((x) => x.id)).toEqual(['KB-1', 'KB-2']);
    expect(s.detail()).toBe('static knowledge base (recall disabled)');
  });

  it('returns recall alone when it found enough', () => {
    const s = new KnowledgeSelector({ recall: fakeRecall([p('R1'), p('R2'), p('R3'), p('R4')]), fallback: staticKb, recallEnabled: () => true });
    expect(s.queryPrecedents(q).map((x) => x.id)).toEqual(['R1', 'R2', 'R3']);
  });

  it('falls back to no precedents (not the static base) when recall is unhealthy, and says so', () => {
    const s = new KnowledgeSelector({ recall: fakeRecall([p('R1')], false), fallback: staticKb, recallEnabled: () => true });
    expect(s.name).toBe('none');
    expect(s.queryPrecedents(q)).toEqual([]);
    expect(s.isHealthy()).toBe(false);
    expect(s.detail()).toBe('recall unavailable, no precedents: recall could not start: disk');
  });

  it('with no recall uses the static base, or nothing', () => {
    expect(new KnowledgeSelector({ recall: null, fallback: staticKb, recallEnabled: () => true }).queryPrecedents(q)).toHaveLength(2);
    const none = new KnowledgeSelector({ recall: null, fallback: new NoOpStore(), recallEnabled: () => true });
    expect(none.queryPrecedents(q)).toEqual([]);
    expect(none.detail()).toBe('no knowledge store');
  });
});
