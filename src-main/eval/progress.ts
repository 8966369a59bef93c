// One progress line per finished run. Pure.
import type { AlarmFigures } from './score.js';
import type { CleanRunResult, FaultRunResult, TaskResult } from './tasks.js';

const s = (x: number | null) => (x === null ? 'not advised' : `+${Math.round(x)} s`);

/** "; 3 events, 4 alarms (peak 2 in 10 min)": the alarm events of the run (issue 12). */
const alarms = (a: AlarmFigures) => (a.events === null ? '' : `; ${a.events} events, ${a.alarms} alarms (peak ${a.peakAlarmsIn10Min} in 10 min)`);

export function describeResult(r: TaskResult): string {
  if (r.kind === 'skipped') return `${r.key}: skipped (${r.reason})`;
  if (r.kind === 'clean' || r.kind === 'raw') return describeClean(r as CleanRunResult);
  return describeFault(r as FaultRunResult);
}

function describeClean(r: CleanRunResult): string {
  const sc = r.score;
  return `${r.recording} ${r.kind} ${sc.hours.toFixed(1)} h: ${sc.amberPlus} AMBER+ (${sc.amberPer12h} per 12 h), ${sc.advisories} advisories${alarms(sc.alarms)} (${r.packets} packets, ${r.wallS.toFixed(1)} s)`;
}

function describeFault(r: FaultRunResult): string {
  const sc = r.score;
  const size = r.size === null ? r.sizeLabel : `${r.size} ${r.sizeUnit}`;
  return (
    `${r.recording} ${r.fault} ${size} onset ${r.onsetIndex + 1} (${r.onset.slice(11, 19)}): ${s(sc.latencyS)}${sc.riskLevel ? ` ${sc.riskLevel}` : ''}; ` +
    `category ${s(sc.categoryLatencyS)}; ${sc.preOnsetAmber} AMBER+ before${alarms(r.alarms)} (${r.packets} packets, ${r.wallS.toFixed(1)} s)`
  );
}
