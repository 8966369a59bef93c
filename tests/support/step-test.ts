// A drill-off style step test on the simulator's drilling model (src-main/simulator/formations.ts):
// the driller holds each WOB x RPM set point for a while, in a seeded order, so every grid cell
// around a formation's known best WOB/RPM gets drilled. Packets go through the real pipeline
// (MSE, d-exponent, detections), and come out as ML samples. Optional dysfunction episodes
// replace chosen set points: stick-slip torque, pack-off, founder, each with an inflated ROP so
// they would win if the filters let them through.
import { defaultConfig } from '../../src-shared/config.js';
import type { MlSample } from '../../src-shared/ml.js';
import { makePacket } from '../../src-shared/wits.js';
import { mlSampleOf } from '../../src-main/ml/sample.js';
import { modelRopFtHr, type Formation } from '../../src-main/simulator/formations.js';
import { createRng } from '../../src-main/simulator/prng.js';
import { bareCoordinator } from './coordinator.js';

export const STEP_T0 = Date.UTC(2025, 3, 1);
export const WOB_FACTORS = [0.7, 0.8, 0.9, 1.0, 1.1, 1.2];
export const RPM_FACTORS = [0.7, 0.85, 1.0, 1.15, 1.3];

export type Dysfunction = 'stick-slip' | 'pack-off' | 'founder';

export interface Injection {
  kind: Dysfunction;
  /** Set point (factors of the formation's best) whose hold is replaced by the dysfunction. */
  wobFactor: number;
  rpmFactor: number;
  /** ROP multiplier that makes the dysfunctional hold look attractive. */
  ropBoost: number;
}

export interface StepTest {
  samples: MlSample[];
  /** [startMs, endMs] of each injected dysfunction. */
  injected: { kind: Dysfunction; startMs: number; endMs: number }[];
}

export function stepTest(f: Formation, opts: { seed: number; holdS?: number; injections?: Injection[] }): StepTest {
  const holdS = opts.holdS ?? 150;
  const rng = createRng(opts.seed);
  const points = WOB_FACTORS.flatMap((w) => RPM_FACTORS.map((r) => ({ w, r })));
  for (let i = points.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [points[i], points[j]] = [points[j], points[i]];
  }
  // Five minutes of ordinary drilling first, as on a rig where the engine has been running:
  // the physics baselines settle before any set point (or dysfunction) is judged against them.
  points.unshift({ w: 0.9, r: 0.85 });
  const coordinator = bareCoordinator(defaultConfig());
  const samples: MlSample[] = [];
  const injected: StepTest['injected'] = [];
  let depthFt = 10_000;
  let pitBbl = 500;
  let t = 0;
  let wob = f.optimalWobKlbf * points[0].w;
  let rpm = f.optimalRpm * points[0].r;
  for (const p of points) {
    const inj = t === 0 ? undefined : opts.injections?.find((x) => x.wobFactor === p.w && x.rpmFactor === p.r);
    if (inj && t > 0) injected.push({ kind: inj.kind, startMs: STEP_T0 + t * 1000, endMs: STEP_T0 + (t + holdS - 1) * 1000 });
    const hold = t === 0 ? 300 : holdS;
    for (let k = 0; k < hold; k++, t++) {
      // The driller eases onto the new set point over ~10 s.
      wob += (f.optimalWobKlbf * p.w - wob) * 0.3;
      rpm += (f.optimalRpm * p.r - rpm) * 0.3;
      let wobNow = wob;
      let rop = modelRopFtHr(f, wob, rpm) * (1 + 0.03 * rng.gauss());
      let torqueFactor = 1 + 0.015 * rng.gauss();
      let sppAddPsi = 0;
      if (inj && k >= 20) {
        // The dysfunction develops over 10 s; the ROP it is given grows with it.
        const strength = Math.min((k - 20) / 10, 1);
        rop *= 1 + (inj.ropBoost - 1) * strength;
        if (inj.kind === 'stick-slip') torqueFactor *= 1 + 0.4 * strength * Math.sin((2 * Math.PI * k) / 5);
        if (inj.kind === 'pack-off') {
          torqueFactor *= 1 + 0.35 * strength;
          sppAddPsi = 300 * strength;
        }
        if (inj.kind === 'founder') {
          wobNow = wob * (1 + 0.04 * ((k - 20) % 30)); // WOB stepped up 4 %/s, ROP not following
          rop = modelRopFtHr(f, wob, rpm) * inj.ropBoost;
        }
      }
      depthFt += rop / 3600;
      pitBbl -= 0.07 * (rop / 3600);
      const torque = ((0.5 + 0.04 * (depthFt / 1000)) * (0.7 + (0.3 * rpm) / 120) + f.torquePerWobKftLbfPerKlbf * wobNow) * torqueFactor;
      const packet = makePacket(STEP_T0 + t * 1000, {
        bitDepthFt: depthFt,
        holeDepthFt: depthFt,
        ropFtHr: rop,
        wobKlbf: wobNow,
        rpm,
        torqueKftLbf: torque,
        sppPsi: 3000 + sppAddPsi + 5 * rng.gauss(),
        pumpSpm: 131,
        flowInGpm: 550 + rng.gauss(),
        flowOutGpm: 550 + rng.gauss(),
        pitVolumeBbl: pitBbl,
        hookLoadKlbf: 200 - wobNow,
        mudWeightInPpg: 12,
        mudWeightOutPpg: 12.05,
        mudTempInF: 92,
        mudTempOutF: 120,
        gasUnits: 20,
      });
      const out = coordinator.process(packet);
      const s = mlSampleOf(out.packet, out.metrics, out.detected);
      if (s) samples.push(s);
    }
  }
  return { samples, injected };
}
