// The eval's plumbing on the shared recordings: faults really land in the (made-up) channels,
// the ground truth matches the samples, a fault run goes through the whole pipeline and is
// scored. Issue 11's detection targets met today are held; the rest once ENFORCE_ISSUE_11_TARGETS is on.
import { describe, expect, it } from 'vitest';
import { loadStaticKnowledgeStore } from '../../src-main/knowledge/knowledge-file.js';
import { SHARED_RECORDINGS } from '../../src-main/eval/recordings.js';
import { cleanRows, faultRows } from '../../src-main/eval/report.js';
import { BaseCache, runTask } from '../../src-main/eval/run-task.js';
import { checkTargets, formatTargets, targetHeld } from '../../src-main/eval/targets.js';
import { buildMatrix, onsetFractions, type EvalSettings, type FaultRunResult, type TaskResult } from '../../src-main/eval/tasks.js';
import { recordingSamples, valueAt } from '../../src-main/simulator/base-recording.js';
import { FAULT_PROFILES, faultSpec } from '../../src-main/simulator/fault-profiles.js';
import { injectFault } from '../../src-main/simulator/inject.js';
import { spreadOnsets, trippingSeconds } from '../../src-main/simulator/onsets.js';
import { DATA } from './data.js';

const settings: EvalSettings = { dataDir: DATA, recordings: SHARED_RECORDINGS, leadS: 1800, onsetFractions: onsetFractions(1) };
const cache = new BaseCache(settings);
const knowledge = loadStaticKnowledgeStore('resources/knowledge-base.json').store;
const recording = (id: string) => SHARED_RECORDINGS.find((r) => r.id === id) as (typeof SHARED_RECORDINGS)[number];

const meanOver = (f: (k: number) => number, from: number, to: number) => {
  let s = 0;
  for (let k = from; k < to; k++) s += f(k);
  return s / (to - from);
};

describe('faults on the shared recordings (plumbing)', () => {
  it('--synth-seed draws the made-up channels again and leaves the recorded ones as they were', async () => {
    const r = recording('usrop-f7');
    const one = await cache.get(r);
    const two = await new BaseCache({ ...settings, synthSeed: 2 }).get(r);
    expect(two.lengthS).toBe(one.lengthS);
    let flowOutDiffers = 0;
    for (let k = 0; k < one.lengthS; k += 97) {
      expect(valueAt(two, 'sppPsi', k)).toBe(valueAt(one, 'sppPsi', k));
      expect(valueAt(two, 'flowInGpm', k)).toBe(valueAt(one, 'flowInGpm', k));
      if (valueAt(two, 'flowOutGpm', k) !== valueAt(one, 'flowOutGpm', k)) flowOutDiffers++;
    }
    expect(flowOutDiffers).toBeGreaterThan(100);
  });
  it('USROP F-7 at 1 Hz: made-up flow out and pits, an injected kick in them, ground truth on the samples', async () => {
    const r = recording('usrop-f7');
    const base = await cache.get(r);
    expect(base.lengthS).toBeGreaterThan(20_000);
    expect(base.synthesised).toEqual(['flowOutGpm', 'pitVolumeBbl', 'gasUnits', 'pumpSpm', 'mudWeightOutPpg']);
    const [onsetS] = await cache.onsetsFor(r, 'drilling');
    const balance = (rec: typeof base) => (k: number) => valueAt(rec, 'flowOutGpm', k) - valueAt(rec, 'flowInGpm', k);
    expect(Math.abs(meanOver(balance(base), onsetS - 1800, onsetS))).toBeLessThan(5);

    const { recording: withKick, truth } = injectFault(base, faultSpec('kick', onsetS));
    expect(truth).toMatchObject({ fault: 'kick', size: FAULT_PROFILES.kick.nominal, onsetS, fullSizeS: onsetS + 300, anomalyCategory: 'WellControl' });
    const samples = [...recordingSamples(withKick, onsetS - 1, truth.endS)];
    expect(samples[1].timeMs).toBe(Date.parse(truth.onset));
    expect(samples[samples.length - 1].timeMs).toBe(Date.parse(truth.end) - 1000);
    const full = truth.fullSizeS;
    const added = (k: number) => balance(withKick)(k) - balance(base)(k);
    expect(meanOver(added, full, full + 600)).toBeCloseTo(60, 6);
    const pitGain = valueAt(withKick, 'pitVolumeBbl', full + 600) - valueAt(base, 'pitVolumeBbl', full + 600);
    expect(pitGain).toBeCloseTo((300 * 30 + 600 * 60) / 60 / 42, 0);
    expect(valueAt(withKick, 'gasUnits', full + 60)).toBeGreaterThan(valueAt(base, 'gasUnits', full + 60) + 250);
  });

  it('P&A time log: tripping onsets with the trip tank read, and a trip-tank gain lands there', async () => {
    const r = recording('volve-pa');
    const base = await cache.get(r);
    expect(base.synthesised).toEqual([]); // the P&A runs use only what was recorded
    const onsets = spreadOnsets(trippingSeconds(base), onsetFractions(3), 1800, base.lengthS - 1300);
    expect(onsets).toHaveLength(3);
    const { recording: gained, truth } = injectFault(base, faultSpec('trip-gain', onsets[0]));
    expect(truth.channels).toEqual(['tripTankBbl']);
    const k = truth.fullSizeS + 10;
    expect(valueAt(gained, 'tripTankBbl', k) - valueAt(base, 'tripTankBbl', k)).toBeCloseTo(FAULT_PROFILES['trip-gain'].nominal, 6);
    expect(valueAt(base, 'flowInGpm', onsets[0])).toBeLessThan(50);
  });

  it('a fault run goes through the whole pipeline and is scored against its window', async () => {
    const result = (await runTask({ kind: 'fault', key: 'usrop-f7/kick/nominal/1', recording: 'usrop-f7', fault: 'kick', onsetIndex: 0, size: 'nominal' }, cache, settings, knowledge)) as FaultRunResult;
    expect(result.kind).toBe('fault');
    expect(result.packets).toBe(result.endS - result.runFromS);
    expect(result.onsetS - result.runFromS).toBe(1800);
    // The injected kick reaches the engine: something in its category is advised while it is on.
    expect(result.score.categoryLatencyS).not.toBeNull();
    expect(result.score.categoryLatencyS as number).toBeGreaterThanOrEqual(0);
    expect(result.score.preOnsetHours).toBe(0.5);
  });
});

