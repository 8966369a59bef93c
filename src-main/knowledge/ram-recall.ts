// RAM Recall (DOMAIN.md §14): "has any rig seen this before, and what worked?" Episodes (this
// rig's confirmed advisories with an outcome, and the fleet library) are held in RAM with one
// HNSW index per category | campaign | real-or-false-alarm, so a query is pre-filtered before it
// searches. Candidates are re-ranked by similarity, outcome and recency (recall-scoring.ts).
// The episodes themselves live in storage; the index is saved to <dataDir>/recall and rebuilt
// from storage when the saved one is missing, stale or corrupt.
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { AnomalyCategory, Precedent } from '../../src-shared/advisory.js';
import type { Campaign } from '../../src-shared/campaign.js';
import { FleetEpisodeSchema, type FleetEpisode } from '../../src-shared/fleet.js';
import { EMBEDDING_DIMENSIONS, embedSignature, isUsableEmbedding, levelsOnlySignature } from '../../src-shared/episode-embedding.js';
import type { KnowledgeStore, PrecedentQuery } from './knowledge-store.js';
import { episodeDigest, estimateEpisodeBytes, indexBytesPerEpisode, pickEvictions, vectorHash } from './recall-capacity.js';
import { HNSW, PartitionedIndex } from './recall-index.js';
import { candidateCount, MIN_SIMILARITY, precedentOf, rankScore } from './recall-scoring.js';

export const DEFAULT_RECALL_CAPACITY = 10_000;
/** Budget per episode of capacity: 10,000 episodes ~ 50 MB (DOMAIN.md §14). */
export const BUDGET_BYTES_PER_EPISODE = 5_000;
export const RECALL_DIR = 'recall';
/** Episodes indexed per event-loop turn, so a big rebuild or library sync never stalls packets. */
const INDEX_CHUNK = 500;

export interface EpisodeStore {
  listEpisodes(): Promise<FleetEpisode[]>;
  upsertEpisodes(episodes: readonly FleetEpisode[]): Promise<void>;
  removeEpisodes(ids: readonly string[]): Promise<number>;
}

export interface RamRecallOptions {
  store: EpisodeStore;
  /** The data directory; the index goes to <dataDir>/recall. null = not saved (tests, replays). */
  dataDir: string | null;
  capacity?: number;
  budgetBytes?: number;
  /** Save the index this long after the last change; 0 = only on flush() and dispose(). */
  saveDelayMs?: number;
  log?: (line: string) => void;
}

export interface RecallStats {
  episodes: number;
  capacity: number;
  /** Episodes per partition ("Mechanical|production|real"). */
  partitions: Record<string, number>;
  estimatedBytes: number;
  budgetBytes: number;
  /** Where the index came from at start. */
  index: 'loaded' | 'rebuilt' | 'empty' | 'failed';
  rebuildReason: string | null;
  /** Episodes evicted by the capacity cap since start. */
  evicted: number;
  lastError: string | null;
}

/** An episode as held in RAM: the vector lives in the index, only its hash here. */
type EpisodeInfo = Omit<FleetEpisode, 'embedding'> & { bytes: number; vectorHash: string };

export function partitionKey(category: AnomalyCategory, campaign: Campaign, falseAlarm: boolean): string {
  return `${category}|${campaign}|${falseAlarm ? 'false-alarm' : 'real'}`;
}

const partitionOf = (e: Pick<FleetEpisode, 'category' | 'campaign' | 'outcome'>): string =>
  partitionKey(e.category, e.campaign, e.outcome.kind === 'FalsePositive');

/** The stored embedding when it fits this release, else one re-made from the key metrics. */
function vectorOf(e: FleetEpisode): number[] {
  if (isUsableEmbedding(e.embedding)) return e.embedding;
  return embedSignature(levelsOnlySignature(e.keyMetrics, e.depthFromFt, e.depthToFt), e.fault, e.depthToFt ?? e.depthFromFt);
}

const NO_METRICS = levelsOnlySignature(
  { mseEfficiencyPercent: null, flowBalanceGpm: null, pitRateBblHr: null, dExponent: null, torqueDeltaFraction: null, sppDeltaPsi: null, ecdMarginPpg: null, ropFtHr: null },
  null,
  null,
);

