// How the pipeline hands confirmed advisories to the LLM layer without waiting for it.
import type { Advisory, LlmAdvisoryText } from '../../src-shared/advisory.js';
import type { LiveStatus } from '../../src-shared/status.js';
import type { Ticket, VerificationResult } from '../../src-shared/advisory.js';

export interface EnrichmentRequest {
  advisory: Advisory;
  ticket: Ticket;
  verification: VerificationResult;
}

export type EnrichmentOutcome =
  | { kind: 'enriched'; advisoryId: string; text: LlmAdvisoryText }
  | { kind: 'fallback'; advisoryId: string; reason: string };

/**
 * Accepts requests and calls back later. `submit` must return at once: the hot path calls it.
 * The template-only implementation answers nothing.
 */
export interface AdvisoryEnricher {
  submit(req: EnrichmentRequest, nowMs: number): void;
  onOutcome(listener: (o: EnrichmentOutcome) => void): () => void;
  status(): LiveStatus['llm'];
  setModel(path: string, enabled: boolean): Promise<LiveStatus['llm']>;
  /** True when repeated failures switched the model off or it failed to load (the self-healer re-probes it). */
  needsRetry(): boolean;
  /** Re-enables the current model after a failure switch. */
  retry(): Promise<LiveStatus['llm']>;
  dispose(): Promise<void>;
}
