import { describe, expect, it } from 'vitest';
import { parseEvalArgs, recordingsProblem } from '../../../src-main/eval/args.js';
import { pickTask } from '../../../src-main/eval/pool.js';
import { describeResult } from '../../../src-main/eval/progress.js';
import { cleanRows, faultRows, formatRecordings, formatScorecard } from '../../../src-main/eval/report.js';
import { peakInWindow, scoreCleanRun, scoreFaultRun, type AdvisoryLite } from '../../../src-main/eval/score.js';
import { SHARED_RECORDINGS, SIM_RECORDING, recordingIds, type EvalRecording } from '../../../src-main/eval/recordings.js';
import { checkTargets, formatTargets, targetHeld } from '../../../src-main/eval/targets.js';
import { buildMatrix, onsetFractions, type EvalTask, type FaultRunResult, type TaskResult } from '../../../src-main/eval/tasks.js';

const T0 = Date.UTC(2024, 0, 1);
/** A drilling recording found in the data directory (not one of the shared files), without its own bit. */
const FOUND: EvalRecording = {
  ...SHARED_RECORDINGS[0], id: 'well-x', file: 'other-rig/WELL_X.csv', bitDiameterIn: 8.5, discovered: { layout: 'canonical', bit: 'assumed', onsetSeconds: 3600 },
};
const at = (s: number) => T0 + s * 1000;
const adv = (s: number, fault: string, category: string, riskLevel: AdvisoryLite['riskLevel']): AdvisoryLite => ({ timeMs: at(s), fault, category, riskLevel });

describe('scoreFaultRun', () => {
  const window = { runStartMs: at(0), onsetMs: at(3600), endMs: at(4860), expectedFaults: ['kick'], category: 'WellControl' };

  it('latency to the first advisory of the fault and of its category, its risk, AMBER+ before onset', () => {
    const s = scoreFaultRun(
      [
        adv(100, 'founder', 'Mechanical', 'Elevated'),
        adv(200, 'stick-slip', 'Mechanical', 'Low'),
        adv(1800, 'pit-rate', 'WellControl', 'Critical'),
        adv(3620, 'pit-rate', 'WellControl', 'High'),
        adv(3645, 'kick', 'WellControl', 'High'),
        adv(3700, 'kick', 'WellControl', 'Critical'),
        adv(3710, 'mse-inefficiency', 'DrillingEfficiency', 'Elevated'),
      ],
      window,
    );
    expect(s).toMatchObject({
      latencyS: 45,
      riskLevel: 'High',
      maxRiskLevel: 'Critical',
      categoryLatencyS: 20,
      categoryFault: 'pit-rate',
      advisoriesOfFault: 2,
      preOnsetAmber: 2,
      preOnsetHours: 1,
      preOnsetAmberByFault: { founder: 1, 'pit-rate': 1 },
      duringOtherAmber: 1,
    });
  });

  it('a fault advised only after its end is a miss', () => {
    const s = scoreFaultRun([adv(5000, 'kick', 'WellControl', 'High')], window);
    expect(s.latencyS).toBeNull();
    expect(s.riskLevel).toBeNull();
    expect(s.categoryLatencyS).toBeNull();
  });
});

describe('scoreCleanRun and alarm figures', () => {
  it('AMBER+ per 12 h by fault, and the busiest 10 minutes', () => {
    const list = [adv(0, 'founder', 'Mechanical', 'Elevated'), adv(100, 'founder', 'Mechanical', 'Low'), adv(500, 'kick', 'WellControl', 'Critical'), adv(5000, 'founder', 'Mechanical', 'High')];
    const s = scoreCleanRun(list, 6);
    expect(s).toMatchObject({ amberPlus: 3, amberPer12h: 6, advisoriesPer12h: 8, amberByFault: { founder: 2, kick: 1 }, byRisk: { Elevated: 1, Low: 1, Critical: 1, High: 1 } });
    expect(s.alarms.peakAdvisoriesIn10Min).toBe(3);
    expect(s.alarms.advisoriesPer10MinAvg).toBeCloseTo(4 / 36, 3);
    expect(s.alarms.events).toBeNull(); // a run without alarm events
    expect(peakInWindow([0, 599_999, 600_000, 1_200_000], 600_000)).toBe(2);
  });

  it('the alarm-event figures come from the replay; the average per 10 min over the same hours', () => {
    const fromReplay = { fromMs: 0, toMs: 8 * 3_600_000, events: 3, alarms: 4, alarmsPer10Min: 0.083, peakAlarmsIn10Min: 2, chattering: 1, standing: 0, shelved: 0 };
    const s = scoreCleanRun([adv(0, 'founder', 'Mechanical', 'Elevated')], 6, fromReplay);
    expect(s.alarms).toMatchObject({ events: 3, alarms: 4, alarmsPer10MinAvg: 0.111, peakAlarmsIn10Min: 2, chattering: 1, standing: 0 });
  });
});

