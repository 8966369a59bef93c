import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src-shared/config.js';
import { BaselineFile, parseBaselineState } from '../../../src-main/baseline/baseline-file.js';
import {
  BaselineLearner,
  learnedLimits,
  baselineSettings,
  type BaselineSample,
} from '../../../src-main/baseline/learner.js';

const settings = (over: Partial<ReturnType<typeof baselineSettings>> = {}) => ({
  ...baselineSettings(defaultConfig()),
  minSamplesForLock: 20,
  ...over,
});

// Deterministic "noise": a repeating pattern with mean 0 and a known spread.
const wiggle = (i: number) => [-2, -1, 0, 1, 2][i % 5];

function drillingSample(i: number): BaselineSample {
  return { mse: 30_000 + 100 * wiggle(i), spp: 2_500 + 10 * wiggle(i), torque: 10 + 0.5 * wiggle(i), rop: 60, wob: 25 };
}

describe('BaselineLearner', () => {
  it('stays in shadow mode until min_samples_for_lock drilling samples, then locks', () => {
    const l = new BaselineLearner(settings());
    for (let i = 0; i < 19; i++) l.observe('Drilling', i * 1000, drillingSample(i));
    expect(l.isLearning()).toBe(true);
    expect(l.progress().mode).toBe('learning');
    l.observe('Drilling', 19_000, drillingSample(19));
    expect(l.isLearning()).toBe(false);
    const p = l.progress();
    expect(p.mode).toBe('locked');
    expect(p.lockedAtMs).toBe(19_000);
    const spp = p.metrics.find((m) => m.name === 'spp')!;
    expect(spp.locked).toBe(true);
    expect(spp.mean).toBeCloseTo(2_500, 9);
    // Sample std of [-20,-10,0,10,20] repeated 4 times.
    expect(spp.std).toBeCloseTo(Math.sqrt((4 * 1000) / 19), 6);
    expect(spp.warning).toBeCloseTo(2_500 + 3 * spp.std, 6);
    // Metrics never sampled stay unlocked.
    expect(p.metrics.find((m) => m.name === 'gas_units')!.locked).toBe(false);
  });

  it('only samples while drilling or reaming', () => {
    const l = new BaselineLearner(settings());
    for (let i = 0; i < 50; i++) l.observe('Circulating', i, drillingSample(i));
    expect(l.progress().samples).toBe(0);
    l.observe('Reaming', 1, drillingSample(0));
    expect(l.progress().samples).toBe(1);
  });

  it('a metric with too many outliers is contaminated and does not lock; force-lock exists', () => {
    const l = new BaselineLearner(settings());
    for (let i = 0; i < 20; i++) {
      const s = drillingSample(i);
      // Torque spikes after the first 10 samples; the first one widens σ, so later spikes
      // may no longer count, but at least 2 of 20 (10 %) exceed the 5 % limit.
      if (i === 12 || i === 15 || i === 18) s.torque = 40;
      l.observe('Drilling', i, s);
    }
    expect(l.statusOf('torque')).toBe('contaminated');
    expect(l.statusOf('spp')).toBe('locked');
    expect(l.progress().metrics.find((m) => m.name === 'torque')!.outlierPercent).toBeGreaterThan(5);
    expect(l.forceLock(99, ['torque'])).toEqual(['torque']);
    expect(l.statusOf('torque')).toBe('locked');
  });

  it('disabled learning reports disabled and never holds tickets back', () => {
    const l = new BaselineLearner(settings({ enabled: false }));
    l.observe('Drilling', 0, drillingSample(0));
    expect(l.isLearning()).toBe(false);
    expect(l.progress().mode).toBe('disabled');
    expect(l.progress().samples).toBe(0);
  });

  it('learnedLimits: SPP max(3σ,3 %,75)/max(5σ,6 %,150) and torque max(2σ,0.10)/max(3σ,0.20), σ of the deviations judged', () => {
    const rec = (mean: number, std: number) => ({ mean, std, warning_sigma: 3, critical_sigma: 5, locked: true, locked_timestamp: 1, sample_count: 100, min: mean - 3 * std, max: mean + 3 * std });
    const state = {
      schema_version: 2 as const,
      thresholds: {
        // The raw channels' spread (pump-rate changes, the climb with depth) is not what is judged.
        'RIG:spp': rec(2500, 280),
        'RIG:torque': rec(10, 3),
        'RIG:spp_deviation': rec(0, 40),
        'RIG:torque_deviation': rec(0, 0.1),
      } as Record<string, ReturnType<typeof rec>>,
    };
    const noisy = learnedLimits(state);
    expect(noisy.sppDeviationWarningPsi).toBe(120);
    expect(noisy.sppDeviationCriticalPsi).toBe(200);
    expect(noisy.torqueIncreaseWarningFraction).toBeCloseTo(0.2, 12);
    expect(noisy.torqueIncreaseCriticalFraction).toBeCloseTo(0.3, 12);
    // Quiet rig: floors apply.
    state.thresholds['RIG:spp_deviation'] = rec(0, 5);
    state.thresholds['RIG:torque_deviation'] = rec(0, 0.02);
    const quiet = learnedLimits(state);
    expect(quiet.sppDeviationWarningPsi).toBe(75);
    expect(quiet.sppDeviationCriticalPsi).toBe(150);
    expect(quiet.torqueIncreaseWarningFraction).toBe(0.1);
    expect(quiet.torqueIncreaseCriticalFraction).toBe(0.2);
    // High-pressure rig: the percentage of the level governs (pump and gauge noise scale with it).
    state.thresholds['RIG:spp'] = rec(4000, 280);
    expect(learnedLimits(state).sppDeviationWarningPsi).toBeCloseTo(120, 9);
    expect(learnedLimits(state).sppDeviationCriticalPsi).toBeCloseTo(240, 9);
    // The deviation not locked yet (a saved file from before it was learned): the configured SPP limits stand.
    delete state.thresholds['RIG:spp_deviation'];
    expect(learnedLimits(state).sppDeviationWarningPsi).toBeUndefined();
    // Nothing locked: nothing learned, so the configured values stand (thresholdsFor).
    expect(learnedLimits({ schema_version: 2, thresholds: {} })).toEqual({});
  });
});

