// Issue 11's detection targets, as the scorecard and `npm run test:field` check them, on every
// recording found in the data directory. Those met at every onset of the full scorecard on the
// shared recordings are held by test:field (a regression guard); the rest are listed as not yet
// met, and ENFORCE_ISSUE_11_TARGETS switches all of them on once they are. A recording found
// elsewhere is measured against the same targets but never held: test:field does not have it.
import type { RealFault } from '../simulator/fault-profiles.js';
import { SHARED_RECORDING_IDS, type EvalRecording } from './recordings.js';
import type { CleanRow, FaultRow } from './report.js';

export const ENFORCE_ISSUE_11_TARGETS = false;

/**
 * Targets not met at every onset of the full scorecard yet ("recording fault"), with why in the
 * closing notes; every other target is held by test:field now.
 */
export const ISSUE_11_NOT_YET_MET: readonly string[] = [
  'volve-f9 kick', 'volve-f9 loss',
];

/** Whether test:field holds this target today (shared recordings only). */
export function targetHeld(v: TargetVerdict): boolean {
  if (!SHARED_RECORDING_IDS.includes(v.recording)) return false;
  return ENFORCE_ISSUE_11_TARGETS || !ISSUE_11_NOT_YET_MET.includes(`${v.recording} ${v.what.split(' ')[0]}`);
}

export const ISSUE_11_TARGETS = {
  /** Latency from onset to the first advisory of the fault, nominal size, every onset (s). */
  maxLatencyS: { kick: 60, loss: 60, 'pack-off': 120, washout: 120, 'stick-slip': 120 } as Partial<Record<RealFault, number>>,
  /** AMBER+ (Elevated, High, Critical) advisories per 12 h of clean drilling. */
  maxAmberPer12hDrilling: 2,
  /** Advisories of any level per 12 h on the P&A log. */
  maxAdvisoriesPer12hPa: 1,
  /** A trip-tank gain (nominal size) is advised at every onset. */
  tripGainCaught: true,
} as const;

export interface TargetVerdict {
  recording: string;
  what: string;
  target: string;
  measured: string;
  pass: boolean;
}

/** Issue 11's table checked on the real recordings (the simulator has its own tests): drilling ones on latency and clean AMBER+, P&A on advisories and the trip-tank gain. */
export function checkTargets(faults: readonly FaultRow[], clean: readonly CleanRow[], recordings: readonly EvalRecording[]): TargetVerdict[] {
  const out: TargetVerdict[] = [];
  const real = recordings.filter((r) => r.file !== null);
  for (const r of real) {
    const pa = r.campaign === 'plug_abandonment';
    for (const row of faults.filter((f) => f.recording === r.id && f.sizeLabel === 'nominal')) {
      const lat = row.runs.map((x) => (x.latencyS === null ? 'miss' : `${Math.round(x.latencyS)} s`)).join(', ');
      const maxS = ISSUE_11_TARGETS.maxLatencyS[row.fault as RealFault];
      if (maxS !== undefined) {
        const pass = row.runs.length > 0 && row.runs.every((x) => x.latencyS !== null && x.latencyS <= maxS);
        out.push({ recording: r.id, what: `${row.fault} ${row.size}`, target: `<= ${maxS} s at every onset`, measured: lat, pass });
      } else if (row.fault === 'trip-gain' && ISSUE_11_TARGETS.tripGainCaught) {
        out.push({ recording: r.id, what: `trip-gain ${row.size}`, target: 'advised at every onset', measured: lat, pass: row.runs.length > 0 && row.caught === row.runs.length });
      }
    }
    for (const c of clean.filter((x) => x.recording === r.id)) {
      const max = pa ? ISSUE_11_TARGETS.maxAdvisoriesPer12hPa : ISSUE_11_TARGETS.maxAmberPer12hDrilling;
      const measured = pa ? c.advisoriesPer12h : c.amberPer12h;
      out.push({ recording: r.id, what: `clean (${c.mode}) ${pa ? 'advisories' : 'AMBER+'} per 12 h`, target: `<= ${max}`, measured: String(measured), pass: measured <= max });
    }
  }
  return out;
}

export function formatTargets(verdicts: readonly TargetVerdict[]): string {
  const held = verdicts.filter(targetHeld).length;
  const lines = [
    `ISSUE 11 TARGETS (${held} held by test:field, ${verdicts.length - held} not: not yet met, or a recording test:field does not have; * = not held): ` +
      `${verdicts.filter((v) => v.pass).length}/${verdicts.length} pass`,
  ];
  const idW = Math.max(10, ...verdicts.map((v) => v.recording.length));
  for (const v of verdicts) lines.push(`  ${v.pass ? 'PASS' : 'FAIL'}${targetHeld(v) ? ' ' : '*'} ${v.recording.padEnd(idW)} ${v.what.padEnd(34)} ${v.target.padEnd(26)} ${v.measured}`);
  return lines.join('\n');
}
