// RamRecall on the real usearch native index, a real SQLite store and a real data directory.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FAULT_CATEGORY, type FaultKind } from '../../../src-shared/advisory.js';
import type { EpisodeKeyMetrics, FleetEpisode, FleetOutcome } from '../../../src-shared/fleet.js';
import { embedSignature, levelsOnlySignature } from '../../../src-shared/episode-embedding.js';
import type { PrecedentQuery } from '../../../src-main/knowledge/knowledge-store.js';
import { resolutionSummary } from '../../../src-shared/outcome.js';
import { RamRecall, RECALL_DIR, type EpisodeStore } from '../../../src-main/knowledge/ram-recall.js';
import { MemoryStore } from '../../../src-main/storage/memory-store.js';
import { SqliteStore } from '../../../src-main/storage/sqlite-store.js';
import { makeEpisode } from '../../unit/storage/fixtures.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 0, 1);
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'sairen-recall-'));
  cleanup.push(() => fs.rmSync(d, { recursive: true, force: true }));
  return d;
}

const blank: EpisodeKeyMetrics = {
  mseEfficiencyPercent: null, flowBalanceGpm: null, pitRateBblHr: null, dExponent: null,
  torqueDeltaFraction: null, sppDeltaPsi: null, ecdMarginPpg: null, ropFtHr: null,
};

/** An episode whose embedding is made from its key metrics, as a rig would make it. */
function ep(id: string, fault: FaultKind, km: Partial<EpisodeKeyMetrics>, over: Partial<FleetEpisode> = {}): FleetEpisode {
  const keyMetrics = { ...blank, ...km };
  const depth = over.depthToFt ?? 7500;
  const outcome = over.outcome ?? { kind: 'Resolved', action: 'circulated and reamed' };
  return makeEpisode({
    resolutionSummary: resolutionSummary(fault, outcome),
    id, eventId: id.replace(/-episode$/, ''), fault, category: FAULT_CATEGORY[fault], keyMetrics, depthFromFt: depth, depthToFt: depth,
    embedding: embedSignature(levelsOnlySignature(keyMetrics, depth, depth), fault, depth), timeMs: T0, ...over,
  });
}

const query = (fault: FaultKind, km: Partial<EpisodeKeyMetrics>, over: Partial<PrecedentQuery> = {}): PrecedentQuery => ({
  category: FAULT_CATEGORY[fault], fault, campaign: 'production', depthFt: 7500, limit: 5, timeMs: T0 + DAY,
  signature: levelsOnlySignature({ ...blank, ...km }, 7500, 7500), ...over,
});

async function openRecall(store: EpisodeStore, dataDir: string | null, capacity?: number): Promise<RamRecall> {
  const r = await RamRecall.open({ store, dataDir, capacity, saveDelayMs: 0 });
  cleanup.push(() => r.dispose());
  return r;
}

const packOff = { torqueDeltaFraction: 0.3, sppDeltaPsi: 200, ropFtHr: 15 };
const resolved = (action: string): FleetOutcome => ({ kind: 'Resolved', action });