describe('the run matrix and its options', () => {
  it('recordings x faults x sizes x onsets, plus clean, raw and the simulator scenarios', () => {
    const all = buildMatrix({ recordings: null, faults: null, sizes: ['nominal', 'small'], onsets: 3, clean: true, raw: true }, [...SHARED_RECORDINGS, SIM_RECORDING]);
    // 4 drilling bases x 6 faults x 2 sizes x 3 onsets + P&A 2 (trip gain, trip loss) x 2 x 3, clean 5, raw 4, simulator 6 x 2 seeds.
    expect(all).toHaveLength(4 * 36 + 12 + 5 + 4 + 12);
    expect(new Set(all.map((t) => t.key)).size).toBe(all.length);
    const quick = buildMatrix({ recordings: ['usrop-f7'], faults: ['kick', 'trip-gain'], sizes: ['nominal'], onsets: 1, clean: false, raw: false }, [...SHARED_RECORDINGS, SIM_RECORDING]);
    expect(quick.map((t) => t.key)).toEqual(['usrop-f7/kick/nominal/1']);
    expect(onsetFractions(1)).toEqual([0.55]);
    expect(onsetFractions(3)).toEqual([0.3, 0.55, 0.8]);
    expect(onsetFractions(2)).toEqual([0.2, 0.9]);
  });

  it('parses options and refuses bad ones with one line', () => {
    const q = parseEvalArgs(['--quick', '--recordings', 'usrop-f7,sim', '--faults', 'kick']);
    expect(q.ok && q.options).toMatchObject({ recordings: ['usrop-f7', 'sim'], faults: ['kick'], sizes: ['nominal'], onsets: 1, leadS: 3600, workers: 2, out: 'eval-report.json', clean: true, raw: true });
    expect(q.ok && q.options.synthSeed).toBe(1);
    expect(q.ok && q.options.bitDiameterIn).toBe(8.5);
    const bit = parseEvalArgs(['--bit-diameter', '12.25']);
    expect(bit.ok && bit.options.bitDiameterIn).toBe(12.25);
    const full = parseEvalArgs(['--lead', '30m', '--no-raw', '--workers', '1', '--synth-seed', '7'], 8);
    expect(full.ok && full.options).toMatchObject({ sizes: ['nominal', 'small'], onsets: 3, leadS: 1800, workers: 1, raw: false, synthSeed: 7 });
    const err = (a: string[]) => {
      const r = parseEvalArgs(a);
      return r.ok ? '' : r.error;
    };
    expect(err(['--recordings', ','])).toMatch(/--recordings expects some of recording ids, got ","/);
    expect(err(['--bit-diameter', '3'])).toBe('--bit-diameter expects a bit in inches (3.5-36), got "3"');
    expect(err(['--bit-diameter', '40'])).toMatch(/--bit-diameter expects a bit in inches \(3\.5-36\), got "40"/);
    expect(err(['--bit-diameter', '12,25'])).toMatch(/--bit-diameter expects/);
    expect(err(['--faults', 'gas'])).toMatch(/--faults expects some of kick, .*got "gas"/);
    expect(err(['--onsets', '9'])).toMatch(/--onsets expects a whole number \(1-6\), got "9"/);
    expect(err(['--lead', 'soon'])).toMatch(/--lead expects a time before the onset/);
    expect(err(['--synth-seed', '0'])).toMatch(/--synth-seed expects a whole number/);
    expect(err(['--bogus'])).toBe('unknown option --bogus');
  });

  it('--recordings is checked against the recordings found: an unknown id lists them, an ignored file says why', () => {
    const ids = recordingIds([...SHARED_RECORDINGS, FOUND, SIM_RECORDING]);
    const ignored = [{ id: 'notes', file: 'notes.csv', reason: 'not a CSV layout the replay reads' }];
    expect(recordingsProblem(null, ids, ignored)).toBeNull();
    expect(recordingsProblem(['well-x', 'sim', 'sim-native'], ids, ignored)).toBeNull();
    expect(recordingsProblem(['volve-f12'], ids, ignored)).toBe('--recordings expects some of usrop-f7, usrop-f9, volve-f9, volve-pa, well-x, sim, sim-native, got "volve-f12"');
    expect(recordingsProblem(['notes'], ids, ignored)).toBe('--recordings names notes (notes.csv), which is ignored: not a CSV layout the replay reads');
  });

  it('a found recording is run like the shared ones: clean, raw and every fault of its kind', () => {
    const keys = buildMatrix({ recordings: ['well-x'], faults: null, sizes: ['nominal'], onsets: 1, clean: true, raw: true }, [...SHARED_RECORDINGS, FOUND]).map((t) => t.key);
    expect(keys).toEqual(['well-x/clean', 'well-x/raw', ...['kick', 'loss', 'pack-off', 'washout', 'stick-slip', 'founder'].map((f) => `well-x/${f}/nominal/1`)]);
  });

  it('a free worker takes a task of a recording it has loaded, else one nobody has', () => {
    const t = (recording: string): EvalTask => ({ kind: 'clean', key: recording, recording });
    const queue = [t('a'), t('b'), t('c')];
    expect(pickTask(queue, new Set(['c']), [new Set(['a'])])).toBe(2);
    expect(pickTask(queue, new Set(), [new Set(['a'])])).toBe(1);
    expect(pickTask(queue, new Set(), [new Set(['a']), new Set(['b']), new Set(['c'])])).toBe(0);
  });
});

