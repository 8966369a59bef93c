// How a confirmed advisory ended, as the people on the rig recorded it: at acknowledgement or
// later, when it is known. Outcomes tune nothing on their own; per-fault counts of real events
// vs false alarms are the evidence an engineer reads before changing a threshold.
import { z } from 'zod';
import type { AnomalyCategory, FaultKind } from './advisory.js';
import type { FleetOutcome } from './fleet.js';
import { personText } from './text.js';

/** One recorded outcome (append-only: a change is a new record; the newest one counts). */
export interface OutcomeRecord {
  seq: number;
  advisoryId: string;
  timeMs: number;
  actor: string;
  outcome: FleetOutcome;
  notes: string;
}

/** Per fault: advisories, and what their latest outcome says. */
export interface OutcomeStat {
  fault: FaultKind;
  category: AnomalyCategory;
  advisories: number;
  resolved: number;
  escalated: number;
  /** resolved + escalated: the problem was real. */
  confirmedReal: number;
  falseAlarm: number;
  /** No outcome recorded yet. */
  unknown: number;
}

/**
 * What a person may record: resolved with the action taken, escalated with the reason, or a
 * false alarm. Pending is the absence of an outcome, not a choice.
 */
export const OutcomeInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('Resolved'), action: personText(500).pipe(z.string().min(1, 'the action that resolved it is required')) }).strict(),
  z.object({ kind: z.literal('Escalated'), reason: personText(500).pipe(z.string().min(1, 'the reason for escalating is required')) }).strict(),
  z.object({ kind: z.literal('FalsePositive') }).strict(),
]);

/** Lower-case words a driller reads: "resolved", "escalated", "false alarm", "pending". */
export function outcomeWord(o: FleetOutcome): string {
  switch (o.kind) {
    case 'Resolved':
      return 'resolved';
    case 'Escalated':
      return 'escalated';
    case 'FalsePositive':
      return 'false alarm';
    case 'Pending':
      return 'pending';
  }
}

/** The outcome with its detail: "resolved: circulated and reamed", "false alarm". */
export function outcomeText(o: FleetOutcome): string {
  if (o.kind === 'Resolved' && o.action) return `resolved: ${o.action}`;
  if (o.kind === 'Escalated' && o.reason) return `escalated: ${o.reason}`;
  return outcomeWord(o);
}

/** "just now", "40 min ago", "5 h ago", "4 days ago", "3 weeks ago", "7 months ago", "2 years ago"; "... later" after nowMs. */
export function agoText(thenMs: number, nowMs: number): string {
  const ms = Math.abs(nowMs - thenMs);
  if (ms < 60_000) return 'just now';
  return `${span(ms)} ${nowMs >= thenMs ? 'ago' : 'later'}`;
}

function span(ms: number): string {
  const min = ms / 60_000;
  if (min < 60) return `${Math.round(min)} min`;
  const h = min / 60;
  if (h < 24) return `${Math.round(h)} h`;
  const d = h / 24;
  const n = (x: number, unit: string) => `${x} ${unit}${x === 1 ? '' : 's'}`;
  if (d < 14) return n(Math.round(d), 'day');
  if (d < 63) return n(Math.round(d / 7), 'week');
  if (d < 730) return n(Math.round(d / 30.44), 'month');
  return n(Math.round(d / 365.25), 'year');
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

/**
 * The line a driller reads for an episode, the same on every rig and on the hub:
 * "pack-off, circulated and reamed, resolved" / "kick, escalated: shut in" / "pack-off, false alarm". */
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