describe('RamRecall precedent search', () => {
  it('pre-filters by category and campaign and leaves out false alarms unless asked', async () => {
    const r = await openRecall(new MemoryStore(), null);
    await r.upsertEpisodes([
      ep('A-episode', 'pack-off', packOff, { outcome: resolved('reamed') }),
      ep('B-episode', 'pack-off', packOff, { outcome: { kind: 'FalsePositive' } }),
      ep('C-episode', 'pack-off', packOff, { campaign: 'plug_abandonment' }),
      ep('D-episode', 'kick', { flowBalanceGpm: 30, pitRateBblHr: 15 }),
    ]);
    expect(r.queryPrecedents(query('pack-off', packOff)).map((p) => p.id)).toEqual(['A-episode']);
    expect(r.queryPrecedents(query('pack-off', packOff, { includeFalsePositive: true })).map((p) => p.id)).toEqual(['A-episode', 'B-episode']);
    expect(r.queryPrecedents(query('pack-off', packOff, { campaign: 'plug_abandonment' })).map((p) => p.id)).toEqual(['C-episode']);
    expect(r.queryPrecedents(query('kick', { flowBalanceGpm: 25 })).map((p) => p.id)).toEqual(['D-episode']);
    expect(r.queryPrecedents(query('washout', { sppDeltaPsi: -200 }))).toEqual([]); // Hydraulics: none stored
  });

  it('ranks the nearest physics first, leaves out what is not alike, and gives the driller line', async () => {
    const r = await openRecall(new MemoryStore(), null);
    await r.upsertEpisodes([
      ep('mid-episode', 'pack-off', { torqueDeltaFraction: 0.15, sppDeltaPsi: 90, ropFtHr: 45 }, { outcome: resolved('reamed') }),
      ep('near-episode', 'pack-off', { torqueDeltaFraction: 0.28, sppDeltaPsi: 190, ropFtHr: 18 }, { sourceRigId: 'F-7', depthToFt: 7579, outcome: resolved('circulated and reamed') }),
      ep('far-episode', 'torque-rise', { torqueDeltaFraction: -0.2, sppDeltaPsi: -150, ropFtHr: 120 }, { outcome: resolved('nothing') }),
    ]);
    const top = r.queryPrecedents(query('pack-off', packOff, { timeMs: T0 + 21 * DAY }));
    expect(top.map((p) => p.id)).toEqual(['near-episode', 'mid-episode']); // far-episode: similarity under 0.5
    expect(top[0].summary).toBe('F-7, 7,579 ft, 3 weeks ago: pack-off, circulated and reamed, resolved');
    expect(top[0].similarity!).toBeGreaterThan(top[1].similarity!);
    expect(top[0]).toMatchObject({ source: 'recall', rig: 'F-7', depthFt: 7579, timeMs: T0, outcome: { kind: 'Resolved' } });
  });

  it('breaks a tie in physics by outcome, then by recency measured from the query time', async () => {
    const r = await openRecall(new MemoryStore(), null);
    await r.upsertEpisodes([
      ep('pending-episode', 'pack-off', packOff, { outcome: { kind: 'Pending' } }),
      ep('old-episode', 'pack-off', packOff, { outcome: resolved('reamed'), timeMs: T0 - 400 * DAY }),
      ep('new-episode', 'pack-off', packOff, { outcome: resolved('reamed'), timeMs: T0 }),
      ep('escalated-episode', 'pack-off', packOff, { outcome: { kind: 'Escalated', reason: 'fishing' } }),
    ]);
    expect(r.queryPrecedents(query('pack-off', packOff)).map((p) => p.id)).toEqual(['new-episode', 'escalated-episode', 'old-episode', 'pending-episode']);
    // Same data, asked from 3 years later: both resolved ones are old; the order follows data time.
    const later = r.queryPrecedents(query('pack-off', packOff, { timeMs: T0 + 3 * 365 * DAY, limit: 2 }));
    expect(later.map((p) => p.id)).toEqual(['new-episode', 'old-episode']);
  });

  it('replaces an episode by id (a changed outcome moves it to the false-alarm partition)', async () => {
    const store = new MemoryStore();
    const r = await openRecall(store, null);
    const e = ep('X-episode', 'pack-off', packOff, { outcome: resolved('reamed') });
    await r.upsertEpisodes([e]);
    await r.upsertEpisodes([{ ...e, outcome: { kind: 'FalsePositive' }, resolutionSummary: 'pack-off, false alarm' }]);
    expect(r.stats().episodes).toBe(1);
    expect(r.queryPrecedents(query('pack-off', packOff))).toEqual([]);
    expect(r.queryPrecedents(query('pack-off', packOff, { includeFalsePositive: true }))[0].resolution).toBe('pack-off, false alarm');
    expect(await r.removeEpisodes(['X-episode', 'nope'])).toBe(1);
    expect(await store.listEpisodes()).toEqual([]);
  });

  it('refuses an invalid episode and keeps the valid ones of the batch', async () => {
    const lines: string[] = [];
    const r = await RamRecall.open({ store: new MemoryStore(), dataDir: null, log: (l) => lines.push(l) });
    cleanup.push(() => r.dispose());
    const bad = { ...ep('bad-episode', 'kick', {}), category: 'Nonsense' } as unknown as FleetEpisode;
    await r.upsertEpisodes([bad, ep('good-episode', 'kick', {})]);
    expect(r.stats().episodes).toBe(1);
    expect(lines.join('\n')).toContain('bad-episode refused');
  });

  it('re-embeds a fleet episode whose embedding does not fit this release', async () => {
    const r = await openRecall(new MemoryStore(), null);
    await r.upsertEpisodes([{ ...ep('old-release-episode', 'pack-off', packOff), embedding: [0.5, 0.5] }]);
    expect(r.queryPrecedents(query('pack-off', packOff))[0].similarity!).toBeGreaterThan(0.99);
  });
});