export class RamRecall implements KnowledgeStore {
  readonly name = 'recall';
  private readonly episodes = new Map<string, EpisodeInfo>();
  private index = new PartitionedIndex(EMBEDDING_DIMENSIONS);
  private readonly capacity: number;
  private readonly budgetBytes: number;
  private readonly dir: string | null;
  private readonly log: (line: string) => void;
  private jsBytes = 0;
  private origin: RecallStats['index'] = 'empty';
  private rebuildReason: string | null = null;
  private evicted = 0;
  private lastError: string | null = null;
  private failed = false;
  private dirty = false;
  private saveTimer: NodeJS.Timeout | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  private disposed = false;

  private constructor(private readonly o: RamRecallOptions) {
    this.capacity = Math.max(1, Math.floor(o.capacity ?? DEFAULT_RECALL_CAPACITY));
    this.budgetBytes = o.budgetBytes ?? this.capacity * BUDGET_BYTES_PER_EPISODE;
    this.dir = o.dataDir ? path.join(o.dataDir, RECALL_DIR) : null;
    this.log = o.log ?? (() => {});
  }

  /** Loads the episodes and the saved index (or rebuilds it). Never throws: a failure leaves it unhealthy. */
  static async open(o: RamRecallOptions): Promise<RamRecall> {
    const r = new RamRecall(o);
    try {
      await r.load();
    } catch (e) {
      r.failed = true;
      r.origin = 'failed';
      r.lastError = `recall could not start: ${(e as Error).message}`;
      r.log(r.lastError);
    }
    return r;
  }

  private async load(): Promise<void> {
    let stored = await this.o.store.listEpisodes();
    const victims = pickEvictions(stored, stored.length - this.capacity);
    if (victims.length > 0) {
      await this.o.store.removeEpisodes(victims);
      const gone = new Set(victims);
      stored = stored.filter((e) => !gone.has(e.id));
      this.evicted += victims.length;
    }
    const items = stored.map((e) => ({ id: e.id, partition: partitionOf(e), vector: vectorOf(e) }));
    stored.forEach((e, i) => this.remember(e, items[i].vector));
    if (items.length === 0) return;
    const digest = this.currentDigest();
    const loaded = this.dir ? PartitionedIndex.load(this.dir, EMBEDDING_DIMENSIONS, digest) : { ok: false as const, reason: 'index not saved (no data directory)' };
    if (loaded.ok) {
      this.index = loaded.index;
      this.origin = 'loaded';
      return;
    }
    await this.indexInChunks(items);
    this.origin = 'rebuilt';
    this.rebuildReason = loaded.reason;
    this.log(`recall index rebuilt from ${items.length} stored episodes: ${loaded.reason}`);
    this.dirty = this.dir !== null;
    this.saveNow(digest);
  }

  private async indexInChunks(items: { id: string; partition: string; vector: number[] }[]): Promise<void> {
    for (let i = 0; i < items.length; i += INDEX_CHUNK) {
      if (i > 0) await nextTurn();
      this.index.addAll(items.slice(i, i + INDEX_CHUNK));
    }
  }

  private remember(e: FleetEpisode, vector: readonly number[]): void {
    const { embedding: _drop, ...info } = e;
    const bytes = estimateEpisodeBytes(e);
    const old = this.episodes.get(e.id);
    if (old) this.jsBytes -= old.bytes;
    this.episodes.set(e.id, { ...info, bytes, vectorHash: vectorHash(vector) });
    this.jsBytes += bytes;
  }

  private forget(id: string): void {
    const old = this.episodes.get(id);
    if (!old) return;
    this.jsBytes -= old.bytes;
    this.episodes.delete(id);
    this.index.remove(id);
  }

  queryPrecedents(q: PrecedentQuery): Precedent[] {
    if (q.limit <= 0 || this.failed || this.episodes.size === 0) return [];
    const vector = Float32Array.from(embedSignature(q.signature ?? NO_METRICS, q.fault, q.depthFt));
    const pool = candidateCount(q.limit);
    const partitions = [partitionKey(q.category, q.campaign, false)];
    if (q.includeFalsePositive) partitions.push(partitionKey(q.category, q.campaign, true));
    // No query time given: measure recency from the newest episode (data time, never the clock).
    const queryMs = q.timeMs ?? this.newestEpisodeMs();
    const ranked: { e: EpisodeInfo; similarity: number; rank: number }[] = [];
    for (const p of partitions) {
      for (const n of this.index.search(p, vector, pool)) {
        const e = this.episodes.get(n.id);
        if (e && n.similarity >= MIN_SIMILARITY) ranked.push({ e, similarity: n.similarity, rank: rankScore(n.similarity, e.outcome, e.timeMs, queryMs) });
      }
    }
    ranked.sort((a, b) => b.rank - a.rank || (a.e.id < b.e.id ? -1 : a.e.id > b.e.id ? 1 : 0));
    return ranked.slice(0, q.limit).map((r) => precedentOf({ ...r.e, embedding: [] }, r.similarity, queryMs));
  }

