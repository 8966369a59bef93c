// `npm run bench:recall`: RAM Recall with 1,000 and 10,000 episodes.
// Prints query latency p50/p99 (RamRecall.queryPrecedents end to end, and the bare HNSW search),
// recall@5 of the HNSW neighbours against exact brute-force cosine search within the same
// pre-filter, recall@5 of the final precedents against the same two-stage ranking done exactly
// (exact nearest candidates, similarity floor, outcome/recency rank), index build / save / load
// times, and memory (measured vs estimated).
// Latency: each query runs 3 times and its fastest run counts (a shared, busy machine preempts
// single runs for milliseconds); the single-run figures are printed too.
// Episodes are synthetic but shaped like the real thing: per fault a physics prototype
// (levels and trends) with noise, 80 % production / 20 % P&A, mixed outcomes, two years of dates.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FAULT_CATEGORY, type FaultKind } from '../../src-shared/advisory.js';
import type { EpisodeKeyMetrics, EpisodeSignature, FleetEpisode, FleetOutcome, SignatureTrends } from '../../src-shared/fleet.js';
import { FLEET_SCHEMA_VERSION } from '../../src-shared/fleet.js';
import { EMBEDDING_DIMENSIONS, cosineSimilarity, embedSignature } from '../../src-shared/episode-embedding.js';
import type { PrecedentQuery } from '../../src-main/knowledge/knowledge-store.js';
import { RamRecall, partitionKey } from '../../src-main/knowledge/ram-recall.js';
import { PartitionedIndex } from '../../src-main/knowledge/recall-index.js';
import { MIN_SIMILARITY, candidateCount, rankScore } from '../../src-main/knowledge/recall-scoring.js';
import { resolutionSummary } from '../../src-shared/outcome.js';
import { MemoryStore } from '../../src-main/storage/memory-store.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 6, 1);
const QUERIES = 2000;

/** Deterministic PRNG (mulberry32): the same run every time. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(17);
const gauss = (): number => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];

const FAULTS = Object.keys(FAULT_CATEGORY) as FaultKind[];
/** A physics prototype per fault: levels and trends, each drawn once. */
const PROTOTYPE = new Map<FaultKind, { km: EpisodeKeyMetrics; tr: SignatureTrends }>(
  FAULTS.map((f) => [
    f,
    {
      km: {
        mseEfficiencyPercent: 70 + 25 * gauss(), flowBalanceGpm: 20 * gauss(), pitRateBblHr: 10 * gauss(), dExponent: 1.5 + 0.5 * gauss(),
        torqueDeltaFraction: 0.2 * gauss(), sppDeltaPsi: 150 * gauss(), ecdMarginPpg: 1 + 0.7 * gauss(), ropFtHr: 60 + 40 * gauss(),
      },
      tr: {
        flowBalanceGpmPerMin: 5 * gauss(), sppPsiPerMin: 50 * gauss(), torqueKftLbfPerMin: gauss(), ropFtHrPerMin: 10 * gauss(),
        wobKlbfPerMin: 3 * gauss(), mseEfficiencyPercentPerMin: 5 * gauss(), dExponentPerMin: 0.05 * gauss(), gasUnitsPerMin: 20 * gauss(),
      },
    },
  ]),
);

function noisySignature(f: FaultKind, spread: number): EpisodeSignature {
  const p = PROTOTYPE.get(f)!;
  const km = Object.fromEntries(Object.entries(p.km).map(([k, v]) => [k, rand() < 0.05 ? null : (v as number) * (1 + spread * gauss()) + spread * gauss()])) as unknown as EpisodeKeyMetrics;
  const tr = Object.fromEntries(Object.entries(p.tr).map(([k, v]) => [k, (v as number) * (1 + spread * gauss()) + spread * gauss()])) as unknown as SignatureTrends;
  const depth = 3000 + 12_000 * rand();
  return { keyMetrics: km, trends: tr, depthFromFt: depth - 50, depthToFt: depth };
}

