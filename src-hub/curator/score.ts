// How much an episode is worth keeping (DOMAIN §14): 50 % outcome, 25 % recency, 15 % detail,
// 10 % diversity. Pure: time comes in as an argument.
import type { EpisodeKeyMetrics, FleetOutcome } from '../../src-shared/fleet.js';

const DAY_MS = 86_400_000;
export const RECENCY_HALF_SCALE_DAYS = 180;
export const PENDING_STALE_DAYS = 30;
export const PENDING_STALE_SCORE = 0.05;
export const ARCHIVE_AFTER_DAYS = 365;
export const FALSE_POSITIVE_ARCHIVE_DAYS = 90;

/** Resolved 1, Escalated 0.7, Pending 0.2, FalsePositive 0.1: also the "better outcome" order. */
export function outcomeValue(o: FleetOutcome): number {
  switch (o.kind) {
    case 'Resolved':
      return 1;
    case 'Escalated':
      return 0.7;
    case 'Pending':
      return 0.2;
    case 'FalsePositive':
      return 0.1;
  }
}

/** 0.3 people's notes + 0.4 what was done (action or reason) + 0.3 share of key metrics present. */
export function detailValue(outcome: FleetOutcome, notes: string, m: EpisodeKeyMetrics): number {
  const values = Object.values(m);
  const present = values.filter((v) => v !== null).length / values.length;
  const said = outcome.kind === 'Resolved' ? outcome.action : outcome.kind === 'Escalated' ? outcome.reason : '';
  return 0.3 * (notes.trim() ? 1 : 0) + 0.4 * (said.trim() ? 1 : 0) + 0.3 * present;
}

export interface ScoreInput {
  outcomeKind: FleetOutcome['kind'];
  outcomeValue: number;
  detail: number;
  timeMs: number;
  /** This category's share of the library, 0..1. */
  categoryShare: number;
}

export function episodeScore(e: ScoreInput, nowMs: number): number {
  const ageDays = Math.max(0, (nowMs - e.timeMs) / DAY_MS);
  if (e.outcomeKind === 'Pending' && ageDays > PENDING_STALE_DAYS) return PENDING_STALE_SCORE;
  const recency = Math.exp(-ageDays / RECENCY_HALF_SCALE_DAYS);
  return 0.5 * e.outcomeValue + 0.25 * recency + 0.15 * e.detail + 0.1 * (1 - e.categoryShare);
}

/** Too old to keep whatever its score: a year for any episode, three months for a false alarm. */
export function isArchived(outcomeKind: FleetOutcome['kind'], timeMs: number, nowMs: number): boolean {
  const ageDays = (nowMs - timeMs) / DAY_MS;
  return ageDays > ARCHIVE_AFTER_DAYS || (outcomeKind === 'FalsePositive' && ageDays > FALSE_POSITIVE_ARCHIVE_DAYS);
}
