// Scoring one run from the advisories the driller would see (not tickets): latency from onset
// to the first advisory of the injected fault and of its category, its risk, AMBER+ advisories
// before the onset; for clean runs AMBER+ per 12 h by fault and advisory-rate figures. Pure.
import { RISK_RANK, type RiskLevel } from '../../src-shared/advisory.js';

export interface AdvisoryLite {
  timeMs: number;
  fault: string;
  category: string;
  riskLevel: RiskLevel;
}

export const isAmberPlus = (r: RiskLevel): boolean => RISK_RANK[r] >= RISK_RANK.Elevated;

/**
 * Alarm-rate figures (EEMUA 191 style). The advisory figures are measured today; the event
 * figures (issue 12: one event per fault, raised/escalated/cleared) stay null until the replay
 * report carries events, then `alarmFigures` fills them from there.
 */
export interface AlarmFigures {
  advisoriesPer10MinAvg: number;
  peakAdvisoriesIn10Min: number;
  events: number | null;
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

export function alarmFigures(advisories: readonly AdvisoryLite[], hours: number): AlarmFigures {
  const times = advisories.map((a) => a.timeMs).sort((a, b) => a - b);
  return {
    advisoriesPer10MinAvg: hours > 0 ? round(advisories.length / (hours * 6), 3) : 0,
    peakAdvisoriesIn10Min: peakInWindow(times, 600_000),
    events: null,
    alarmsPer10MinAvg: null,
    peakAlarmsIn10Min: null,
    chattering: null,
    standing: null,
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

export function scoreCleanRun(advisories: readonly AdvisoryLite[], hours: number): CleanScore {
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
    alarms: alarmFigures(advisories, hours),
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
