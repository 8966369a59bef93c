import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FAULT_CATEGORY, type FaultKind } from '../../../src-shared/advisory.js';
import { NoOpStore, type PrecedentQuery } from '../../../src-main/knowledge/knowledge-store.js';
import { loadStaticKnowledgeStore } from '../../../src-main/knowledge/knowledge-file.js';
import { StaticKnowledgeStore, parseKnowledgeBase, type KnowledgeEntry } from '../../../src-main/knowledge/static-store.js';

const KB = fileURLToPath(new URL('../../../resources/knowledge-base.json', import.meta.url));
const q = (fault: FaultKind, over: Partial<PrecedentQuery> = {}): PrecedentQuery => ({
  category: FAULT_CATEGORY[fault],
  fault,
  campaign: 'production',
  depthFt: null,
  limit: 3,
  ...over,
});

describe('shipped knowledge base', () => {
  const { store, warning } = loadStaticKnowledgeStore(KB);
  it('loads without a warning and is healthy', () => {
    expect(warning).toBeNull();
    expect(store.isHealthy()).toBe(true);
  });
  it('has at least one precedent for every fault kind', () => {
    for (const f of Object.keys(FAULT_CATEGORY) as FaultKind[]) {
      const top = store.queryPrecedents(q(f, { limit: 1 }));
      expect(top, f).toHaveLength(1);
      expect(top[0].source).toBe('static knowledge base');
    }
  });
  it('a P&A kick query ranks the P&A precedent first', () => {
    expect(store.queryPrecedents(q('kick', { campaign: 'plug_abandonment' }))[0].id).toBe('KB-KICK-03');
  });
});

describe('StaticKnowledgeStore query', () => {
  const e = (id: string, fault: FaultKind, campaign: KnowledgeEntry['campaign'], depthFt: number | null = null): KnowledgeEntry => ({ id, fault, campaign, depthFt, summary: `${id} summary` });
  const store = new StaticKnowledgeStore([
    e('A', 'kick', 'production', 5000),
    e('B', 'kick', 'production', 10000),
    e('C', 'loss', 'production', 10000),
    e('D', 'kick', 'plug_abandonment', 10000),
    e('E', 'pack-off', 'production', 10000),
    e('F', 'kick', 'any', 10000),
  ]);
  it('same fault first, then campaign, then nearest depth; other categories excluded', () => {
    expect(store.queryPrecedents(q('kick', { depthFt: 9800, limit: 10 })).map((p) => p.id)).toEqual(['B', 'A', 'F', 'D', 'C']);
  });
  it('top k and deterministic ties', () => {
    expect(store.queryPrecedents(q('kick', { limit: 2 })).map((p) => p.id)).toEqual(['A', 'B']);
    expect(store.queryPrecedents(q('kick', { limit: 0 }))).toEqual([]);
  });
  it('same category, different fault, ranks below every exact fault', () => {
    expect(store.queryPrecedents(q('loss', { limit: 10 })).map((p) => p.id)[0]).toBe('C');
  });
});

describe('knowledge base parsing', () => {
  it('reports a bad entry with its path', () => {
    const r = parseKnowledgeBase({ schema_version: 1, precedents: [{ id: 'X', fault: 'meteor', campaign: 'any', summary: 's' }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/precedents\.0\.fault/);
  });
  it('rejects duplicate ids', () => {
    const p = { id: 'X', fault: 'kick', campaign: 'any', summary: 's' };
    const r = parseKnowledgeBase({ schema_version: 1, precedents: [p, p] });
    expect(r.ok).toBe(false);
  });
  it('a missing file gives an empty, unhealthy store and a warning', () => {
    const r = loadStaticKnowledgeStore('/nonexistent/kb.json');
    expect(r.warning).toMatch(/cannot load/);
    expect(r.store.isHealthy()).toBe(false);
    expect(r.store.queryPrecedents(q('kick'))).toEqual([]);
  });
  it('NoOpStore still answers nothing', () => {
    expect(new NoOpStore().queryPrecedents()).toEqual([]);
  });
});
