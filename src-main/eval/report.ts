// The scorecard: results grouped per recording, fault and size (one column per onset), clean
// recordings per 12 h, and the text table `npm run eval` prints. Pure.
import type { RiskLevel } from '../../src-shared/advisory.js';
import type { EvalRecording } from './recordings.js';
import { round, type AlarmFigures } from './score.js';
import type { CleanRunResult, FaultRunResult, SkippedResult, TaskResult } from './tasks.js';

export interface FaultRow {
  recording: string;
  fault: string;
  sizeLabel: string;
  size: string;
  /** Per onset, in onset order. */
  runs: Array<{
    onset: string;
    latencyS: number | null;
    riskLevel: RiskLevel | null;
    categoryLatencyS: number | null;
    categoryFault: string | null;
    /** Alarm events and alarm sounds in the run (issue 12), and the most sounds in any 10 min. */
    events: number | null;
    alarms: number | null;
    peakAlarmsIn10Min: number | null;
  }>;
  caught: number;
  medianLatencyS: number | null;
  worstLatencyS: number | null;
  preOnsetAmber: number;
  preOnsetHours: number;
  preOnsetAmberPer12h: number;
}

/** A clean run's row: its advisory counts and the EEMUA 191 figures of score.ts (null without events). */
export interface CleanRow extends Omit<AlarmFigures, 'advisoriesPer10MinAvg'> {
  recording: string;
  mode: 'clean' | 'raw';
  hours: number;
  advisories: number;
  amberPlus: number;
  amberPer12h: number;
  advisoriesPer12h: number;
  amberByFault: Record<string, number>;
}