describe('baseline persistence', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sairen-bl-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('resumes after restart: write, new learner, load -> locked, dynamic at once', () => {
    const l = new BaselineLearner(settings());
    for (let i = 0; i < 20; i++) l.observe('Drilling', i * 1000, drillingSample(i));
    const file = new BaselineFile(join(dir, 'data'));
    expect(file.save(l.snapshot())).toBeNull();
    // Atomic write leaves no temp file behind.
    expect(readdirSync(join(dir, 'data'))).toEqual(['baseline_state.json']);
    const saved = JSON.parse(readFileSync(file.path, 'utf8'));
    expect(saved.schema_version).toBe(2);
    expect(saved.thresholds['RIG:spp'].locked).toBe(true);

    const restarted = new BaselineLearner(settings());
    expect(restarted.isLearning()).toBe(true);
    const loaded = new BaselineFile(join(dir, 'data')).load();
    expect(loaded.warning).toBeNull();
    const restored = restarted.restore(loaded.state!);
    expect(restored).toContain('spp');
    expect(restarted.isLearning()).toBe(false);
    expect(restarted.progress().mode).toBe('locked');
    expect(restarted.progress().metrics.find((m) => m.name === 'spp')!.std).toBeCloseTo(
      l.progress().metrics.find((m) => m.name === 'spp')!.std,
      9,
    );
  });

  it('a corrupt file is reported as a warning and learning restarts', () => {
    const file = new BaselineFile(dir);
    writeFileSync(file.path, '{"schema_version": 2, "thresholds": {"RIG:spp": {"mean": "x"}}');
    const r = file.load();
    expect(r.state).toBeNull();
    expect(r.warning).toMatch(/not valid JSON.*restarts/);
    const l = new BaselineLearner(settings());
    expect(l.isLearning()).toBe(true);
  });

  it('a schema mismatch or bad field is reported', () => {
    expect(parseBaselineState('{"schema_version": 1, "thresholds": {}}').warning).toMatch(/schema_version 1, expected 2/);
    expect(parseBaselineState('{"schema_version": 2, "thresholds": {"RIG:spp": {"mean": "x"}}}').warning).toMatch(
      /corrupt at thresholds\.RIG:spp\.mean/,
    );
  });

  it('no file is not a warning; reset removes the file', () => {
    const file = new BaselineFile(dir);
    expect(file.load()).toEqual({ state: null, warning: null });
    file.save({ schema_version: 2, thresholds: {} });
    file.reset();
    expect(file.load().state).toBeNull();
  });

  it('a failing write returns an error message instead of throwing', () => {
    const file = new BaselineFile(dir, {
      readText: () => null,
      writeAtomic: () => {
        throw new Error('ENOSPC: no space left on device');
      },
      remove: () => undefined,
      ensureDir: () => undefined,
    });
    expect(file.save({ schema_version: 2, thresholds: {} })).toMatch(/ENOSPC/);
  });
});
