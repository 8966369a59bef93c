// MemoryStore's outcomes (appended; the newest per advisory counts) and recall episodes (a
// library replaced by id, listed oldest first).
import type { Advisory } from '../../src-shared/advisory.js';
import type { FleetEpisode } from '../../src-shared/fleet.js';
import type { OutcomeRecord, OutcomeStat } from '../../src-shared/outcome.js';
import { buildOutcomeStats } from './outcome-stats.js';
import type { OutcomeQuery } from './persistence.js';
import { clampLimit, inTimeRange, newestFirst } from './query-filters.js';

export class MemoryFleetRecords {
  private readonly outcomes: OutcomeRecord[] = [];
  private readonly episodes = new Map<string, FleetEpisode>();

  recordOutcome(o: Omit<OutcomeRecord, 'seq'>): OutcomeRecord {
    const saved: OutcomeRecord = { seq: this.outcomes.length + 1, ...structuredClone(o) };
    this.outcomes.push(saved);
    return structuredClone(saved);
  }

  listOutcomes(q: OutcomeQuery): OutcomeRecord[] {
    return newestFirst(this.outcomes, clampLimit(q.limit), (o) => (q.advisoryId === undefined || o.advisoryId === q.advisoryId) && inTimeRange(o.timeMs, q));
  }

  /** The advisories in range by fault, each counted by its newest outcome. */
  outcomeStats(advisories: Iterable<Advisory>, q: { sinceMs?: number; untilMs?: number }): OutcomeStat[] {
    const latest = new Map<string, OutcomeRecord['outcome']['kind']>();
    for (const o of this.outcomes) latest.set(o.advisoryId, o.outcome.kind); // seq order: the last wins
    const rows = [...advisories]
      .filter((a) => inTimeRange(a.timeMs, q))
      .map((a) => ({ fault: a.fault, category: a.category, outcome: latest.get(a.id) ?? null }));
    return buildOutcomeStats(rows);
  }

  upsertEpisodes(episodes: readonly FleetEpisode[]): void {
    for (const e of episodes) this.episodes.set(e.id, structuredClone(e));
  }

  removeEpisodes(ids: readonly string[]): number {
    let n = 0;
    for (const id of ids) if (this.episodes.delete(id)) n++;
    return n;
  }

  listEpisodes(): FleetEpisode[] {
    return [...this.episodes.values()]
      .sort((a, b) => a.timeMs - b.timeMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((e) => structuredClone(e));
  }
}