describe('RamRecall capacity and health', () => {
  it('evicts the oldest non-critical episodes at the cap, in RAM and in storage', async () => {
    const store = new MemoryStore();
    const r = await openRecall(store, null, 3);
    await r.upsertEpisodes([
      ep('crit-old-episode', 'kick', {}, { riskLevel: 'Critical', timeMs: T0 - 10 * DAY }),
      ep('high-old-episode', 'kick', {}, { riskLevel: 'High', timeMs: T0 - 5 * DAY }),
      ep('high-new-episode', 'kick', {}, { riskLevel: 'High', timeMs: T0 }),
    ]);
    await r.upsertEpisodes([ep('elev-newest-episode', 'kick', {}, { riskLevel: 'Elevated', timeMs: T0 + DAY })]);
    const ids = (await store.listEpisodes()).map((e) => e.id).sort();
    expect(ids).toEqual(['crit-old-episode', 'elev-newest-episode', 'high-new-episode']);
    expect(r.stats()).toMatchObject({ episodes: 3, capacity: 3, evicted: 1 });
    expect(r.queryPrecedents(query('kick', {}, { limit: 10 })).map((p) => p.id)).not.toContain('high-old-episode');
  });

  it('reports its memory against the budget and turns unhealthy past it', async () => {
    const r = await openRecall(new MemoryStore(), null);
    await r.upsertEpisodes(Array.from({ length: 50 }, (_, i) => ep(`E${i}-episode`, 'kick', { flowBalanceGpm: i })));
    const s = r.stats();
    expect(s.estimatedBytes).toBeGreaterThan(50 * 500);
    expect(s.budgetBytes).toBe(10_000 * 5_000);
    expect(r.isHealthy()).toBe(true);
    const tight = await RamRecall.open({ store: new MemoryStore(), dataDir: null, budgetBytes: 10_000 });
    cleanup.push(() => tight.dispose());
    await tight.upsertEpisodes(Array.from({ length: 50 }, (_, i) => ep(`F${i}-episode`, 'kick', { flowBalanceGpm: i })));
    expect(tight.isHealthy()).toBe(false);
  });

  it('is unhealthy (never throws) when its storage cannot be read', async () => {
    const broken: EpisodeStore = {
      listEpisodes: () => Promise.reject(new Error('database is locked')),
      upsertEpisodes: () => Promise.resolve(),
      removeEpisodes: () => Promise.resolve(0),
    };
    const r = await openRecall(broken, null);
    expect(r.isHealthy()).toBe(false);
    expect(r.stats()).toMatchObject({ index: 'failed', lastError: 'recall could not start: database is locked' });
    expect(r.queryPrecedents(query('kick', {}))).toEqual([]);
  });
});

describe('RamRecall index on disk', () => {
  async function seeded(dir: string): Promise<{ store: SqliteStore; ids: string[] }> {
    const store = SqliteStore.open({ dataDir: dir, metricsFlushMs: 0 });
    cleanup.push(() => store.dispose());
    const r = await RamRecall.open({ store, dataDir: dir, saveDelayMs: 0 });
    const eps = Array.from({ length: 40 }, (_, i) => ep(`S${i}-episode`, i % 2 ? 'pack-off' : 'kick', { flowBalanceGpm: i, sppDeltaPsi: 5 * i }));
    await r.upsertEpisodes(eps);
    await r.dispose();
    return { store, ids: eps.map((e) => e.id) };
  }

  it('saves the index beside a manifest and loads it back instead of rebuilding', async () => {
    const dir = tempDir();
    const { store } = await seeded(dir);
    const files = fs.readdirSync(path.join(dir, RECALL_DIR));
    expect(files).toContain('manifest.json');
    expect(files.filter((f) => f.endsWith('.usearch'))).toHaveLength(2); // kick and pack-off partitions
    const again = await openRecall(store, dir);
    expect(again.stats()).toMatchObject({ episodes: 40, index: 'loaded', rebuildReason: null });
    expect(again.queryPrecedents(query('kick', { flowBalanceGpm: 10, sppDeltaPsi: 50 }, { limit: 1 }))[0].id).toBe('S10-episode');
  });

  it('rebuilds from storage when the index is missing', async () => {
    const dir = tempDir();
    const { store } = await seeded(dir);
    fs.rmSync(path.join(dir, RECALL_DIR), { recursive: true });
    const again = await openRecall(store, dir);
    expect(again.stats()).toMatchObject({ episodes: 40, index: 'rebuilt', rebuildReason: 'no saved index' });
    expect(again.queryPrecedents(query('kick', { flowBalanceGpm: 10, sppDeltaPsi: 50 }, { limit: 1 }))[0].id).toBe('S10-episode');
    expect(fs.existsSync(path.join(dir, RECALL_DIR, 'manifest.json'))).toBe(true); // saved again
  });

  it('rebuilds (and does not crash) when an index file is garbage', async () => {
    const dir = tempDir();
    const { store } = await seeded(dir);
    const part = fs.readdirSync(path.join(dir, RECALL_DIR)).find((f) => f.endsWith('.usearch'))!;
    fs.writeFileSync(path.join(dir, RECALL_DIR, part), Buffer.from('garbage that would crash the native loader'));
    const again = await openRecall(store, dir);
    expect(again.stats().index).toBe('rebuilt');
    expect(again.stats().rebuildReason).toMatch(/corrupt \(checksum\)/);
    expect(again.queryPrecedents(query('pack-off', { flowBalanceGpm: 11, sppDeltaPsi: 55 }, { limit: 1 }))[0].id).toBe('S11-episode');
  });

  it('rebuilds when the manifest is unreadable or the stored episodes changed behind it', async () => {
    const dir = tempDir();
    const { store } = await seeded(dir);
    fs.writeFileSync(path.join(dir, RECALL_DIR, 'manifest.json'), '{"format": ');
    const a = await openRecall(store, dir);
    expect(a.stats().rebuildReason).toMatch(/manifest unreadable/);
    await a.dispose();
    await store.upsertEpisodes([ep('late-episode', 'kick', { flowBalanceGpm: 99 })]);
    const b = await openRecall(store, dir);
    expect(b.stats()).toMatchObject({ episodes: 41, index: 'rebuilt', rebuildReason: 'index does not match the stored episodes' });
  });
});
