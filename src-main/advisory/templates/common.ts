// Shared pieces of the template texts. Numbers go in as quantities (`q`, `signed`, `percent`)
// so each screen shows them in its own units; nothing here formats a number itself (that is
// src-shared/number-format.ts, through src-shared/quantity.ts). A missing reading is "n/a".
import type { AdvisoryParts, AdvisoryText, Ticket, VerificationResult } from '../../../src-shared/advisory.js';
import type { Campaign } from '../../../src-shared/campaign.js';
import type { WellConfig } from '../../../src-shared/config.js';
import { fixed } from '../../../src-shared/number-format.js';
import { joinRich, partsText, quantity, rich, type Quantity, type RichText } from '../../../src-shared/quantity.js';
import type { EffectiveThresholds } from '../../physics/thresholds.js';
import { votingLine, type Consensus } from '../../agents/orchestrator.js';
import type { SeriesSummary } from '../../agents/specialists/types.js';
import type { FormationOptimum } from '../../../src-shared/ml.js';

export interface TemplateContext {
  ticket: Ticket;
  verification: VerificationResult;
  consensus: Consensus;
  campaign: Campaign;
  config: WellConfig;
  /** The limits in force (campaign and learned baseline applied). */
  thresholds: EffectiveThresholds;
  /** The ML engine's optimum for the formation being drilled, when one applies (issue 14). */
  optimum?: FormationOptimum | null;
}

export type Template = (ctx: TemplateContext) => AdvisoryParts;

/** A reading with its unit: "12.3 unit", or "n/a" when missing. */
export function q(value: number | null | undefined, unit: string, decimals = 1): Quantity {
  return quantity(value, unit, decimals);
}

/** A change with its sign: "+3.2 bbl". */
export function signed(value: number | null | undefined, unit: string, decimals = 1): Quantity {
  return quantity(value, unit, decimals, true);
}

/** A fraction shown as a percentage: 0.23 -> "23 %". */
export function percent(fraction: number | null | undefined, decimals = 0, withSign = false): Quantity {
  return quantity(fraction === null || fraction === undefined ? null : fraction * 100, '%', decimals, withSign);
}

/** Template parts -> the plain text kept for the LLM, logs and storage (US oilfield units). */
export function plainText(p: AdvisoryParts): AdvisoryText {
  return {
    diagnosis: partsText(p.diagnosis),
    recommendation: partsText(p.recommendation),
    expectedBenefit: partsText(p.expectedBenefit),
    reasoning: partsText(p.reasoning),
  };
}

/** Depth, MW, ECD line every well-control text quotes. */
export function wellState(t: Ticket): RichText {
  return rich`Depth ${q(t.depthFt ?? t.packet.bitDepthFt, 'ft', 0)}, MW ${q(t.packet.mudWeightInPpg, 'ppg', 1)}, ECD ${q(t.metrics.ecdPpg, 'ppg', 2)}`;
}

function trend(name: string, s: SeriesSummary | null, unit: string, decimals: number): RichText | null {
  if (!s) return null;
  return rich`${name} ${q(s.mean, unit, decimals)} avg, ${percent(s.trendFraction, 1, true)} over ${s.n} samples`;
}

/** Template-based reasoning: verification, trends, margins, the voting line. */
export function reasoning(ctx: TemplateContext, extra: RichText[] = []): RichText {
  const { ticket, verification, consensus } = ctx;
  const h = consensus.history;
  const trends = [
    trend('dxc', h.dxc, '', 2),
    trend('torque', h.torqueKftLbf, 'kft-lbf', 1),
    trend('WOB', h.wobKlbf, 'klbf', 1),
    trend('ROP', h.ropFtHr, 'ft/hr', 0),
  ].filter((x): x is RichText => x !== null);
  const parts = [
    rich`Template-based advisory (no language model).`,
    rich`Physics check: ${verification.status} ${verification.severity} (${verification.reason}).`,
    ...extra,
    trends.length ? rich`Trends: ${joinRich(trends, '; ')}.` : rich`Trends: not enough history.`,
    rich`ECD margin to fracture gradient ${q(ticket.metrics.ecdMarginPpg, 'ppg', 2)}.`,
    rich`Voting: ${votingLine(consensus.votes)}; score ${fixed(consensus.score, 2)} -> ${consensus.finalSeverity}${consensus.override ? ` (${consensus.override})` : ''}.`,
  ];
  return joinRich(parts, ' ');
}

/** Tighter tolerance note for Plug & Abandonment well-control advisories. */
export function paNote(ctx: TemplateContext): RichText {
  if (ctx.campaign !== 'plug_abandonment') return [];
  const t = ctx.thresholds;
  return rich` P&A campaign: tighter tolerance (flow warning ${q(t.flowImbalanceWarningGpm, 'gpm', 0)}, pressure-test tolerance ${q(t.pressureTestTolerancePsi, 'psi', 0)}); treat any unexplained gain as a possible barrier failure and check the plug/cement barrier.`;
}
