// Measured on simulated drilling (issue 14): the simulator's formations have a known best WOB/RPM
// (src-main/simulator/formations.ts), so the optimum can be checked, and its fault scenarios say
// when drilling was dysfunctional, so "learned only from stable drilling" can be checked too.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src-shared/config.js';
import type { MlReport, MlSample, MlSuccess } from '../../../src-shared/ml.js';
import { makePacket } from '../../../src-shared/wits.js';
import { analyzeWindow } from '../../../src-main/ml/analyze.js';
import { collectWindow } from '../../../src-main/ml/collect.js';
import { dysfunctionFilter } from '../../../src-main/ml/dysfunction-filter.js';
import { binOf } from '../../../src-main/ml/grid.js';
import { qualityFilter } from '../../../src-main/ml/quality-filter.js';
import { mlSampleOf } from '../../../src-main/ml/sample.js';
import { largestSegment, segmentByDExponent } from '../../../src-main/ml/segmentation.js';
import { FORMATIONS, createSimulation, formationByName, modelRopFtHr, type ScenarioName } from '../../../src-main/simulator/index.js';
import { bareCoordinator } from '../../support/coordinator.js';
import { stepTest, type Injection } from '../../support/step-test.js';

const analyse = (samples: MlSample[], campaign: 'production' | 'plug_abandonment' = 'production'): MlReport =>
  analyzeWindow(samples, { timeMs: samples[samples.length - 1].timeMs, trigger: 'schedule', campaign, wellId: 'SIM', field: 'SIM' });

function success(r: MlReport): MlSuccess {
  if (r.result.status !== 'success') throw new Error(`expected an optimum, got ${r.result.reason}: ${r.result.detail}`);
  return r.result;
}

/** The analysed segment's samples in the best WOB x RPM cell (the optimum's members). */
function bestCellMembers(samples: MlSample[], r: MlReport): MlSample[] {
  const g = success(r).grid;
  const kept = dysfunctionFilter(qualityFilter(samples)).kept;
  const ranges = segmentByDExponent(kept);
  const [a, b] = ranges[largestSegment(ranges)];
  if (!g.best) return kept.slice(a, b);
  const best = g.best;
  return kept.slice(a, b).filter((s) => binOf(s.wobKlbf as number, g.wobEdgesKlbf) === best.wobBin && binOf(s.rpm as number, g.rpmEdges) === best.rpmBin);
}

const ROCK = FORMATIONS.filter((f) => f.kind === 'rock');

describe('step test over each formation: the optimum lands in the known best cell or its neighbour', () => {
  // Every rock under Production weights; P&A (efficiency first) on a soft and a hard rock.
  for (const [campaign, rocks] of [['production', ROCK], ['plug_abandonment', [ROCK[0], ROCK[3]]]] as const) {
    it.each(rocks.map((f) => [f.name, f] as const))(`${campaign}: %s`, (_name, f) => {
      const { samples } = stepTest(f, { seed: 7 });
      const r = analyse(samples, campaign);
      const { grid, optimum } = success(r);
      const truth = { wobBin: binOf(f.optimalWobKlbf, grid.wobEdgesKlbf), rpmBin: binOf(f.optimalRpm, grid.rpmEdges) };
      const cells = Math.max(Math.abs(truth.wobBin - (grid.best?.wobBin ?? -9)), Math.abs(truth.rpmBin - (grid.best?.rpmBin ?? -9)));
      console.log(`[ml-sim] ${campaign} ${f.name}: best WOB ${optimum.wobKlbf.best.toFixed(1)} klbf (known ${f.optimalWobKlbf}), RPM ${optimum.rpm.best.toFixed(0)} (known ${f.optimalRpm}), cell distance ${cells}, ROP ${optimum.expectedRopFtHr.toFixed(1)} of ${f.ropMaxFtHr} ft/hr`);
      expect(cells).toBeLessThanOrEqual(1);
      expect(Math.abs(optimum.wobKlbf.best / f.optimalWobKlbf - 1)).toBeLessThan(0.06);
      expect(Math.abs(optimum.rpm.best / f.optimalRpm - 1)).toBeLessThan(0.08);
      expect(optimum.wobKlbf.min).toBeLessThanOrEqual(optimum.wobKlbf.best);
      expect(optimum.wobKlbf.max).toBeGreaterThanOrEqual(optimum.wobKlbf.best);
    });
  }
});

describe('injected dysfunction never produces the optimum', () => {
  // Each dysfunction is given twice the ROP, at set points away from the known best: if the
  // filters let it through, it would win the grid.
  const injections: Injection[] = [
    { kind: 'stick-slip', wobFactor: 1.2, rpmFactor: 1.3, ropBoost: 2 },
    { kind: 'pack-off', wobFactor: 0.7, rpmFactor: 1.3, ropBoost: 2 },
    { kind: 'founder', wobFactor: 1.2, rpmFactor: 0.7, ropBoost: 2 },
  ];
  it.each(ROCK.map((f) => [f.name, f] as const))('%s', (_name, f) => {
    const { samples, injected } = stepTest(f, { seed: 11, injections });
    const r = analyse(samples);
    const members = bestCellMembers(samples, r);
    const inside = (s: MlSample) => injected.some((w) => s.timeMs >= w.startMs && s.timeMs <= w.endMs);
    expect(members.length).toBeGreaterThanOrEqual(10);
    expect(members.filter(inside)).toEqual([]);
    const { optimum } = success(r);
    expect(Math.abs(optimum.wobKlbf.best / f.optimalWobKlbf - 1)).toBeLessThan(0.06);
    expect(r.dysfunction.stickSlip + r.dysfunction.packOff + r.dysfunction.founder).toBeGreaterThan(0);
  });
});

