// Save, then publish: an advisory exists for the driller only once it is committed (or, on a
// failed disk, once the failure is logged: the driller is never kept from an advisory). Also
// takes the LLM's late answers and republishes the same advisory id with the enriched text.
import type { Advisory, VerificationResult } from '../../src-shared/advisory.js';
import { AdvisoryComposer } from '../advisory/composer.js';
import type { AdvisoryEnricher, EnrichmentOutcome } from '../llm/enricher.js';
import type { PersistenceLayer } from '../storage/persistence.js';
import type { EventBus } from './event-bus.js';

export interface AdvisoryPublisherDeps {
  storage: PersistenceLayer;
  enricher: AdvisoryEnricher;
  events: EventBus;
  composer: AdvisoryComposer;
  log: (line: string) => void;
}

export class AdvisoryPublisher {
  private currentAdvisory: Advisory | null = null;
  private verification: VerificationResult | null = null;
  private readonly unsubscribe: () => void;

  constructor(private readonly d: AdvisoryPublisherDeps) {
    this.unsubscribe = d.enricher.onOutcome((o) => void this.onEnrichment(o));
  }

  get current(): Advisory | null {
    return this.currentAdvisory;
  }
  get latestVerification(): VerificationResult | null {
    return this.verification;
  }

  /** The advisory by id: the one on screen without I/O, else from storage. */
  async find(id: string): Promise<Advisory | null> {
    return this.currentAdvisory?.id === id ? this.currentAdvisory : this.d.storage.getAdvisory(id);
  }

  /** Diagnostics: published first, saved after. */
  verified(v: VerificationResult): void {
    this.verification = v;
    this.d.events.emit('verification', v);
    this.d.storage.saveVerification(v).catch((e) => this.d.log(`verification not saved: ${(e as Error).message}`));
  }

  async publish(a: Advisory): Promise<void> {
    try {
      await this.d.storage.saveAdvisory(a);
    } catch (e) {
      // Never hide an advisory from the driller because the disk failed; health shows it.
      this.d.log(`advisory ${a.id} not saved: ${(e as Error).message}`);
    }
    const cur = this.currentAdvisory;
    if (!cur || cur.id === a.id || a.timeMs >= cur.timeMs) this.currentAdvisory = a;
    this.d.events.emit('advisory', a);
  }

  /** A feed switch: what was on screen belonged to the old feed. */
  clear(): void {
    this.currentAdvisory = null;
    this.verification = null;
  }

  dispose(): void {
    this.unsubscribe();
  }

  private async onEnrichment(o: EnrichmentOutcome): Promise<void> {
    const stored = await this.find(o.advisoryId);
    if (!stored) return;
    if (o.kind === 'fallback') this.d.log(`LLM fallback for ${o.advisoryId}: ${o.reason}`);
    const next: Advisory = o.kind === 'enriched' ? this.d.composer.enrich(stored, o.text) : { ...stored, llmFallbackReason: o.reason };
    await this.publish(next);
  }
}