describe('issue 11 detection targets on the shared recordings', () => {
  it('the targets met today hold (nominal sizes, the middle onset of each, clean and raw); all of them once ENFORCE_ISSUE_11_TARGETS is on', async () => {
    const tasks = buildMatrix({ recordings: ['usrop-f7', 'usrop-f9', 'volve-f9', 'volve-pa'], faults: null, sizes: ['nominal'], onsets: 1, clean: true, raw: true }, SHARED_RECORDINGS);
    // As the scorecard runs them: an hour of the recording before the onset.
    const scorecard: EvalSettings = { ...settings, leadS: 3600 };
    const results: TaskResult[] = [];
    for (const t of tasks) results.push(await runTask(t, cache, scorecard, knowledge));
    const verdicts = checkTargets(faultRows(results), cleanRows(results), SHARED_RECORDINGS);
    console.log(`[field] ${formatTargets(verdicts)}`);
    // Every drilling fault with a latency target on the three drilling logs, both clean modes on all four, the trip-tank gain.
    expect(verdicts.length).toBe(24);
    const kick = verdicts.find((v) => v.recording === 'usrop-f7' && v.what.startsWith('kick'));
    const run = results.find((x): x is FaultRunResult => x.kind === 'fault' && x.recording === 'usrop-f7' && x.fault === 'kick');
    expect(kick?.measured).toBe(run?.score.latencyS === null ? 'miss' : `${Math.round(run?.score.latencyS as number)} s`);
    const held = verdicts.filter(targetHeld);
    expect(held.length).toBeGreaterThanOrEqual(21);
    expect(held.filter((v) => !v.pass)).toEqual([]);
    // Each fault run starts the engine an hour before its onset, as a fresh start mid-well: no AMBER+ in that hour.
    expect(results.filter((x): x is FaultRunResult => x.kind === 'fault' && x.score.preOnsetAmber > 0).map((x) => x.key)).toEqual([]);
  });
  it('a fresh start mid-well raises no AMBER+ in its first hour where the first minutes mislead (Volve F-9)', async () => {
    // At 37.5 % of the drilling the paddle's first two minutes read 4.2 gpm RMS (6 later) and its next
    // wander was taken for a kick; at 66.7 % the first SPP baseline settled on a weight-step excursion
    // and SPP back at its level read as a 150-psi washout for ten minutes.
    const fresh: EvalSettings = { ...settings, leadS: 3600, onsetFractions: [0.375, 0.667] };
    const freshCache = new BaseCache(fresh);
    // The hour before onset is the same whatever fault follows; a kick can go in at both (at 66.7 % SPP
    // reads 10 psi, so a washout there is refused and skipped).
    const tasks = buildMatrix({ recordings: ['volve-f9'], faults: ['kick'], sizes: ['nominal'], onsets: 2, clean: false, raw: false }, SHARED_RECORDINGS);
    const runs: FaultRunResult[] = [];
    for (const t of tasks) {
      const r = await runTask(t, freshCache, fresh, knowledge);
      if (r.kind === 'fault') runs.push(r);
    }
    expect(runs.map((r) => r.onsetS)).toEqual([28416, 45078]);
    expect(runs.map((r) => r.score.preOnsetAmber)).toEqual([0, 0]);
  });
});