function scenarioSamples(scenario: ScenarioName, seed: number) {
  const sim = createSimulation({ scenario, seed });
  const c = bareCoordinator(defaultConfig());
  const samples: MlSample[] = [];
  for (const s of sim) {
    const o = c.process(makePacket(s.timeMs, s.values));
    const m = mlSampleOf(o.packet, o.metrics, o.detected);
    if (m) samples.push(m);
  }
  return { sim, samples };
}

describe("the simulator's fault scenarios: developed dysfunction is filtered out and never in the optimum", () => {
  const cases = [['stick-slip', 1], ['stick-slip', 2], ['pack-off', 1], ['founder', 2], ['mse-inefficiency', 1]] as const;
  it.each(cases)('%s, seed %i', (scenario, seed) => {
    const { sim, samples } = scenarioSamples(scenario, seed);
    const developed = (s: MlSample) => sim.faultStrengthAt(s.timeMs) >= 0.5;
    expect(samples.filter(developed).length).toBeGreaterThan(100);
    // Stick-slip, pack-off and wasted energy have a signature the filter removes outright. A
    // founder past its WOB ramp is steady drilling at a worse set point (WOB held high, ROP
    // down): it may stay in, and the grid must not pick it.
    const kept = dysfunctionFilter(qualityFilter(samples)).kept;
    if (scenario !== 'founder') expect(kept.filter(developed)).toEqual([]);
    const r = analyse(samples);
    if (r.result.status === 'success') expect(bestCellMembers(samples, r).filter(developed)).toEqual([]);
    else expect(['AllDataRejected', 'InsufficientData']).toContain(r.result.reason);
  });
});

describe('12 h of normal simulated drilling: hourly optima', () => {
  it('in each single-formation window the chosen cell drills within 5 % of the best cell the driller visited', () => {
    const sim = createSimulation({ scenario: 'normal', seed: 1, durationS: 12 * 3600 });
    const c = bareCoordinator(defaultConfig());
    const samples: MlSample[] = [];
    const rockAt = new Map<number, string>();
    let next = sim.startMs + 3_600_000;
    const rows: string[] = [];
    let neighbours = 0;
    let judged = 0;
    for (const s of sim) {
      const o = c.process(makePacket(s.timeMs, s.values));
      const m = mlSampleOf(o.packet, o.metrics, o.detected);
      if (m) {
        samples.push(m);
        rockAt.set(m.timeMs, sim.currentFormation());
      }
      if (s.timeMs < next) continue;
      next += 3_600_000;
      const w = collectWindow(samples, s.timeMs, 7200);
      const r = analyzeWindow(w, { timeMs: s.timeMs, trigger: 'schedule', campaign: 'production', wellId: 'SIM', field: 'SIM' });
      const rocks = new Set(w.map((x) => rockAt.get(x.timeMs)));
      if (r.result.status !== 'success' || rocks.size !== 1 || !r.result.grid.best) continue;
      const f = formationByName([...rocks][0] as string);
      const g = r.result.grid;
      const centre = (e: number[], i: number) => (e[i] + e[i + 1]) / 2;
      const trueRop = (cell: { wobBin: number; rpmBin: number }) => modelRopFtHr(f, centre(g.wobEdgesKlbf, cell.wobBin), centre(g.rpmEdges, cell.rpmBin));
      const visited = g.cells.filter((x) => x.score !== null);
      const bestVisited = visited.reduce((a, b) => (trueRop(b) > trueRop(a) ? b : a));
      const chosen = g.best as { wobBin: number; rpmBin: number };
      const ratio = trueRop(chosen) / trueRop(bestVisited);
      const d = Math.max(Math.abs(chosen.wobBin - bestVisited.wobBin), Math.abs(chosen.rpmBin - bestVisited.rpmBin));
      judged++;
      if (d <= 1) neighbours++;
      rows.push(`${new Date(s.timeMs).toISOString().slice(11, 16)} ${f.name}: chosen ${chosen.wobBin},${chosen.rpmBin} best visited ${bestVisited.wobBin},${bestVisited.rpmBin} (distance ${d}), true ROP ${(ratio * 100).toFixed(1)} %`);
      expect(ratio).toBeGreaterThan(0.95);
    }
    console.log(`[ml-sim] normal 12 h: ${neighbours}/${judged} windows in the best visited cell or its neighbour\n  ${rows.join('\n  ')}`);
    expect(judged).toBeGreaterThanOrEqual(6);
    expect(neighbours / judged).toBeGreaterThanOrEqual(0.75);
  });
});
