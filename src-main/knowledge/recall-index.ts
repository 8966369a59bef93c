// The HNSW indexes behind RamRecall (usearch): one per partition (category | campaign | real or
// false alarm), so a query is pre-filtered by construction and never walks another fault
// family's graph. Saved to <dataDir>/recall/ beside a manifest that names each file with its
// SHA-256: usearch crashes the process on a garbage file, so nothing reaches its loader
// unless the bytes are exactly the ones we wrote.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import usearch from 'usearch';
import { fsyncDir, writeFileAtomic } from '../storage/atomic-file.js';

const { Index, MetricKind, ScalarKind } = usearch;
type UsearchIndex = InstanceType<typeof Index>;

/** HNSW parameters: measured in tests/bench/recall.bench.ts (recall@5 >= 0.95 at 10,000). */
export const HNSW = { connectivity: 16, expansionAdd: 128, expansionSearch: 64 } as const;
const MANIFEST = 'manifest.json';
const FORMAT = 'sairen-recall-index';
const FORMAT_VERSION = 1;

export interface Neighbour {
  id: string;
  /** 1 - cosine distance. */
  similarity: number;
}

interface Partition {
  index: UsearchIndex;
  idByKey: Map<number, string>;
}

interface ManifestPartition {
  name: string;
  file: string;
  bytes: number;
  sha256: string;
  entries: [number, string][];
}

interface Manifest {
  format: string;
  version: number;
  usearch: string;
  dimensions: number;
  digest: string;
  nextKey: number;
  partitions: ManifestPartition[];
}

export type IndexLoad = { ok: true; index: PartitionedIndex } | { ok: false; reason: string };

const sha256 = (buf: Buffer): string => createHash('sha256').update(buf).digest('hex');

/** The installed usearch version: an index file is only read back by the release that wrote it. */
function usearchVersion(): string {
  try {
    let dir = path.dirname(createRequire(import.meta.url).resolve('usearch'));
    for (let i = 0; i < 6; i++, dir = path.dirname(dir)) {
      const file = path.join(dir, 'package.json');
      if (!fs.existsSync(file)) continue;
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'usearch') return pkg.version ?? 'unknown';
    }
  } catch {
    // fall through
  }
  return 'unknown';
}

const USEARCH_VERSION = usearchVersion();

export class PartitionedIndex {
  private readonly parts = new Map<string, Partition>();
  private readonly where = new Map<string, { partition: string; key: number }>();
  private nextKey = 1;

  constructor(readonly dimensions: number) {}

  private newIndex(): UsearchIndex {
    return new Index({
      dimensions: this.dimensions,
      metric: MetricKind.Cos,
      quantization: ScalarKind.F32,
      connectivity: HNSW.connectivity,
      expansion_add: HNSW.expansionAdd,
      expansion_search: HNSW.expansionSearch,
      multi: false,
    });
  }

  private partition(name: string): Partition {
    let p = this.parts.get(name);
    if (!p) this.parts.set(name, (p = { index: this.newIndex(), idByKey: new Map() }));
    return p;
  }

  get size(): number {
    return this.where.size;
  }

  has(id: string): boolean {
    return this.where.has(id);
  }

