// The rig at the start of a run: what stays fixed (the plan, the rock column, the random
// streams, the pump rate) and what changes second by second (depths, set points, program).
// The order of the seeded draws here is part of the replay contract: do not reorder them.
import { formationByName } from './formations.js';
import { planLayers, rockAt, type Layer, type Rock } from './lithology.js';
import { ArNoise, type Rng } from './prng.js';
import { STAND_FT, drillPhase, phase, type Phase } from './rig-program.js';
import type { PlannedDropout, PlannedFault, ScenarioName } from './scenarios.js';

/** What is fixed for the whole run. */
export interface RigWorld {
  /** The per-second stream: noise, the driller's choices, connection timings. */
  rng: Rng;
  faults: PlannedFault[];
  dropouts: PlannedDropout[];
  /** The P&A operation of a milling or cement drill-out run. */
  paOp: PlannedFault | undefined;
  isPa: boolean;
  /** The steel or cement being drilled during the P&A operation. */
  paRock: Rock | null;
  layers: Layer[];
  flowSetGpm: number;
  /** When the wiper trip starts, s (Infinity: no trip this run). */
  tripAtS: number;
  noise: Record<'rop' | 'torque' | 'spp' | 'pit' | 'gas' | 'tempIn' | 'co2' | 'mill', ArNoise>;
}

/** What changes second by second. */
export interface RigState {
  /** Seconds since the start of the run (the sample index). */
  t: number;
  holeFt: number;
  bitFt: number;
  /**
   * Lithology advances with the hole except inside fault windows, so a natural formation
   * boundary never muddies a scenario's ground truth.
   */
  lithoFt: number;
  standLengthFt: number;
  standDrilledFt: number;
  blockFt: number;
  wobSetKlbf: number;
  rpmSet: number;
  wobSetTarget: number;
  rpmSetTarget: number;
  nextSetpointChangeS: number;
  program: Phase[];
  phaseElapsedS: number;
  wobKlbf: number;
  rpm: number;
  flowInGpm: number;
  flowOutGpm: number;
  pitBbl: number;
  gasUnits: number;
  tempOutF: number;
  lastCirculationS: number;
  circulationEveryS: number;
  tripDone: boolean;
}

export interface RigPlan {
  scenario: ScenarioName;
  durationS: number;
  faults: PlannedFault[];
  dropouts: PlannedDropout[];
}

/** Rate-limited approach to a target: how the driller's hand and every actuator move. */
export const towards = (x: number, target: number, maxStep: number): number =>
  x < target ? Math.min(target, x + maxStep) : Math.max(target, x - maxStep);

/** planRng continues the plan stream (after the faults and dropouts); rng is the per-second stream. */
export function createRig(plan: RigPlan, planRng: Rng, rng: Rng): { world: RigWorld; state: RigState } {
  const { scenario, durationS, faults, dropouts } = plan;
  const paOp = faults.find((f) => f.category === 'milling' || f.category === 'cement-drill-out');
  const isPa = paOp !== undefined;
  const startHoleFt = isPa ? 6500 : 10000 + planRng.uniform(0, 20);
  const layers = planLayers(planRng, startHoleFt);
  const paRock: Rock | null = paOp
    ? { ...formationByName(paOp.category === 'milling' ? 'Casing (section mill)' : 'Cement plug') }
    : null;

  const holeFt = startHoleFt;
  const standLengthFt = STAND_FT + rng.uniform(-1, 1);
  const standDrilledFt = isPa ? 0 : rng.uniform(0, STAND_FT * 0.9);
  const rock0 = paRock ?? rockAt(layers, holeFt);
  const flowSetGpm = isPa ? 380 : 550;
  const wobSetKlbf = rock0.optimalWobKlbf * rng.uniform(0.82, 0.95);
  const rpmSet = isPa ? 40 : rock0.optimalRpm * rng.uniform(0.85, 1.0);
  const nextSetpointChangeS = rng.uniform(900, 2400);
  const pitBbl = 480 + planRng.uniform(0, 60);
  const circulationEveryS = rng.uniform(5 * 3600, 7 * 3600);
  const state: RigState = {
    t: 0,
    holeFt,
    bitFt: isPa ? holeFt - 5 : holeFt,
    lithoFt: holeFt,
    standLengthFt,
    standDrilledFt,
    blockFt: 2 + (standLengthFt - standDrilledFt),
    wobSetKlbf,
    rpmSet,
    wobSetTarget: wobSetKlbf,
    rpmSetTarget: rpmSet,
    nextSetpointChangeS,
    program: isPa ? [phase('circulate', Infinity, { offBottomFt: 5, rotation: 1 })] : [drillPhase()],
    phaseElapsedS: 0,
    wobKlbf: isPa ? 0 : wobSetKlbf,
    rpm: rpmSet,
    flowInGpm: flowSetGpm,
    flowOutGpm: flowSetGpm,
    pitBbl,
    gasUnits: rock0.backgroundGasUnits,
    tempOutF: 120,
    lastCirculationS: 0,
    circulationEveryS,
    tripDone: false,
  };

  const world: RigWorld = {
    rng,
    faults,
    dropouts,
    paOp,
    isPa,
    paRock,
    layers,
    flowSetGpm,
    tripAtS: durationS >= 8 * 3600 && (scenario === 'normal' || scenario === 'garbage') ? durationS * 0.45 : Infinity,
    noise: {
      rop: new ArNoise(rng, 0.98),
      torque: new ArNoise(rng, 0.95),
      spp: new ArNoise(rng, 0.97),
      pit: new ArNoise(rng, 0.9),
      gas: new ArNoise(rng, 0.995),
      tempIn: new ArNoise(rng, 0.99),
      co2: new ArNoise(rng, 0.99),
      mill: new ArNoise(rng, 0.7),
    },
  };
  return { world, state };
}