function outcome(): FleetOutcome {
  const r = rand();
  if (r < 0.6) return { kind: 'Resolved', action: pick(['circulated and reamed', 'cut WOB 5 klbf', 'raised mud weight 0.2 ppg', 'worked pipe free']) };
  if (r < 0.75) return { kind: 'Escalated', reason: 'called the company man' };
  if (r < 0.9) return { kind: 'FalsePositive' };
  return { kind: 'Pending' };
}

function makeEpisodes(n: number, faults: readonly FaultKind[], campaigns: 'mixed' | 'production'): FleetEpisode[] {
  return Array.from({ length: n }, (_, i) => {
    const fault = pick(faults);
    const sig = noisySignature(fault, 0.35);
    const o = outcome();
    const id = `RIG-${i % 40}-ADV-${i.toString(16).padStart(8, '0')}-episode`;
    return {
      schemaVersion: FLEET_SCHEMA_VERSION, id, eventId: id.replace(/-episode$/, ''), sourceRigId: `RIG-${i % 40}`, wellId: `W-${i % 300}`,
      category: FAULT_CATEGORY[fault], fault, campaign: campaigns === 'mixed' && rand() < 0.2 ? 'plug_abandonment' : 'production',
      riskLevel: pick(['Elevated', 'High', 'Critical'] as const), depthFromFt: sig.depthFromFt, depthToFt: sig.depthToFt,
      keyMetrics: sig.keyMetrics, resolutionSummary: resolutionSummary(fault, o), outcome: o,
      embedding: embedSignature(sig, fault, sig.depthToFt), timeMs: NOW - Math.floor(rand() * 730) * DAY,
    };
  });
}

function makeQueries(faults: readonly FaultKind[]): PrecedentQuery[] {
  return Array.from({ length: QUERIES }, () => {
    const fault = pick(faults);
    const signature = noisySignature(fault, 0.35);
    return { category: FAULT_CATEGORY[fault], fault, campaign: 'production', depthFt: signature.depthToFt, limit: 5, timeMs: NOW, signature };
  });
}

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const us = (ms: number): string => `${(ms * 1000).toFixed(1)} µs`;
const mb = (b: number): string => `${(b / 1024 / 1024).toFixed(1)} MB`;
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const memNow = (): number => {
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.external + m.arrayBuffers;
};