  private newestEpisodeMs(): number {
    let t = -Infinity;
    for (const e of this.episodes.values()) if (e.timeMs > t) t = e.timeMs;
    return Number.isFinite(t) ? t : 0;
  }

  /** Adds or replaces episodes (fleet library sync, local outcomes): stored first, then indexed. */
  upsertEpisodes(episodes: FleetEpisode[]): Promise<void> {
    return this.serial(async () => {
      const valid = new Map<string, FleetEpisode>();
      for (const e of episodes) {
        const r = FleetEpisodeSchema.safeParse(e);
        if (r.success) valid.set(e.id, r.data);
        else this.log(`recall: episode ${String((e as { id?: unknown })?.id)} refused: ${r.error.issues[0]?.message}`);
      }
      if (valid.size === 0) return;
      const list = [...valid.values()];
      await this.o.store.upsertEpisodes(list);
      const items = list.map((e) => ({ id: e.id, partition: partitionOf(e), vector: vectorOf(e) }));
      await this.indexInChunks(items);
      list.forEach((e, i) => this.remember(e, items[i].vector));
      await this.enforceCapacity();
      this.changed();
    });
  }

  /** Removes episodes (library pruning); returns how many were held. */
  removeEpisodes(ids: string[]): Promise<number> {
    return this.serial(async () => {
      if (ids.length === 0) return 0;
      await this.o.store.removeEpisodes(ids);
      let n = 0;
      for (const id of ids) {
        if (this.episodes.has(id)) n++;
        this.forget(id);
      }
      if (n > 0) this.changed();
      return n;
    });
  }

  private async enforceCapacity(): Promise<void> {
    const excess = this.episodes.size - this.capacity;
    if (excess <= 0) return;
    const victims = pickEvictions([...this.episodes.values()], excess);
    await this.o.store.removeEpisodes(victims);
    for (const id of victims) this.forget(id);
    this.evicted += victims.length;
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.chain.then(fn, fn);
    this.chain = next.catch((e: unknown) => {
      this.lastError = (e as Error).message;
    });
    return next;
  }

  private changed(): void {
    if (!this.dir) return;
    this.dirty = true;
    const delay = this.o.saveDelayMs ?? 10_000;
    if (delay <= 0 || this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      void this.flush();
    }, delay);
    this.saveTimer.unref();
  }

  /** Saves the index now if it changed since the last save. */
  flush(): Promise<void> {
    return this.serial(async () => this.saveNow());
  }

  private saveNow(digest?: string): void {
    if (!this.dir || !this.dirty) return;
    try {
      this.index.save(this.dir, digest ?? this.currentDigest());
      this.dirty = false;
    } catch (e) {
      this.lastError = `recall index not saved: ${(e as Error).message}`;
      this.log(this.lastError);
    }
  }

  /** Identifies the episodes the index holds (id, partition, vector), to tell a stale saved index. */
  private currentDigest(): string {
    const items: { id: string; partition: string; vectorHash: string }[] = [];
    for (const e of this.episodes.values()) items.push({ id: e.id, partition: partitionOf(e), vectorHash: e.vectorHash });
    return episodeDigest(items);
  }

  isHealthy(): boolean {
    return !this.failed && this.estimatedBytes() <= this.budgetBytes;
  }

  private estimatedBytes(): number {
    return this.episodes.size * indexBytesPerEpisode(EMBEDDING_DIMENSIONS, HNSW.connectivity) + this.jsBytes;
  }

  stats(): RecallStats {
    return {
      episodes: this.episodes.size,
      capacity: this.capacity,
      partitions: this.index.partitionSizes(),
      estimatedBytes: this.estimatedBytes(),
      budgetBytes: this.budgetBytes,
      index: this.origin,
      rebuildReason: this.rebuildReason,
      evicted: this.evicted,
      lastError: this.lastError,
    };
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    await this.flush();
  }
}
