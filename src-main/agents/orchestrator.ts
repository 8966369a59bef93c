// The orchestrator: a panel of specialists votes on a verified ticket with campaign-aware
// weights; the weighted score gives the final severity, the votes give the risk level.
// Safety rule: a confirmed well-control ticket is never voted below its verified severity
// or HIGH. Pure: no I/O, no clock.
import { percentOfFraction } from '../../src-shared/number-format.js';
import {
  OPTIMISATION_ADVICE,
  RISK_RANK,
  SEVERITY_RANK,
  type RiskLevel,
  type Severity,
  type SpecialistVote,
  type Ticket,
  type VerificationResult,
  type VoteLevel,
} from '../../src-shared/advisory.js';
import type { Campaign } from '../../src-shared/campaign.js';
import type { WellConfig } from '../../src-shared/config.js';
import { weightsFor, type Weights } from '../config/campaign-controller.js';
import { fitSeries } from '../../src-shared/least-squares.js';
import { thresholdsFor, type EffectiveThresholds } from '../physics/thresholds.js';
import {
  MIN_TREND_SAMPLES,
  defaultSpecialists,
  type HistorySample,
  type HistorySummary,
  type SeriesSummary,
  type Specialist,
} from './specialists/index.js';

export const VOTE_SCORE: Record<VoteLevel, number> = { HEALTHY: 0, LOW: 1, MEDIUM: 2, HIGH: 3, CRITICAL: 4 };

export interface VoteInput {
  ticket: Ticket;
  verification: VerificationResult;
  /** Recent history, oldest first (the orchestrator summarises it; it keeps no buffer). */
  recent: readonly HistorySample[];
  config: WellConfig;
  campaign: Campaign;
  /** The limits in force (thresholdsFor); default: the config's for this campaign. */
  thresholds?: EffectiveThresholds;
}

export interface Consensus {
  votes: SpecialistVote[];
  weights: Weights;
  /** Σ vote·weight, HEALTHY 0 .. CRITICAL 4. */
  score: number;
  /** Severity from the score, after the overrides. */
  finalSeverity: VoteLevel;
  /** finalSeverity as an advisory severity (HEALTHY shown as LOW). */
  severity: Severity;
  riskLevel: RiskLevel;
  /** 0-1: verification confidence blended with how much the weighted panel agrees. */
  confidence: number;
  /** Why the score was overridden, or null. */
  override: string | null;
  history: HistorySummary;
}

function seriesSummary(values: readonly (number | null)[]): SeriesSummary | null {
  // x = packet index in the window, gaps skipped but keep their position.
  const fit = fitSeries(values);
  if (fit.n < MIN_TREND_SAMPLES) return null;
  const trendFraction = fit.mean !== 0 ? (fit.slope * (fit.lastK - fit.firstK)) / Math.abs(fit.mean) : 0;
  return { n: fit.n, mean: fit.mean, slopePerPacket: fit.slope, trendFraction };
}

/** Means and least-squares slopes of the recent window (real slopes: DOMAIN §19 quirk 14). */
export function summarizeHistory(recent: readonly HistorySample[]): HistorySummary {
  return {
    samples: recent.length,
    dxc: seriesSummary(recent.map((r) => r.dxc)),
    torqueKftLbf: seriesSummary(recent.map((r) => r.torqueKftLbf)),
    wobKlbf: seriesSummary(recent.map((r) => r.wobKlbf)),
    ropFtHr: seriesSummary(recent.map((r) => r.ropFtHr)),
    sppDeltaPsi: seriesSummary(recent.map((r) => r.sppDeltaPsi)),
  };
}

export function severityFromScore(score: number): VoteLevel {
  if (score >= 3.5) return 'CRITICAL';
  if (score >= 2.5) return 'HIGH';
  if (score >= 1.5) return 'MEDIUM';
  if (score >= 0.5) return 'LOW';
  return 'HEALTHY';
}

const RISK_OF_SEVERITY: Record<Severity, RiskLevel> = { LOW: 'Low', MEDIUM: 'Elevated', HIGH: 'High', CRITICAL: 'Critical' };
const RISKS: readonly RiskLevel[] = ['Low', 'Elevated', 'High', 'Critical'];

