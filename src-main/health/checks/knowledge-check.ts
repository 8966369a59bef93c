// The knowledge store behind the precedents: RAM recall, else the static knowledge base. Recall
// unhealthy -> no precedents at all (the NoOp store, DOMAIN.md §13): a broken recall must not look
// like "no fleet history". The selector switches by itself; the heal says so.
import type { KnowledgeSelector } from '../../knowledge/select-store.js';
import { degraded, fallbackActivated, healthy, type CheckResult, type HealAction, type HealthCheck } from '../health-check.js';

export class KnowledgeCheck implements HealthCheck {
  readonly name = 'knowledge';
  readonly healsDegraded = true;

  constructor(private readonly knowledge: Pick<KnowledgeSelector, 'isHealthy' | 'detail'>) {}

  check(): CheckResult {
    const detail = this.knowledge.detail();
    return this.knowledge.isHealthy() ? healthy(detail) : degraded(detail || 'knowledge store unavailable: no precedents');
  }

  async heal(): Promise<HealAction> {
    return fallbackActivated('advisories carry no precedents (NoOp store) until the store answers again; a restart rebuilds the recall index from the stored episodes');
  }
}