export function faultRows(results: readonly TaskResult[]): FaultRow[] {
  const runs = results.filter((r): r is FaultRunResult => r.kind === 'fault' || r.kind === 'sim-native');
  const groups = new Map<string, FaultRunResult[]>();
  for (const r of runs) {
    const k = `${r.recording}|${r.fault}|${r.sizeLabel}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  const rows: FaultRow[] = [];
  for (const list of groups.values()) {
    list.sort((a, b) => a.onsetIndex - b.onsetIndex || a.onsetS - b.onsetS);
    const first = list[0];
    const latencies = list.map((r) => r.score.latencyS).filter((x): x is number => x !== null).sort((a, b) => a - b);
    const pre = list.reduce((s, r) => s + r.score.preOnsetAmber, 0);
    const hours = list.reduce((s, r) => s + r.score.preOnsetHours, 0);
    rows.push({
      recording: first.recording,
      fault: first.fault,
      sizeLabel: first.sizeLabel,
      size: first.size === null ? first.sizeLabel : `${first.size} ${first.sizeUnit}`,
      runs: list.map((r) => ({
        onset: r.onset,
        latencyS: r.score.latencyS,
        riskLevel: r.score.riskLevel,
        categoryLatencyS: r.score.categoryLatencyS,
        categoryFault: r.score.categoryFault,
        events: r.alarms.events,
        alarms: r.alarms.alarms,
        peakAlarmsIn10Min: r.alarms.peakAlarmsIn10Min,
      })),
      caught: latencies.length,
      medianLatencyS: latencies.length > 0 ? latencies[Math.floor((latencies.length - 1) / 2)] : null,
      worstLatencyS: latencies.length === list.length && latencies.length > 0 ? latencies[latencies.length - 1] : null,
      preOnsetAmber: pre,
      preOnsetHours: round(hours, 2),
      preOnsetAmberPer12h: hours > 0 ? round((pre * 12) / hours, 1) : 0,
    });
  }
  return rows;
}

export function cleanRows(results: readonly TaskResult[]): CleanRow[] {
  return results
    .filter((r): r is CleanRunResult => r.kind === 'clean' || r.kind === 'raw')
    .map((r) => ({
      recording: r.recording,
      mode: r.kind,
      hours: r.score.hours,
      advisories: r.score.advisories,
      amberPlus: r.score.amberPlus,
      amberPer12h: r.score.amberPer12h,
      advisoriesPer12h: r.score.advisoriesPer12h,
      amberByFault: r.score.amberByFault,
      peakAdvisoriesIn10Min: r.score.alarms.peakAdvisoriesIn10Min,
      events: r.score.alarms.events,
      alarms: r.score.alarms.alarms,
      alarmsPer10MinAvg: r.score.alarms.alarmsPer10MinAvg,
      peakAlarmsIn10Min: r.score.alarms.peakAlarmsIn10Min,
      chattering: r.score.alarms.chattering,
      standing: r.score.alarms.standing,
    }));
}

const RISK_SHORT: Record<RiskLevel, string> = { Low: 'Low', Elevated: 'Elev', High: 'High', Critical: 'Crit' };
const pad = (s: string, n: number) => (s.length >= n ? s + ' ' : s + ' '.repeat(n - s.length));
const secs = (x: number | null) => (x === null ? '-' : `${Math.round(x)}`);
const num = (x: number | null) => (x === null ? '-' : String(x));
/** "alarms(events)" per run, one per onset. */
const alarmCells = (runs: FaultRow['runs']) => runs.map((x) => (x.alarms === null ? '-' : `${x.alarms}(${x.events ?? '-'})`)).join('/');

export function formatScorecard(faults: readonly FaultRow[], clean: readonly CleanRow[], skipped: readonly SkippedResult[], order: readonly string[]): string {
  const out: string[] = [];
  const byOrder = <T extends { recording: string }>(a: T, b: T) => order.indexOf(a.recording) - order.indexOf(b.recording);
  const maxOnsets = Math.max(1, ...faults.map((r) => r.runs.length));
  // Wide enough for a found recording's id (from its path), 11 as before for the shared ones.
  const idW = Math.max(11, ...[...faults, ...clean].map((r) => r.recording.length + 1));
  out.push("FAULTS: seconds from onset to the first ADVISORY of the fault [its risk]; '-' = not advised while the fault was on.");
  out.push("        cat = first advisory of the fault's category (s); AMBER+ before = Elevated/High/Critical advisories before the onset.");
  out.push('        alarms(events) = alarm sounds (new event, escalation, reopening) and alarm events per run; pk = most sounds in any 10 min.');
  const head = [pad('recording', idW), pad('fault', 11), pad('size', 11)];
  for (let i = 0; i < maxOnsets; i++) head.push(pad(`onset ${i + 1}`, 14));
  head.push(pad('caught', 7), pad('cat', 16), pad('alarms(events)', 15), pad('pk', 4), 'AMBER+ before (per 12 h)');
  out.push(head.join(''));
  for (const r of [...faults].sort(byOrder)) {
    const cells = [pad(r.recording, idW), pad(r.fault, 11), pad(r.size, 11)];
    for (let i = 0; i < maxOnsets; i++) {
      const run = r.runs[i];
      cells.push(pad(run ? (run.latencyS === null ? '-' : `${secs(run.latencyS)} s ${run.riskLevel ? RISK_SHORT[run.riskLevel] : ''}`) : '', 14));
    }
    cells.push(pad(`${r.caught}/${r.runs.length}`, 7));
    cells.push(pad(r.runs.map((x) => secs(x.categoryLatencyS)).join('/'), 16));
    cells.push(pad(alarmCells(r.runs), 15));
    const peaks = r.runs.map((x) => x.peakAlarmsIn10Min).filter((x): x is number => x !== null);
    cells.push(pad(peaks.length > 0 ? String(Math.max(...peaks)) : '-', 4));
    cells.push(`${r.preOnsetAmber} in ${r.preOnsetHours.toFixed(1)} h (${r.preOnsetAmberPer12h})`);
    out.push(cells.join('').trimEnd());
  }
  out.push('');
  out.push('CLEAN: the recording without a fault. clean = at 1 Hz with the made-up channels (as the fault runs); raw = the file as `npm run replay` reads it.');
  out.push('       events, alarms = alarm events and sounds (issue 12); al/10m = sounds per 10 min on average (EEMUA 191: over 1 is hard to manage), pk = most in any 10 min; chat = chattering, stand = standing over 24 h.');
  const cleanHead = [pad('recording', idW), pad('mode', 6), pad('hours', 7), pad('advis.', 7), pad('AMBER+', 7), pad('AMBER+/12h', 11), pad('all/12h', 8), pad('peak/10min', 11)];
  cleanHead.push(pad('events', 7), pad('alarms', 7), pad('al/10m', 7), pad('pk', 4), pad('chat', 5), pad('stand', 6), 'AMBER+ by fault');
  out.push(cleanHead.join(''));
  for (const c of [...clean].sort((a, b) => byOrder(a, b) || a.mode.localeCompare(b.mode))) {
    const top = Object.entries(c.amberByFault)
      .sort((a, b) => b[1] - a[1])
      .map(([f, n]) => `${f} ${n}`)
      .join(', ');
    out.push(
      [
        pad(c.recording, idW), pad(c.mode, 6), pad(c.hours.toFixed(1), 7), pad(String(c.advisories), 7), pad(String(c.amberPlus), 7), pad(String(c.amberPer12h), 11), pad(String(c.advisoriesPer12h), 8), pad(String(c.peakAdvisoriesIn10Min), 11),
        pad(num(c.events), 7), pad(num(c.alarms), 7), pad(num(c.alarmsPer10MinAvg), 7), pad(num(c.peakAlarmsIn10Min), 4), pad(num(c.chattering), 5), pad(num(c.standing), 6), top || '-',
      ].join(''),
    );
  }
  if (skipped.length > 0) {
    out.push('');
    out.push(`SKIPPED (${skipped.length}):`);
    for (const s of skipped) out.push(`  ${s.key}: ${s.reason}`);
  }
  return out.join('\n');
}

const bitNote = (r: EvalRecording): string => {
  if (r.discovered?.bit === 'assumed') return `bit ${r.bitDiameterIn} in ASSUMED (--bit-diameter: no diameter column in the file)`;
  if (r.discovered?.bit === 'file') return 'bit from the file';
  return `bit ${r.bitDiameterIn} in${r.file === null ? '' : ' (a diameter column in the file wins)'}`;
};

/** What was scored and from where (found recordings marked, and the bit they used), and the files left out with why. */
export function formatRecordings(recordings: readonly EvalRecording[], ignored: ReadonlyArray<{ file: string; reason: string }>, dataDir: string): string {
  const out = [`RECORDINGS in ${dataDir} (found = recognised by its content, not one of the shared files):`];
  const idW = Math.max(11, ...recordings.map((r) => r.id.length + 1));
  const fileW = Math.max(30, ...recordings.map((r) => (r.file ?? '').length + 2));
  for (const r of recordings) {
    const what = `${r.campaign === 'plug_abandonment' ? 'P&A / tripping' : 'drilling'}${r.discovered ? ', found' : ''}`;
    out.push(`  ${pad(r.id, idW)}${pad(r.file ?? '(built-in simulator)', fileW)}${pad(what, 24)}${bitNote(r)}`.trimEnd());
  }
  if (ignored.length > 0) {
    out.push(`IGNORED (${ignored.length}): CSV files in the data directory that were not scored`);
    for (const x of ignored) out.push(`  ${x.file}: ${x.reason}`);
  }
  return out.join('\n');
}
