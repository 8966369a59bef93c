// Recall's bookkeeping: which episodes the capacity cap evicts, what the index holds (digest),
// and how much memory it takes (estimate, calibrated against the heap in tests/bench/recall.bench.ts).
import { createHash } from 'node:crypto';
import type { FleetEpisode } from '../../src-shared/fleet.js';

/**
 * The `count` episodes to evict: the oldest non-critical first; critical ones (RED) only once
 * no other is left, oldest first. Ties go to the id so the choice is deterministic.
 */
export function pickEvictions(episodes: Iterable<Pick<FleetEpisode, 'id' | 'timeMs' | 'riskLevel'>>, count: number): string[] {
  if (count <= 0) return [];
  const sorted = [...episodes].sort((a, b) => {
    const ca = a.riskLevel === 'Critical' ? 1 : 0;
    const cb = b.riskLevel === 'Critical' ? 1 : 0;
    return ca - cb || a.timeMs - b.timeMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
  return sorted.slice(0, count).map((e) => e.id);
}

/** A short hash of a vector as the index stores it (float32). */
export function vectorHash(v: readonly number[]): string {
  const f = Float32Array.from(v);
  return createHash('sha1').update(Buffer.from(f.buffer, f.byteOffset, f.byteLength)).digest('hex').slice(0, 16);
}

/** Order-independent identity of the indexed set: a saved index is reused only if this matches. */
export function episodeDigest(items: Iterable<{ id: string; partition: string; vectorHash: string }>): string {
  const lines = [...items].map((i) => `${i.id}\t${i.partition}\t${i.vectorHash}`).sort();
  const h = createHash('sha256');
  for (const l of lines) h.update(l).update('\n');
  return h.digest('hex');
}

/**
 * Native index bytes per episode: the float32 vector, the HNSW base layer (2M neighbour slots
 * of 4 bytes), the upper layers (~1/M of nodes, M slots each) and usearch's node header.
 */
export function indexBytesPerEpisode(dimensions: number, connectivity: number): number {
  return dimensions * 4 + 2 * connectivity * 4 + 4 * connectivity / Math.max(1, connectivity - 1) * connectivity + 48;
}

/** JS heap bytes of one episode held without its embedding: its text twice over plus object overhead. */
export function estimateEpisodeBytes(e: FleetEpisode): number {
  const textChars = e.id.length * 3 + e.eventId.length + e.sourceRigId.length + e.wellId.length + e.resolutionSummary.length;
  const outcomeChars = e.outcome.kind === 'Resolved' ? e.outcome.action.length : e.outcome.kind === 'Escalated' ? e.outcome.reason.length : 0;
  // 1,300: the object, its key-metrics and outcome objects, and the map entries (measured ~1.9 kB
  // per episode in total with the native index in tests/bench/recall.bench.ts).
  return 2 * (textChars + outcomeChars) + 1300;
}