describe('scorecard table and issue 11 verdicts', () => {
  const run = (recording: string, fault: string, onsetIndex: number, latencyS: number | null): FaultRunResult => ({
    kind: 'fault', key: `${recording}/${fault}/nominal/${onsetIndex + 1}`, recording, fault, sizeLabel: 'nominal', size: 60, sizeUnit: 'gpm', onsetIndex,
    onsetS: 3600 * (onsetIndex + 1), onset: new Date(at(3600 * (onsetIndex + 1))).toISOString(), endS: 0, runFromS: 0, truth: null, packets: 1000, wallS: 1,
    score: { latencyS, riskLevel: latencyS === null ? null : 'High', maxRiskLevel: null, categoryLatencyS: latencyS, categoryFault: null, advisoriesOfFault: 1, preOnsetAmber: 2, preOnsetHours: 1, preOnsetAmberByFault: {}, duringOtherAmber: 0 },
    alarms: { advisoriesPer10MinAvg: 0, peakAdvisoriesIn10Min: 0, events: 2, alarms: onsetIndex + 1, alarmsPer10MinAvg: 0.5, peakAlarmsIn10Min: onsetIndex + 1, chattering: 0, standing: 0 },
  });
  const results: TaskResult[] = [
    run('usrop-f7', 'kick', 0, 45),
    run('usrop-f7', 'kick', 1, 75),
    run('usrop-f7', 'kick', 2, null),
    run('usrop-f9', 'kick', 0, 30),
    {
      kind: 'clean', key: 'usrop-f7/clean', recording: 'usrop-f7', packets: 1, wallS: 1, synthesised: [],
      score: scoreCleanRun([adv(0, 'founder', 'Mechanical', 'High')], 12, { fromMs: 0, toMs: 0, events: 1, alarms: 1, alarmsPer10Min: 0, peakAlarmsIn10Min: 1, chattering: 0, standing: 0, shelved: 0 }),
    },
    { kind: 'skipped', key: 'volve-pa/trip-gain/nominal/3', recording: 'volve-pa', fault: 'trip-gain', reason: 'only 2 tripping onsets' },
  ];

  it('one row per recording, fault and size with a column per onset', () => {
    const rows = faultRows(results);
    const f7 = rows.find((r) => r.recording === 'usrop-f7');
    expect(f7).toMatchObject({ size: '60 gpm', caught: 2, medianLatencyS: 45, worstLatencyS: null, preOnsetAmber: 6, preOnsetHours: 3, preOnsetAmberPer12h: 24 });
    const text = formatScorecard(rows, cleanRows(results), results.filter((r) => r.kind === 'skipped') as never, ['usrop-f7', 'usrop-f9']);
    expect(text).toMatch(/usrop-f7\s+kick\s+60 gpm\s+45 s High\s+75 s High\s+-\s+2\/3\s+45\/75\/-\s+1\(2\)\/2\(2\)\/3\(2\)\s+3\s/);
    // clean: the advisory figures, then events 1, alarms 1, 0.014 sounds per 10 min (1 in 12 h), peak 1, no chattering or standing
    expect(text).toMatch(/usrop-f7\s+clean\s+12\.0(\s+1){7}\s+0\.014\s+1\s+0\s+0\s+founder 1/);
    expect(text).toMatch(/volve-pa\/trip-gain\/nominal\/3: only 2 tripping onsets/);
    expect(describeResult(results[0])).toMatch(/usrop-f7 kick 60 gpm onset 1 \(01:00:00\): \+45 s High; category \+45 s; 2 AMBER\+ before; 2 events, 1 alarms \(peak 1 in 10 min\)/);
  });

  it('verdicts against the issue table: every onset within the latency, clean AMBER+ per 12 h', () => {
    const v = checkTargets(faultRows(results), cleanRows(results), SHARED_RECORDINGS);
    expect(v).toContainEqual({ recording: 'usrop-f7', what: 'kick 60 gpm', target: '<= 60 s at every onset', measured: '45 s, 75 s, miss', pass: false });
    expect(v).toContainEqual({ recording: 'usrop-f9', what: 'kick 60 gpm', target: '<= 60 s at every onset', measured: '30 s', pass: true });
    expect(v).toContainEqual({ recording: 'usrop-f7', what: 'clean (clean) AMBER+ per 12 h', target: '<= 2', measured: '1', pass: true });
  });

  it('the recordings table names the found ones, the bit each used (the assumed one called out) and the files ignored', () => {
    const text = formatRecordings([...SHARED_RECORDINGS, FOUND, { ...FOUND, id: 'well-y', file: 'well-y.csv', discovered: { layout: 'usrop', bit: 'file', onsetSeconds: 1 } }, SIM_RECORDING], [{ file: 'crew.csv', reason: 'empty' }], '/data');
    expect(text).toMatch(/^ {2}usrop-f7\s+usrop\/USROP_A1_F-7_depth\.csv\s+drilling\s+bit 17\.5 in \(a diameter column in the file wins\)$/m);
    expect(text).toMatch(/^ {2}volve-pa\s+volve\/F-9A_time_log_PA\.csv\s+P&A \/ tripping\s+bit 8\.5 in/m);
    expect(text).toMatch(/^ {2}well-x\s+other-rig\/WELL_X\.csv\s+drilling, found\s+bit 8\.5 in ASSUMED \(--bit-diameter: no diameter column in the file\)$/m);
    expect(text).toMatch(/^ {2}well-y\s+well-y\.csv\s+drilling, found\s+bit from the file$/m);
    expect(text).toMatch(/^ {2}sim\s+\(built-in simulator\)\s+drilling\s+bit 8\.5 in$/m);
    expect(text).toMatch(/IGNORED \(1\): CSV files in the data directory that were not scored\n {2}crew\.csv: empty$/);
  });

  it('a found recording gets the same targets, none of them held by test:field (it does not have the file)', () => {
    const found = results.map((r) => ({ ...r, recording: r.recording === 'usrop-f9' ? 'well-x' : r.recording, key: r.key.replace('usrop-f9', 'well-x') }));
    const v = checkTargets(faultRows(found), cleanRows(found), [...SHARED_RECORDINGS, FOUND]);
    const wellX = v.find((x) => x.recording === 'well-x');
    expect(wellX).toEqual({ recording: 'well-x', what: 'kick 60 gpm', target: '<= 60 s at every onset', measured: '30 s', pass: true });
    expect(targetHeld(wellX as NonNullable<typeof wellX>)).toBe(false);
    expect(targetHeld(v.find((x) => x.recording === 'usrop-f7' && x.what.startsWith('kick')) as NonNullable<typeof wellX>)).toBe(true);
    expect(formatTargets(v)).toMatch(/PASS\* well-x\s+kick 60 gpm/);
    // Only the recordings given are checked: the same rows without the found one in the list give no verdict for it.
    expect(checkTargets(faultRows(found), cleanRows(found), SHARED_RECORDINGS).some((x) => x.recording === 'well-x')).toBe(false);
  });
});
