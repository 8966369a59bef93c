// Optional text embedding of an episode (its resolution summary and advisory text), for when an
// embedding model is configured. Only the interface exists today: no model is shipped or
// loaded, and RamRecall matches on the physics signature alone (knowledge/embedding.ts).
// A backend would embed `episodeText(e)` and keep a second vector per episode in RamRecall.
import type { FleetEpisode } from '../../src-shared/fleet.js';

export interface TextEmbedder {
  /** Model name, recorded beside the vectors so a model change forces a re-embed. */
  readonly model: string;
  readonly dimensions: number;
  /** Unit-length vector of `dimensions` numbers. */
  embed(text: string): Promise<Float32Array>;
  dispose(): Promise<void>;
}

/** The text an episode is embedded from. */
export function episodeText(e: Pick<FleetEpisode, 'fault' | 'category' | 'resolutionSummary'>): string {
  return `${e.category} ${e.fault}: ${e.resolutionSummary}`;
}
