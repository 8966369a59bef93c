// How recall ranks and words a precedent. Pure: the query's data time comes in, never the clock.
//
// Two stages. First the physics decides which episodes are precedents at all: the
// CANDIDATES nearest by cosine similarity (at least 4 per precedent asked for), and none below
// MIN_SIMILARITY. Then those are ordered by
// rank = 0.6 x similarity + 0.4 x (0.6 x outcome + 0.4 x recency)
//   similarity: cosine of the physics signatures, clamped to 0..1
//   outcome:    Resolved 1.0, Escalated 0.8, FalsePositive 0.3, Pending 0.1 (DOMAIN.md §14)
//   recency:    e^(-age / 180 days), age in data time (an episode "after" the query counts as new)
// Similarity leads, so a near match that ended badly still beats a far one that ended well, and
// a resolved episode far away in physics never jumps the queue because it is recent.
import type { FaultKind, Precedent } from '../../src-shared/advisory.js';
import type { FleetEpisode, FleetOutcome } from '../../src-shared/fleet.js';
import { agoText, outcomeWord } from '../../src-shared/outcome.js';

export const RECALL_SOURCE = 'recall';
const DAY_MS = 86_400_000;
export const RECENCY_HALF_LIFE_DAYS = 180;
/** Below this cosine similarity an episode is not shown as a precedent (a kick for a loss). */
export const MIN_SIMILARITY = 0.5;

/** How many nearest episodes are re-ranked for `limit` precedents. */
export function candidateCount(limit: number): number {
  return Math.max(4 * limit, 20);
}
const W_SIMILARITY = 0.6;
const W_OUTCOME = 0.6;

export function outcomeScore(o: FleetOutcome): number {
  switch (o.kind) {
    case 'Resolved':
      return 1.0;
    case 'Escalated':
      return 0.8;
    case 'FalsePositive':
      return 0.3;
    case 'Pending':
      return 0.1;
  }
}

export function recencyScore(episodeMs: number, queryMs: number): number {
  const ageDays = Math.max(0, queryMs - episodeMs) / DAY_MS;
  return Math.exp(-ageDays / RECENCY_HALF_LIFE_DAYS);
}

export function rankScore(similarity: number, outcome: FleetOutcome, episodeMs: number, queryMs: number): number {
  const s = Math.min(1, Math.max(0, similarity));
  const context = W_OUTCOME * outcomeScore(outcome) + (1 - W_OUTCOME) * recencyScore(episodeMs, queryMs);
  return W_SIMILARITY * s + (1 - W_SIMILARITY) * context;
}

const FAULT_WORDS: Record<FaultKind, string> = {
  kick: 'kick',
  loss: 'losses',
  gas: 'gas',
  h2s: 'H2S',
  'pit-rate': 'pit gain',
  'ecd-margin': 'low ECD margin',
  washout: 'washout',
  'spp-deviation': 'SPP deviation',
  'pack-off': 'pack-off',
  'stick-slip': 'stick-slip',
  founder: 'founder',
  'torque-rise': 'torque rise',
  'mse-inefficiency': 'poor drilling efficiency',
  'formation-change': 'formation change',
  'trip-gain': 'gain with the pumps off',
  'trip-loss': 'losses with the pumps off',
};

export function faultWords(f: FaultKind): string {
  return FAULT_WORDS[f];
}

/** "pack-off, circulated and reamed, resolved" / "kick, escalated: shut in" / "pack-off, false alarm". */
export function resolutionSummary(fault: FaultKind, outcome: FleetOutcome): string {
  const what = faultWords(fault);
  switch (outcome.kind) {
    case 'Resolved':
      return outcome.action.trim() ? `${what}, ${lowerFirst(outcome.action.trim())}, resolved` : `${what}, resolved`;
    case 'Escalated':
      return outcome.reason.trim() ? `${what}, escalated: ${lowerFirst(outcome.reason.trim())}` : `${what}, escalated`;
    default:
      return `${what}, ${outcomeWord(outcome)}`;
  }
}

function lowerFirst(s: string): string {
  // "Circulated and reamed" reads as a clause; leave acronyms ("WOB cut") alone.
  return /^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}

export function depthText(ft: number | null): string | null {
  return ft === null || !Number.isFinite(ft) ? null : `${Math.round(ft).toLocaleString('en-US')} ft`;
}

/** The driller's line and the structured fields the renderer formats in display units. */
export function precedentOf(e: FleetEpisode, similarity: number, queryMs: number): Precedent {
  const depthFt = e.depthToFt ?? e.depthFromFt;
  const head = [e.sourceRigId, depthText(depthFt), agoText(e.timeMs, queryMs)].filter((x): x is string => x !== null);
  return {
    id: e.id,
    summary: `${head.join(', ')}: ${e.resolutionSummary}`,
    source: RECALL_SOURCE,
    rig: e.sourceRigId,
    well: e.wellId,
    depthFt,
    timeMs: e.timeMs,
    outcome: e.outcome,
    resolution: e.resolutionSummary,
    similarity: Math.round(Math.min(1, Math.max(0, similarity)) * 1000) / 1000,
  };
}