/**
 * The risk of an advisory comes from its own fault's evidence (issue 11): the physics verdict's
 * severity. The panel's votes shape the consensus score and the reasoning but never the risk (a
 * stick-slip the physics called HIGH is High; an MSE advisory during a kick is not Critical).
 * Confirmed well control is at least High, Critical on the well-control specialist's Critical.
 * Optimisation advice (OPTIMISATION_ADVICE) is GREEN whatever its evidence: never an alarm.
 */
export function riskLevelOf(ticket: Ticket, votes: readonly SpecialistVote[], verification: VerificationResult): RiskLevel {
  let rank = RISK_RANK[RISK_OF_SEVERITY[verification.severity]];
  if (ticket.category === 'WellControl') {
    rank = Math.max(rank, RISK_RANK.High);
    if (votes.some((v) => v.specialist === 'WellControl' && v.level === 'CRITICAL')) rank = RISK_RANK.Critical;
  }
  if (OPTIMISATION_ADVICE.has(ticket.fault)) rank = RISK_RANK.Low;
  return RISKS[rank - 1];
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

export class Orchestrator {
  constructor(private readonly specialists: readonly Specialist[] = defaultSpecialists()) {}

  /** Throws InvalidWeightsError when the campaign's weights do not sum to 1. */
  vote(input: VoteInput): Consensus {
    const { ticket, verification, config, campaign } = input;
    const weights = weightsFor(config, campaign);
    const history = summarizeHistory(input.recent);
    const limits = input.thresholds ?? thresholdsFor(config, campaign);

    const votes: SpecialistVote[] = this.specialists.map((s) => {
      const o = s.evaluate({ ticket, verification, history, limits });
      return { specialist: s.name, level: o.level, weight: weights[s.weightKey], reason: o.reason };
    });
    const weightSum = votes.reduce((a, v) => a + v.weight, 0);
    // Normalise by the panel's weight so a panel without one specialist still scores 0-4.
    const score = weightSum > 0 ? votes.reduce((a, v) => a + VOTE_SCORE[v.level] * v.weight, 0) / weightSum : 0;

    let finalSeverity = severityFromScore(score);
    let override: string | null = null;
    // HEAD: only the well-control specialist's CRITICAL overrides the score.
    const wcCritical = votes.some((v) => v.specialist === 'WellControl' && v.level === 'CRITICAL');
    if (wcCritical && finalSeverity !== 'CRITICAL') {
      finalSeverity = 'CRITICAL';
      override = 'WellControl specialist voted CRITICAL';
    }
    // Safety rule: confirmed well control is never voted down.
    if (ticket.category === 'WellControl' && verification.status === 'Confirmed') {
      const floor: Severity = SEVERITY_RANK[verification.severity] > SEVERITY_RANK.HIGH ? verification.severity : 'HIGH';
      if (VOTE_SCORE[finalSeverity] < SEVERITY_RANK[floor]) {
        override = `confirmed well control is not voted below ${floor} (panel score ${round3(score)})`;
        finalSeverity = floor;
      }
    }

    const agreement = weightSum > 0 ? 1 - votes.reduce((a, v) => a + Math.abs(VOTE_SCORE[v.level] - score) * v.weight, 0) / weightSum / 4 : 0;
    const confidence = round3(Math.min(Math.max(0.5 * verification.confidence + 0.5 * agreement, 0), 1));

    return {
      votes,
      weights,
      score: round3(score),
      finalSeverity,
      severity: finalSeverity === 'HEALTHY' ? 'LOW' : finalSeverity,
      riskLevel: riskLevelOf(ticket, votes, verification),
      confidence,
      override,
      history,
    };
  }
}

/** "Name=LEVEL (w%)" list for the reasoning's voting line. */
export function votingLine(votes: readonly SpecialistVote[]): string {
  return votes.map((v) => `${v.specialist}=${v.level} (${percentOfFraction(v.weight)})`).join(', ');
}
