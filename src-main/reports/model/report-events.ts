// Events for records made before alarm events were stored: advisories of one fault chained
// while each follows the last within 5 min (src-shared/advisory-groups.ts), with their alarm
// figures; and what both sources share (the fault x risk table, the 10-minute windows).
// Stored alarm events are read in ./stored-events.ts. Pure.
import { RISK_RANK, type Acknowledgement, type Advisory } from '../../../src-shared/advisory.js';
import { groupAdvisories } from '../../../src-shared/advisory-groups.js';
import type { AlarmRateFigures, FaultRiskRow, ReportEvent } from '../../../src-shared/reports.js';

export const TEN_MIN_MS = 600_000;
const STANDING_MS = 24 * 3_600_000;

/** Events from advisories: raised at the first, escalated whenever the risk tops all before it. */
export function eventsFromAdvisories(advisories: readonly Advisory[], acks: readonly Acknowledgement[]): ReportEvent[] {
  const ackedIds = new Set(acks.map((k) => k.advisoryId));
  const firstAck = new Map<string, number>();
  for (const k of acks) firstAck.set(k.advisoryId, Math.min(firstAck.get(k.advisoryId) ?? Infinity, k.timeMs));
  return groupAdvisories(advisories, ackedIds)
    .map((g): ReportEvent => {
      const members = g.members.slice().reverse(); // oldest first
      const escalationsMs: number[] = [];
      let top = 0;
      for (const [i, a] of members.entries()) {
        const rank = RISK_RANK[a.riskLevel];
        if (i > 0 && rank > top) escalationsMs.push(a.timeMs);
        top = Math.max(top, rank);
      }
      const ackTimes = members.map((a) => firstAck.get(a.id)).filter((t): t is number => t !== undefined);
      return {
        key: g.key,
        fault: g.fault,
        category: g.category,
        raisedMs: g.firstMs,
        lastMs: g.lastMs,
        clearedMs: null,
        riskLevel: g.riskLevel,
        escalationsMs,
        alarms: 1 + escalationsMs.length,
        advisoryIds: members.map((a) => a.id),
        ackedCount: g.ackedCount,
        firstAckMs: ackTimes.length ? Math.min(...ackTimes) : null,
        state: null,
        shelving: null,
      };
    })
    .sort((x, y) => x.raisedMs - y.raisedMs || x.key.localeCompare(y.key));
}

/** Advisories and events per fault, advisories split by risk; most advisories first. */
export function faultRiskTable(advisories: readonly Advisory[], events: readonly ReportEvent[]): FaultRiskRow[] {
  const rows = new Map<string, FaultRiskRow>();
  const row = (fault: Advisory['fault'], category: Advisory['category']): FaultRiskRow => {
    const key = `${fault}|${category}`;
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { fault, category, byRisk: { Low: 0, Elevated: 0, High: 0, Critical: 0 }, events: 0, advisories: 0 }));
    return r;
  };
  for (const a of advisories) {
    const r = row(a.fault, a.category);
    r.byRisk[a.riskLevel]++;
    r.advisories++;
  }
  for (const e of events) row(e.fault, e.category).events++;
  return [...rows.values()].sort((x, y) => y.advisories - x.advisories || x.fault.localeCompare(y.fault));
}

/** The most alarms in any 10-minute window (sliding), and where that window starts. */
function peakWindow(times: readonly number[]): { peak: number; startMs: number | null } {
  let peak = 0;
  let startMs: number | null = null;
  let lo = 0;
  for (let hi = 0; hi < times.length; hi++) {
    while (times[hi] - times[lo] >= TEN_MIN_MS) lo++;
    if (hi - lo + 1 > peak) {
      peak = hi - lo + 1;
      startMs = times[lo];
    }
  }
  return { peak, startMs };
}

export interface WindowFigures {
  alarmsPer10MinAvg: number;
  peakAlarmsIn10Min: number;
  peakWindowStartMs: number | null;
  percentWindowsOverOne: number;
}

/** Alarms per 10 min (average), the worst sliding 10 minutes, the share of busy windows. */
export function windowFigures(alarmTimesMs: readonly number[], fromMs: number, toMs: number): WindowFigures {
  const times = alarmTimesMs.filter((t) => t >= fromMs && t <= toMs).sort((a, b) => a - b);
  const spanMs = Math.max(TEN_MIN_MS, toMs - fromMs);
  const windows = Math.max(1, Math.ceil((toMs - fromMs) / TEN_MIN_MS));
  const perWindow = new Map<number, number>();
  for (const t of times) {
    const w = Math.min(windows - 1, Math.floor((t - fromMs) / TEN_MIN_MS));
    perWindow.set(w, (perWindow.get(w) ?? 0) + 1);
  }
  const busy = [...perWindow.values()].filter((n) => n > 1).length;
  const { peak, startMs } = peakWindow(times);
  return {
    alarmsPer10MinAvg: (times.length * TEN_MIN_MS) / spanMs,
    peakAlarmsIn10Min: peak,
    peakWindowStartMs: startMs,
    percentWindowsOverOne: (busy / windows) * 100,
  };
}

/** EEMUA 191 figures of advisory-derived events: an alarm is a new event or an escalation. */
export function groupedAlarmFigures(events: readonly ReportEvent[], fromMs: number, toMs: number): AlarmRateFigures {
  const times = events.flatMap((e) => [e.raisedMs, ...e.escalationsMs]).filter((t) => t >= fromMs && t <= toMs);
  return {
    source: 'grouped-advisories',
    events: events.length,
    alarms: times.length,
    ...windowFigures(times, fromMs, toMs),
    standing: events.filter((e) => e.lastMs - e.raisedMs >= STANDING_MS).length,
    // Advisories alone say nothing about shelving or clearing.
    shelved: null,
    chattering: null,
  };
}

