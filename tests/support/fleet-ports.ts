// In-memory stand-ins for the upload queue and RAM Recall, for fleet client tests that run before
// those land (the real ones are disk- and usearch-backed; the interfaces are the same). The
// hub, HTTP, PostgreSQL and zstd around them are real. Also a virtual clock for long outages.
import type { FleetEpisode, FleetEvent, FleetOutcome } from '../../src-shared/fleet.js';
import type { EpisodeSink, Sleeper, UploadQueue } from '../../src-main/fleet/ports.js';

export class MemoryUploadQueue implements UploadQueue {
  readonly events = new Map<string, { event: FleetEvent; uploaded: boolean }>();
  readonly outcomes = new Map<string, { outcome: FleetOutcome; notes: string }>();

  async enqueue(event: FleetEvent): Promise<boolean> {
    if (this.events.has(event.id)) return false;
    this.events.set(event.id, { event: structuredClone(event), uploaded: false });
    return true;
  }
  async pending(limit: number): Promise<FleetEvent[]> {
    return [...this.events.values()].filter((e) => !e.uploaded).sort((a, b) => a.event.timeMs - b.event.timeMs).slice(0, limit).map((e) => structuredClone(e.event));
  }
  async markUploaded(id: string): Promise<void> {
    const e = this.events.get(id);
    if (e) e.uploaded = true;
  }
  async updateOutcome(id: string, outcome: FleetOutcome, notes = ''): Promise<boolean> {
    const e = this.events.get(id);
    if (!e) return false;
    e.event.outcome = outcome;
    e.event.notes = notes;
    if (e.uploaded) this.outcomes.set(id, { outcome, notes });
    return true;
  }
  async pendingOutcomes(limit: number): Promise<{ id: string; outcome: FleetOutcome; notes: string }[]> {
    return [...this.outcomes.entries()].slice(0, limit).map(([id, o]) => ({ id, ...o }));
  }
  async markOutcomeForwarded(id: string): Promise<void> {
    this.outcomes.delete(id);
  }
  stats() {
    const all = [...this.events.values()];
    const waiting = all.filter((e) => !e.uploaded);
    return { queued: waiting.length, uploaded: all.length - waiting.length, unsentCritical: waiting.filter((e) => e.event.riskLevel === 'Critical').length, bytes: 0 };
  }
}

export class MemoryEpisodeSink implements EpisodeSink {
  readonly episodes = new Map<string, FleetEpisode>();
  upserted = 0;
  removed = 0;
  upsertEpisodes(episodes: FleetEpisode[]): void {
    this.upserted += episodes.length;
    for (const e of episodes) this.episodes.set(e.id, e);
  }
  removeEpisodes(ids: string[]): void {
    this.removed += ids.length;
    for (const id of ids) this.episodes.delete(id);
  }
}

/** Every wait advances virtual time at once: a day of retries runs in a second. */
export class VirtualClock implements Sleeper {
  readonly waits: number[] = [];
  constructor(public nowMs: number) {}
  clock = (): number => this.nowMs;
  sleep(ms: number): Promise<void> {
    this.waits.push(ms);
    this.nowMs += ms;
    return new Promise((resolve) => setImmediate(resolve));
  }
}

export async function waitFor(cond: () => boolean | Promise<boolean>, timeoutMs = 20_000, what = 'condition'): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
