// Scoring one run from the advisories the driller would see (not tickets): latency from onset
// to the first advisory of the injected fault and of its category, its risk, AMBER+ advisories
// before the onset; for clean runs AMBER+ per 12 h by fault and advisory-rate figures. Pure.
import { RISK_RANK, type RiskLevel } from '../../src-shared/advisory.js';
import type { AlarmFigures as EventAlarmFigures } from '../../src-shared/events.js';

export interface AdvisoryLite {
  timeMs: number;
  fault: string;
  category: string;
  riskLevel: RiskLevel;
}

export const isAmberPlus = (r: RiskLevel): boolean => RISK_RANK[r] >= RISK_RANK.Elevated;

/**
 * Alarm-rate figures (EEMUA 191 style): advisories, and the alarm events of issue 12 (one event
 * per fault; an alarm = a sound: raise, escalation, reopening) from the replay report. The event
 * figures are null only for a run without them.
 */
export interface AlarmFigures {
  advisoriesPer10MinAvg: number;
  peakAdvisoriesIn10Min: number;
  events: number | null;
  /** Alarm sounds: raise, escalation, reopening (not while shelved). */
  alarms: number | null;
  alarmsPer10MinAvg: number | null;
  peakAlarmsIn10Min: number | null;
  chattering: number | null;
  standing: number | null;
}

/** Most timestamps inside any window of `windowMs` (sorted input). */
export function peakInWindow(timesMs: readonly number[], windowMs: number): number {
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < timesMs.length; hi++) {
    while (timesMs[hi] - timesMs[lo] >= windowMs) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}

/**
 * `events` are the replay's figures (src-main/advisory/alarm-figures.ts); the average per 10 min
 * is taken over `hours`, the same hours as the advisories (a clean run counts the hours with data).
 */
export function alarmFigures(advisories: readonly AdvisoryLite[], hours: number, events: EventAlarmFigures | null = null): AlarmFigures {
  const times = advisories.map((a) => a.timeMs).sort((a, b) => a - b);
  const per10 = (n: number) => (hours > 0 ? round(n / (hours * 6), 3) : 0);
  return {
    advisoriesPer10MinAvg: per10(advisories.length),
    peakAdvisoriesIn10Min: peakInWindow(times, 600_000),
    events: events?.events ?? null,
    alarms: events?.alarms ?? null,
    alarmsPer10MinAvg: events ? per10(events.alarms) : null,
    peakAlarmsIn10Min: events?.peakAlarmsIn10Min ?? null,
    chattering: events?.chattering ?? null,
    standing: events?.standing ?? null,
  };
}

export interface FaultWindow {
  /** Epoch ms. */
  runStartMs: number;
  onsetMs: number;
  endMs: number;
  expectedFaults: readonly string[];
  category: string;
}

export interface FaultScore {
  /** Onset to the first advisory of the fault within the fault window (s); null = missed. */
  latencyS: number | null;
  riskLevel: RiskLevel | null;
  /** Highest risk any advisory of the fault reached in the window. */
  maxRiskLevel: RiskLevel | null;
  categoryLatencyS: number | null;
  /** Which fault the first advisory of the category named. */
  categoryFault: string | null;
  advisoriesOfFault: number;
  preOnsetAmber: number;
  preOnsetHours: number;
  preOnsetAmberByFault: Record<string, number>;
  /** AMBER+ advisories of other categories while the fault was on. */
  duringOtherAmber: number;
}

export function scoreFaultRun(advisories: readonly AdvisoryLite[], w: FaultWindow): FaultScore {
  const inWindow = advisories.filter((a) => a.timeMs >= w.onsetMs && a.timeMs <= w.endMs);
  const ofFault = inWindow.filter((a) => w.expectedFaults.includes(a.fault));
  const ofCategory = inWindow.filter((a) => a.category === w.category);
  const before = advisories.filter((a) => a.timeMs < w.onsetMs && isAmberPlus(a.riskLevel));
  const first = ofFault[0] ?? null;
  const firstCat = ofCategory[0] ?? null;
  const maxRisk = ofFault.reduce<RiskLevel | null>((m, a) => (m === null || RISK_RANK[a.riskLevel] > RISK_RANK[m] ? a.riskLevel : m), null);
  return {
    latencyS: first ? (first.timeMs - w.onsetMs) / 1000 : null,
    riskLevel: first?.riskLevel ?? null,
    maxRiskLevel: maxRisk,
    categoryLatencyS: firstCat ? (firstCat.timeMs - w.onsetMs) / 1000 : null,
    categoryFault: firstCat?.fault ?? null,
    advisoriesOfFault: ofFault.length,
    preOnsetAmber: before.length,
    preOnsetHours: round((w.onsetMs - w.runStartMs) / 3_600_000, 3),
    preOnsetAmberByFault: countBy(before, (a) => a.fault),
    duringOtherAmber: inWindow.filter((a) => a.category !== w.category && isAmberPlus(a.riskLevel)).length,
  };
}

export interface CleanScore {
  hours: number;
  advisories: number;
  amberPlus: number;
  amberPer12h: number;
  advisoriesPer12h: number;
  amberByFault: Record<string, number>;
  byRisk: Record<string, number>;
  alarms: AlarmFigures;
}

export function scoreCleanRun(advisories: readonly AdvisoryLite[], hours: number, events: EventAlarmFigures | null = null): CleanScore {
  const amber = advisories.filter((a) => isAmberPlus(a.riskLevel));
  const per12h = (n: number) => (hours > 0 ? round((n * 12) / hours, 2) : 0);
  return {
    hours: round(hours, 2),
    advisories: advisories.length,
    amberPlus: amber.length,
    amberPer12h: per12h(amber.length),
    advisoriesPer12h: per12h(advisories.length),
    amberByFault: countBy(amber, (a) => a.fault),
    byRisk: countBy(advisories, (a) => a.riskLevel),
    alarms: alarmFigures(advisories, hours, events),
  };
}

function countBy<T>(list: readonly T[], key: (x: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of list) out[key(x)] = (out[key(x)] ?? 0) + 1;
  return out;
}

export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
