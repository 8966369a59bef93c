import type { AnomalyCategory, FaultKind, Precedent } from '../../src-shared/advisory.js';
import type { Campaign } from '../../src-shared/campaign.js';
import type { EpisodeSignature } from '../../src-shared/fleet.js';

export interface PrecedentQuery {
  category: AnomalyCategory;
  fault: FaultKind;
  campaign: Campaign;
  depthFt: number | null;
  limit: number;
  /** Data time of the event asking (the ticket's); recall measures recency from it, never the clock. */
  timeMs?: number;
  /** The event's key metrics and history-window trends; recall matches on them. */
  signature?: EpisodeSignature;
  /** Recall leaves out episodes marked false alarm unless asked. */
  includeFalsePositive?: boolean;
}

/** Where past events come from: nothing, a static knowledge base, or RAM recall of episodes. */
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
