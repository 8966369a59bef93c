// Builds the advisory a driller sees from a verified, voted ticket: template text now (the
// LLM may enrich it later under the same id). Drops a repeat CRITICAL inside the critical
// cooldown (ticket time, not wall clock, so replays behave like live). Pure apart from the
// cooldown memory.
import type {
  Advisory,
  FaultKind,
  LlmAdvisoryText,
  Precedent,
  Ticket,
  VerificationResult,
} from '../../src-shared/advisory.js';
import type { Campaign } from '../../src-shared/campaign.js';
import type { WellConfig } from '../../src-shared/config.js';
import type { FormationOptimum } from '../../src-shared/ml.js';
import type { Consensus } from '../agents/orchestrator.js';
import type { EffectiveThresholds } from '../physics/thresholds.js';
import { rich } from '../../src-shared/quantity.js';
import { plainText } from './templates/common.js';
import { TEMPLATE_CONFIDENCE, renderTemplateParts } from './templates/index.js';

export interface ComposeInput {
  ticket: Ticket;
  verification: VerificationResult;
  consensus: Consensus;
  precedents: readonly Precedent[];
  campaign: Campaign;
  thresholds: EffectiveThresholds;
  /** The ML optimum for the formation being drilled, when one applies (founder / MSE texts quote it). */
  optimum?: FormationOptimum | null;
}

/** FNV-1a, 32 bit: a small, stable hash (no randomness: replays give the same ids). */
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function advisoryId(ticketId: string, timeMs: number): string {
  return `ADV-${fnv1a32(`${ticketId}|${timeMs}`).toString(16).padStart(8, '0')}`;
}

function precedentSummary(precedents: readonly Precedent[]): string {
  if (precedents.length === 0) return 'Precedents: none in the knowledge base.';
  return `Precedents: ${precedents.map((p) => `${p.summary} [${p.source}]`).join(' | ')}`;
}

export class AdvisoryComposer {
  /**
   * Last CRITICAL advisory per fault. The cooldown limits repeats of one fault: a critical
   * optimisation note (MSE, founder) must never hold back a pack-off or a kick seconds later.
   */
  private readonly lastCriticalMs = new Map<FaultKind, number>();
  private readonly getConfig: () => WellConfig;

  constructor(config: WellConfig | (() => WellConfig)) {
    this.getConfig = typeof config === 'function' ? config : () => config;
  }

  /** null when a CRITICAL repeat of the same fault is suppressed by the critical cooldown. */
  compose({ ticket, verification, consensus, precedents, campaign, thresholds, optimum }: ComposeInput): Advisory | null {
    const config = this.getConfig();
    const severity = consensus.severity;
    if (severity === 'CRITICAL') {
      const cooldownMs = config.advisory.critical_cooldown_seconds * 1000;
      const last = this.lastCriticalMs.get(ticket.fault);
      if (last !== undefined && ticket.timeMs - last < cooldownMs) return null;
      this.lastCriticalMs.set(ticket.fault, ticket.timeMs);
    }
    const drafted = renderTemplateParts({ ticket, verification, consensus, campaign, config, thresholds, optimum });
    const parts = { ...drafted, reasoning: rich`${drafted.reasoning} ${precedentSummary(precedents)}` };
    return {
      id: advisoryId(ticket.id, ticket.timeMs),
      timeMs: ticket.timeMs,
      ticketId: ticket.id,
      category: ticket.category,
      fault: ticket.fault,
      severity,
      riskLevel: consensus.riskLevel,
      consensusScore: consensus.score,
      confidence: TEMPLATE_CONFIDENCE,
      source: 'template',
      template: plainText(parts),
      templateParts: parts,
      llm: null,
      llmFallbackReason: null,
      physicsVerdict: verification,
      votes: consensus.votes,
      precedents: [...precedents],
      trigger: ticket.trigger,
      breaches: ticket.breaches,
      campaign,
      operation: ticket.operation,
      rigState: ticket.rigState,
      depthFt: ticket.depthFt,
      metrics: ticket.metrics,
    };
  }

  /** Forget the cooldown (e.g. after a campaign switch or a reset in tests). */
  resetCooldown(): void {
    this.lastCriticalMs.clear();
  }

  /** The same advisory (same id) with the LLM's text shown. */
  enrich(advisory: Advisory, llmText: LlmAdvisoryText): Advisory {
    return { ...advisory, source: 'llm', llm: llmText, confidence: llmText.confidence, llmFallbackReason: null };
  }
}
