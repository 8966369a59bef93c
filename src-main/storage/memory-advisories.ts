// MemoryStore's advisories by id (a save replaces, as the LLM enrichment does in SQLite).
import type { Advisory } from '../../src-shared/advisory.js';
import type { AdvisoryQuery } from './persistence.js';
import { advisoryMatches, clampLimit, compareAdvisoriesNewestFirst } from './query-filters.js';

export class MemoryAdvisories {
  private readonly byId = new Map<string, Advisory>();

  save(a: Advisory): void {
    this.byId.set(a.id, structuredClone(a));
  }

  get(id: string): Advisory | null {
    const a = this.byId.get(id);
    return a ? structuredClone(a) : null;
  }

  list(q: AdvisoryQuery): Advisory[] {
    return [...this.byId.values()]
      .filter((a) => advisoryMatches(a, q))
      .sort(compareAdvisoriesNewestFirst)
      .slice(0, clampLimit(q.limit))
      .map((a) => structuredClone(a));
  }

  /** Every advisory as kept (not copies: for summaries that only read). */
  all(): Iterable<Advisory> {
    return this.byId.values();
  }
}