async function run(label: string, n: number, faults: readonly FaultKind[], campaigns: 'mixed' | 'production'): Promise<void> {
  const episodes = makeEpisodes(n, faults, campaigns);
  const queries = makeQueries(faults);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sairen-recall-bench-'));
  const store = new MemoryStore();
  await store.upsertEpisodes(episodes);
  const memBefore = memNow();
  let t = performance.now();
  const recall = await RamRecall.open({ store, dataDir: dir, saveDelayMs: 0 });
  const buildMs = performance.now() - t;
  const memAfter = memNow();
  const stats = recall.stats();
  t = performance.now();
  const reopened = await RamRecall.open({ store, dataDir: dir, saveDelayMs: 0 });
  const loadMs = performance.now() - t;
  const indexBytes = fs.readdirSync(path.join(dir, 'recall')).reduce((s, f) => s + fs.statSync(path.join(dir, 'recall', f)).size, 0);

  // Bare HNSW: the same class and parameters RamRecall uses, fed the same vectors.
  const bare = new PartitionedIndex(EMBEDDING_DIMENSIONS);
  const part = (e: FleetEpisode) => partitionKey(e.category, e.campaign, e.outcome.kind === 'FalsePositive');
  bare.addAll(episodes.map((e) => ({ id: e.id, partition: part(e), vector: e.embedding })));
  const byPartition = new Map<string, FleetEpisode[]>();
  for (const e of episodes) byPartition.set(part(e), [...(byPartition.get(part(e)) ?? []), e]);

  for (const q of queries.slice(0, 200)) recall.queryPrecedents(q); // warm-up
  const vectors = queries.map((q) => Float32Array.from(embedSignature(q.signature!, q.fault, q.depthFt)));
  const endToEnd: number[][] = [[], [], []];
  const hnswOnly: number[][] = [[], [], []];
  for (let round = 0; round < 3; round++) {
    queries.forEach((q, i) => {
      let t0 = performance.now();
      recall.queryPrecedents(q);
      endToEnd[round].push(performance.now() - t0);
      t0 = performance.now();
      bare.search(partitionKey(q.category, q.campaign, false), vectors[i], 5);
      hnswOnly[round].push(performance.now() - t0);
    });
  }
  const best = (runs: number[][]): number[] => runs[0].map((_, i) => Math.min(runs[0][i], runs[1][i], runs[2][i]));
  let annHits = 0;
  let annTotal = 0;
  let rankHits = 0;
  let rankTotal = 0;
  queries.forEach((q, i) => {
    const vec = vectors[i];
    const p = partitionKey(q.category, q.campaign, false);
    const exact = (byPartition.get(p) ?? []).map((e) => ({ e, s: cosineSimilarity(vec, e.embedding) })).sort((a, b) => b.s - a.s);
    if (exact.length === 0) return;
    // Ties count: a neighbour as close as the exact 5th is a correct answer.
    const ann = bare.search(p, vec, 5);
    const kth = exact[Math.min(4, exact.length - 1)].s;
    annHits += ann.filter((a) => a.similarity >= kth - 1e-5).length;
    annTotal += Math.min(5, exact.length);
    // The same two stages, exactly: nearest candidates, similarity floor, then the rank.
    const ranked = exact
      .slice(0, candidateCount(5))
      .filter((x) => x.s >= MIN_SIMILARITY)
      .map(({ e, s }) => ({ id: e.id, r: rankScore(s, e.outcome, e.timeMs, NOW) }))
      .sort((a, b) => b.r - a.r);
    if (ranked.length === 0) return;
    const kthRank = ranked[Math.min(4, ranked.length - 1)].r;
    const rankOf = new Map(ranked.map((x) => [x.id, x.r]));
    const got = recall.queryPrecedents(q);
    rankHits += got.filter((g) => (rankOf.get(g.id) ?? -1) >= kthRank - 1e-5).length;
    rankTotal += Math.min(5, ranked.length);
  });
  const e2e = best(endToEnd);
  const hnsw = best(hnswOnly);
  const single = endToEnd.flat();
  const sizes = Object.values(stats.partitions);
  console.log(`\n${label}: ${n.toLocaleString('en-US')} episodes in ${sizes.length} partitions (largest ${Math.max(...sizes).toLocaleString('en-US')}), ${QUERIES} queries`);
  console.log(`  query (queryPrecedents, top 5)         p50 ${us(pct(e2e, 50))}  p99 ${us(pct(e2e, 99))}  (best of 3 per query)`);
  console.log(`                                         p50 ${us(pct(single, 50))}  p99 ${us(pct(single, 99))}  (every single run, ${single.length})`);
  console.log(`  bare HNSW search (k = 5)               p50 ${us(pct(hnsw, 50))}  p99 ${us(pct(hnsw, 99))}  (best of 3)`);
  console.log(`  recall@5 HNSW vs exact cosine          ${(annHits / annTotal).toFixed(4)}`);
  console.log(`  recall@5 ranked precedents vs exact    ${(rankHits / rankTotal).toFixed(4)}  (same two-stage ranking on exact neighbours)`);
  console.log(`  build from storage + save ${buildMs.toFixed(0)} ms (${stats.index}), load saved index ${loadMs.toFixed(0)} ms (${reopened.stats().index}), index on disk ${mb(indexBytes)}`);
  console.log(`  memory: measured ${mb(memAfter - memBefore)} (JS heap + native buffers, after GC); estimated ${mb(stats.estimatedBytes)} of the ${mb(stats.budgetBytes)} budget`);
  await recall.dispose();
  await reopened.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
}

if (!(globalThis as { gc?: unknown }).gc) console.log('(run with --expose-gc for steadier memory figures)');
await run('1,000 episodes, all faults, mixed campaigns', 1000, FAULTS, 'mixed');
await run('10,000 episodes, all faults, mixed campaigns', 10_000, FAULTS, 'mixed');
await run('10,000 episodes in ONE partition (worst case: all pack-off, production, real)', 10_000, ['pack-off'], 'production');
