// Which knowledge answers a confirmed ticket: RAM recall when it is enabled (knowledge.
// recall_enabled, read on every query so a config change applies at once), else the static
// knowledge base, else nothing. Recall unhealthy -> no precedents at all (NoOp, DOMAIN.md §13):
// a broken recall must not look like "no fleet history". When recall finds fewer than asked
// (a new rig with few episodes), the rest are filled from the static knowledge base, after
// recall's, so a single rig on day one still sees the textbook precedents.
import type { Precedent } from '../../src-shared/advisory.js';
import { NoOpStore, type KnowledgeStore, type PrecedentQuery } from './knowledge-store.js';

export interface RecallLike extends KnowledgeStore {
  stats(): { episodes: number; capacity: number; estimatedBytes: number; budgetBytes: number; index: string; lastError: string | null };
}

export interface KnowledgeChoice {
  recall: RecallLike | null;
  /** The static knowledge base (or NoOp when there is none). */
  fallback: KnowledgeStore;
  recallEnabled: () => boolean;
}

const MB = 1024 * 1024;

export class KnowledgeSelector implements KnowledgeStore {
  private readonly none = new NoOpStore();

  constructor(private readonly c: KnowledgeChoice) {}

  /** The store that answers now: 'recall', 'static', 'none'. */
  get name(): string {
    return this.active().name;
  }

  private active(): KnowledgeStore {
    const { recall } = this.c;
    if (recall && this.c.recallEnabled()) return recall.isHealthy() ? recall : this.none;
    return this.c.fallback;
  }

  queryPrecedents(q: PrecedentQuery): Precedent[] {
    const store = this.active();
    const found = store.queryPrecedents(q);
    if (store !== this.c.recall || found.length >= q.limit) return found;
    return [...found, ...this.c.fallback.queryPrecedents({ ...q, limit: q.limit - found.length })];
  }

  isHealthy(): boolean {
    const { recall } = this.c;
    return recall && this.c.recallEnabled() ? recall.isHealthy() : this.c.fallback.isHealthy();
  }

  /** One line for the health view: which store, and recall's size against its budget. */
  detail(): string {
    const { recall } = this.c;
    if (!recall || !this.c.recallEnabled()) return `${this.c.fallback.name === 'static' ? 'static knowledge base' : 'no knowledge store'}${recall ? ' (recall disabled)' : ''}`;
    const s = recall.stats();
    const size = `${s.episodes.toLocaleString('en-US')} of ${s.capacity.toLocaleString('en-US')} episodes, ~${(s.estimatedBytes / MB).toFixed(1)} MB of ${(s.budgetBytes / MB).toFixed(0)} MB budget`;
    if (!recall.isHealthy()) return `recall unavailable, no precedents: ${s.lastError ?? size}`;
    return `recall: ${size}${s.lastError ? `; ${s.lastError}` : ''}`;
  }
}
