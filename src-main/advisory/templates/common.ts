// Shared pieces of the template texts: number formatting that never invents a value
// ("n/a" for a missing reading) and the template-based reasoning paragraph.
import type { AdvisoryText, Ticket, VerificationResult } from '../../../src-shared/advisory.js';
import type { Campaign } from '../../../src-shared/campaign.js';
import type { WellConfig } from '../../../src-shared/config.js';
import type { EffectiveThresholds } from '../../physics/thresholds.js';
import { votingLine, type Consensus } from '../../agents/orchestrator.js';
import type { SeriesSummary } from '../../agents/specialists/types.js';

export interface TemplateContext {
  ticket: Ticket;
  verification: VerificationResult;
  consensus: Consensus;
  campaign: Campaign;
  config: WellConfig;
  /** The limits in force (campaign and learned baseline applied). */
  thresholds: EffectiveThresholds;
}

export type Template = (ctx: TemplateContext) => AdvisoryText;

/** "12.3 unit", or "n/a" when the reading is missing. */
export function q(value: number | null | undefined, unit: string, decimals = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'n/a';
  const s = value.toFixed(decimals);
  const clean = /^-0(\.0+)?$/.test(s) ? s.slice(1) : s;
  return unit ? `${clean} ${unit}` : clean;
}

export function signed(value: number | null | undefined, unit: string, decimals = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'n/a';
  return `${value > 0 ? '+' : ''}${q(value, unit, decimals)}`;
}

export function percent(fraction: number | null | undefined, decimals = 0): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return 'n/a';
  return `${(fraction * 100).toFixed(decimals)}%`;
}

/** Depth, MW, ECD line every well-control text quotes. */
export function wellState(t: Ticket): string {
  return `Depth ${q(t.depthFt ?? t.packet.bitDepthFt, 'ft', 0)}, MW ${q(t.packet.mudWeightInPpg, 'ppg', 1)}, ECD ${q(t.metrics.ecdPpg, 'ppg', 2)}`;
}

function trend(name: string, s: SeriesSummary | null, unit: string, decimals: number): string | null {
  if (!s) return null;
  return `${name} ${q(s.mean, unit, decimals)} avg, ${s.trendFraction >= 0 ? '+' : ''}${(s.trendFraction * 100).toFixed(1)}% over ${s.n} samples`;
}

/** Template-based reasoning: verification, trends, margins, the voting line. */
export function reasoning(ctx: TemplateContext, extra: string[] = []): string {
  const { ticket, verification, consensus } = ctx;
  const h = consensus.history;
  const trends = [
    trend('dxc', h.dxc, '', 2),
    trend('torque', h.torqueKftLbf, 'kft-lbf', 1),
    trend('WOB', h.wobKlbf, 'klbf', 1),
    trend('ROP', h.ropFtHr, 'ft/hr', 0),
  ].filter((x): x is string => x !== null);
  const margin = ticket.metrics.ecdMarginPpg;
  const parts = [
    'Template-based advisory (no language model).',
    `Physics check: ${verification.status} ${verification.severity} (${verification.reason}).`,
    ...extra,
    trends.length ? `Trends: ${trends.join('; ')}.` : 'Trends: not enough history.',
    `ECD margin to fracture gradient ${q(margin, 'ppg', 2)}.`,
    `Voting: ${votingLine(consensus.votes)}; score ${consensus.score.toFixed(2)} -> ${consensus.finalSeverity}${consensus.override ? ` (${consensus.override})` : ''}.`,
  ];
  return parts.join(' ');
}

/** Tighter tolerance note for Plug & Abandonment well-control advisories. */
export function paNote(ctx: TemplateContext): string {
  if (ctx.campaign !== 'plug_abandonment') return '';
  const t = ctx.thresholds;
  return ` P&A campaign: tighter tolerance (flow warning ${q(t.flowImbalanceWarningGpm, 'gpm', 0)}, pressure-test tolerance ${q(t.pressureTestTolerancePsi, 'psi', 0)}); treat any unexplained gain as a possible barrier failure and check the plug/cement barrier.`;
}