  partitionSizes(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [name, p] of this.parts) if (p.idByKey.size > 0) out[name] = p.idByKey.size;
    return out;
  }

  /** Adds many at once (one native call per partition); an id already present is replaced. */
  addAll(items: readonly { id: string; partition: string; vector: ArrayLike<number> }[]): void {
    const byPartition = new Map<string, { id: string; vector: ArrayLike<number> }[]>();
    for (const it of items) {
      this.remove(it.id);
      let list = byPartition.get(it.partition);
      if (!list) byPartition.set(it.partition, (list = []));
      list.push(it);
    }
    for (const [name, list] of byPartition) {
      const p = this.partition(name);
      const keys = new BigUint64Array(list.length);
      const matrix = new Float32Array(list.length * this.dimensions);
      list.forEach((it, i) => {
        if (it.vector.length !== this.dimensions) throw new Error(`vector of ${it.vector.length} numbers for ${it.id}, expected ${this.dimensions}`);
        const key = this.nextKey++;
        keys[i] = BigInt(key);
        matrix.set(it.vector, i * this.dimensions);
        p.idByKey.set(key, it.id);
        this.where.set(it.id, { partition: name, key });
      });
      p.index.add(keys, matrix, list.length > 256 ? 0 : 1);
    }
  }

  remove(id: string): boolean {
    const w = this.where.get(id);
    if (!w) return false;
    const p = this.parts.get(w.partition);
    if (p) {
      p.index.remove(BigInt(w.key));
      p.idByKey.delete(w.key);
    }
    this.where.delete(id);
    return true;
  }

  /** The k nearest in one partition, nearest first. */
  search(partition: string, vector: Float32Array, k: number): Neighbour[] {
    const p = this.parts.get(partition);
    if (!p || p.idByKey.size === 0 || k <= 0) return [];
    const m = p.index.search(vector, Math.min(k, p.idByKey.size), 1);
    const out: Neighbour[] = [];
    for (let i = 0; i < m.keys.length; i++) {
      const id = p.idByKey.get(Number(m.keys[i]));
      if (id !== undefined) out.push({ id, similarity: 1 - m.distances[i] });
    }
    return out;
  }

  /** Saves every partition and then the manifest (atomically); stale files are removed after. */
  save(dir: string, digest: string): void {
    fs.mkdirSync(dir, { recursive: true });
    const generation = `${Date.now().toString(36)}-${process.pid}`;
    const partitions: ManifestPartition[] = [];
    let n = 0;
    for (const [name, p] of this.parts) {
      if (p.idByKey.size === 0) continue;
      const file = `part-${generation}-${n++}.usearch`;
      const full = path.join(dir, file);
      p.index.save(full);
      const fd = fs.openSync(full, 'r');
      try {
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      const bytes = fs.readFileSync(full);
      partitions.push({ name, file, bytes: bytes.length, sha256: sha256(bytes), entries: [...p.idByKey.entries()] });
    }
    const manifest: Manifest = {
      format: FORMAT,
      version: FORMAT_VERSION,
      usearch: USEARCH_VERSION,
      dimensions: this.dimensions,
      digest,
      nextKey: this.nextKey,
      partitions,
    };
    writeFileAtomic(path.join(dir, MANIFEST), JSON.stringify(manifest));
    const keep = new Set([MANIFEST, ...partitions.map((p) => p.file)]);
    for (const f of fs.readdirSync(dir)) if (!keep.has(f)) fs.rmSync(path.join(dir, f), { force: true });
    fsyncDir(dir);
  }

  /** Loads a saved index if it matches `digest` (the stored episodes) bit for bit; else says why not. */
  static load(dir: string, dimensions: number, digest: string): IndexLoad {
    let manifest: Manifest;
    try {
      manifest = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), 'utf8')) as Manifest;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return { ok: false, reason: code === 'ENOENT' ? 'no saved index' : `index manifest unreadable (${(e as Error).message})` };
    }
    if (manifest?.format !== FORMAT || manifest.version !== FORMAT_VERSION || !Array.isArray(manifest.partitions)) {
      return { ok: false, reason: 'index manifest of an unknown format' };
    }
    if (manifest.usearch !== USEARCH_VERSION) return { ok: false, reason: `index written by usearch ${manifest.usearch}, running ${USEARCH_VERSION}` };
    if (manifest.dimensions !== dimensions) return { ok: false, reason: `index of ${manifest.dimensions} dimensions, expected ${dimensions}` };
    if (manifest.digest !== digest) return { ok: false, reason: 'index does not match the stored episodes' };
    const out = new PartitionedIndex(dimensions);
    for (const mp of manifest.partitions) {
      const full = path.join(dir, path.basename(String(mp.file)));
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(full);
      } catch {
        return { ok: false, reason: `index file ${mp.file} missing` };
      }
      if (bytes.length !== mp.bytes || sha256(bytes) !== mp.sha256) return { ok: false, reason: `index file ${mp.file} is corrupt (checksum)` };
      const p = out.partition(String(mp.name));
      try {
        p.index.load(full);
      } catch (e) {
        return { ok: false, reason: `index file ${mp.file} did not load (${(e as Error).message})` };
      }
      if (p.index.size() !== mp.entries.length || p.index.dimensions() !== dimensions) {
        return { ok: false, reason: `index file ${mp.file} holds ${p.index.size()} vectors, manifest says ${mp.entries.length}` };
      }
      for (const [key, id] of mp.entries) {
        p.idByKey.set(key, id);
        out.where.set(id, { partition: mp.name, key });
      }
    }
    out.nextKey = Math.max(1, Number(manifest.nextKey) || 1);
    return { ok: true, index: out };
  }
}
