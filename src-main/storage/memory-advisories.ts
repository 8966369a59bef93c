// MemoryStore's advisories by id (a save replaces, as the LLM enrichment does in SQLite).
import type { Advisory } from '../../src-shared/advisory.js';
import { CopiesById } from './memory-copies.js';
import type { AdvisoryQuery } from './persistence.js';
import { advisoryMatches, clampLimit, compareAdvisoriesNewestFirst } from './query-filters.js';

export class MemoryAdvisories extends CopiesById<Advisory> {
  list(q: AdvisoryQuery): Advisory[] {
    return [...this.values()]
      .filter((a) => advisoryMatches(a, q))
      .sort(compareAdvisoriesNewestFirst)
      .slice(0, clampLimit(q.limit))
      .map((a) => structuredClone(a));
  }
}
