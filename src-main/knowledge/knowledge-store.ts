import type { AnomalyCategory, FaultKind, Precedent } from '../../src-shared/advisory.js';
import type { Campaign } from '../../src-shared/campaign.js';

export interface PrecedentQuery {
  category: AnomalyCategory;
  fault: FaultKind;
  campaign: Campaign;
  depthFt: number | null;
  limit: number;
}

/** Where past events come from: nothing, a static knowledge base, fleet recall later. */
export interface KnowledgeStore {
  readonly name: string;
  queryPrecedents(q: PrecedentQuery): Precedent[];
  isHealthy(): boolean;
}

export class NoOpStore implements KnowledgeStore {
  readonly name = 'none';
  queryPrecedents(): Precedent[] {
    return [];
  }
  isHealthy(): boolean {
    return true;
  }
}
