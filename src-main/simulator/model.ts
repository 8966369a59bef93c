// The pure drilling model: one call to next() is one second of rig time. No clocks, no
// Math.random: everything comes from the seed and the sample index, so a seed replays
// exactly. Values are canonical US oilfield units (ARCHITECTURE.md "Units").
import type { Campaign } from '../../src-shared/campaign.js';
import { emptyChannels, type ChannelValues } from '../../src-shared/wits.js';
import { FORMATIONS, PRODUCTION_SEQUENCE, formationByName, modelRopFtHr, type Formation } from './formations.js';
import { ArNoise, createRng, type Rng } from './prng.js';
import {
  DEFAULT_DURATION_S,
  anomalyCategoryOf,
  defaultCampaign,
  planDropouts,
  planFaults,
  type GroundTruth,
  type PlannedDropout,
  type PlannedFault,
  type ScenarioName,
} from './scenarios.js';

export interface SimulationOptions {
  scenario: ScenarioName;
  seed: number;
  /** Epoch ms of the first sample; defaults to 2025-01-01T00:00:00Z so runs are reproducible. */
  startMs?: number;
  /** Seconds of rig time (one sample per second); defaults per scenario. */
  durationS?: number;
  campaign?: Campaign;
}

export interface SimSample {
  timeMs: number;
  values: ChannelValues;
}

export interface Simulation extends Iterable<SimSample> {
  readonly scenario: ScenarioName;
  readonly seed: number;
  readonly startMs: number;
  readonly durationS: number;
  readonly campaign: Campaign;
  /** The next 1 Hz sample, or null when the run is over. */
  next(): SimSample | null;
  groundTruth(): GroundTruth;
  /** Name of the formation under the bit (for the ML engine's checks and debugging). */
  currentFormation(): string;
  /** Strength 0..1 of the strongest planned fault at a sample time (ML engine checks). */
  faultStrengthAt(timeMs: number): number;
}

export const DEFAULT_START_MS = Date.UTC(2025, 0, 1, 0, 0, 0);

const BIT_DIAMETER_IN = 8.5;
/** 8.5-in hole capacity, bbl/ft: the pit gives up this much mud per foot drilled. */
const HOLE_BBL_PER_FT = (BIT_DIAMETER_IN * BIT_DIAMETER_IN) / 1029.4;
const GAL_PER_BBL = 42;
const GAL_PER_STROKE = 4.2;
const BLOCK_WEIGHT_KLBF = 35;
const STAND_FT = 93;

type PhaseName =
  | 'drill'
  | 'liftOff'
  | 'circulate'
  | 'rotationOff'
  | 'pumpsOff'
  | 'slips'
  | 'pumpsOn'
  | 'rotationOn'
  | 'tripOut'
  | 'tripIn';

interface Phase {
  name: PhaseName;
  durationS: number;
  pumps: boolean;
  /** Rotation as a fraction of the driller's RPM set point. */
  rotation: number;
  /** Where the bit should be, ft above hole bottom (ignored while drilling on bottom). */
  offBottomFt: number;
  bitSpeedFtS: number;
  slips: boolean;
  /** Block height the slips phase travels to, ft. */
  blockTargetFt?: number;
}

const phase = (name: PhaseName, durationS: number, p: Partial<Phase> = {}): Phase => ({
  name,
  durationS,
  pumps: true,
  rotation: 1,
  offBottomFt: 15,
  bitSpeedFtS: 0.5,
  slips: false,
  ...p,
});

const drillPhase = (): Phase => phase('drill', Infinity, { offBottomFt: 0, bitSpeedFtS: 0.3 });

function connectionProgram(rng: Rng, circulateS: number): Phase[] {
  const out: Phase[] = [phase('liftOff', 40)];
  out.push(phase('circulate', 60 + circulateS, { rotation: circulateS > 0 ? 0.5 : 1 }));
  out.push(phase('rotationOff', 20, { rotation: 0 }));
  out.push(phase('pumpsOff', 30, { rotation: 0, pumps: false }));
  out.push(phase('slips', Math.round(rng.uniform(70, 100)), { rotation: 0, pumps: false, slips: true, blockTargetFt: 2 + 15 + STAND_FT }));
  out.push(phase('pumpsOn', 45, { rotation: 0 }));
  out.push(phase('rotationOn', 20));
  out.push(drillPhase());
  return out;
}

/** Wiper trip: out and back in a few stands with pumps off, then wash to bottom. */
function tripProgram(stands: number): Phase[] {
  const out: Phase[] = [phase('liftOff', 40), phase('circulate', 600, { rotation: 0.5 })];
  out.push(phase('rotationOff', 20, { rotation: 0 }), phase('pumpsOff', 30, { rotation: 0, pumps: false }));
  const still = { rotation: 0, pumps: false };
  for (let k = 1; k <= stands; k++) {
    out.push(phase('tripOut', STAND_FT + 5, { ...still, offBottomFt: 15 + STAND_FT * k, bitSpeedFtS: 1 }));
    out.push(phase('slips', 45, { ...still, slips: true, offBottomFt: 15 + STAND_FT * k, blockTargetFt: 5 }));
  }
  for (let k = stands - 1; k >= 0; k--) {
    out.push(phase('tripIn', STAND_FT + 5, { ...still, offBottomFt: 15 + STAND_FT * k, bitSpeedFtS: 1 }));
    out.push(phase('slips', 45, { ...still, slips: true, offBottomFt: 15 + STAND_FT * k, blockTargetFt: STAND_FT + 5 }));
  }
  out.push(phase('pumpsOn', 45, { rotation: 0 }), phase('rotationOn', 20), drillPhase());
  return out;
}

const programLengthS = (p: Phase[]): number =>
  p.reduce((sum, x) => sum + (Number.isFinite(x.durationS) ? x.durationS : 0), 0);

interface Layer {
  topFt: number;
  formation: Formation;
}

interface Rock {
  ropMaxFtHr: number;
  optimalWobKlbf: number;
  optimalRpm: number;
  torquePerWobKftLbfPerKlbf: number;
  backgroundGasUnits: number;
  name: string;
}

/** What the active faults do to the rig this second. Neutral values mean "no fault". */
interface Effects {
  ropFactor: number;
  drillabilityFactor: number;
  wobFactor: number;
  torqueFactor: number;
  torqueOscAmp: number;
  oscPeriodS: number;
  sppAddPsi: number;
  flowImbalanceGpm: number;
  gasAddUnits: number;
  mwOutAddPpg: number;
  tempOutAddF: number;
}

const neutral = (): Effects => ({
  ropFactor: 1,
  drillabilityFactor: 1,
  wobFactor: 1,
  torqueFactor: 1,
  torqueOscAmp: 0,
  oscPeriodS: 6,
  sppAddPsi: 0,
  flowImbalanceGpm: 0,
  gasAddUnits: 0,
  mwOutAddPpg: 0,
  tempOutAddF: 0,
});

/** Ramp-in 1 − e^(−t/τ) during the window, linear fade afterwards; 0 outside. */
export function faultStrength(f: PlannedFault, tS: number): number {
  const dt = tS - f.onsetS;
  if (dt < 0) return 0;
  const rampIn = (x: number): number => 1 - Math.exp(-x / f.tauS);
  if (dt <= f.windowS) return rampIn(dt);
  const out = dt - f.windowS;
  if (out >= f.rampOutS) return 0;
  return rampIn(f.windowS) * (1 - out / f.rampOutS);
}

/** 1 inside the window, fading linearly to 0 over the ramp-out; for step-like effects. */
function presence(f: PlannedFault, tS: number): number {
  const dt = tS - f.onsetS;
  if (dt < 0) return 0;
  if (dt <= f.windowS) return 1;
  return Math.max(0, 1 - (dt - f.windowS) / f.rampOutS);
}

const faultEndS = (f: PlannedFault): number => f.onsetS + f.windowS + f.rampOutS;

function applyFault(e: Effects, f: PlannedFault, tS: number): void {
  const s = faultStrength(f, tS);
  const on = presence(f, tS);
  if (on === 0) return;
  const m = f.magnitude;
  switch (f.category) {
    case 'kick':
      // Influx: returns exceed pumped flow, gas-cut mud comes up, a drilling break into the sand.
      e.flowImbalanceGpm += 80 * m * s;
      e.gasAddUnits += 450 * m * s * s;
      e.sppAddPsi -= 120 * m * s;
      e.mwOutAddPpg -= 0.35 * s;
      e.tempOutAddF += 4 * s;
      e.ropFactor *= 1 + 0.3 * s;
      break;
    case 'loss':
      e.flowImbalanceGpm -= 40 * m * s;
      e.sppAddPsi -= 200 * m * s;
      break;
    case 'pack-off':
      e.torqueFactor *= 1 + 0.45 * m * s;
      e.sppAddPsi += 300 * m * s;
      e.ropFactor *= 1 - 0.5 * s;
      e.flowImbalanceGpm -= 3 * s;
      break;
    case 'stick-slip':
      e.torqueOscAmp = Math.min(0.5, 0.4 * m) * s;
      // Period 3.5-8.5 s, spread over the magnitude range.
      e.oscPeriodS = 3.5 + (5 * (m - 0.85)) / 0.3;
      e.ropFactor *= 1 - 0.2 * s;
      break;
    case 'founder': {
      // The driller steps WOB up 2 %/packet for 30 packets; past the founder point ROP falls.
      const steps = Math.min(Math.max(tS - f.onsetS + 1, 0), 30);
      e.wobFactor *= 1 + 0.02 * steps * on;
      e.ropFactor *= 1 - 0.1 * Math.min((tS - f.onsetS) / 60, 1) * on;
      break;
    }
    case 'washout': {
      const stepPsi = f.variant === 1 ? 130 : 0;
      const rampPsi = f.variant === 1 ? 200 : 320;
      e.sppAddPsi -= m * (stepPsi * on + rampPsi * s);
      break;
    }
    case 'mse-inefficiency':
      e.ropFactor *= 1 - 0.65 * s;
      e.wobFactor *= 1 + 0.25 * s;
      e.torqueFactor *= 1 + 1.3 * m * s;
      break;
    case 'formation-change':
      e.drillabilityFactor *= 1 - 0.7 * s;
      e.torqueFactor *= 1 + 0.25 * m * s;
      break;
    case 'milling':
    case 'cement-drill-out':
      // Operations, not faults: the program and the formation override drive them.
      break;
  }
}

const smoothstep = (x: number): number => {
  const c = Math.min(Math.max(x, 0), 1);
  return c * c * (3 - 2 * c);
};

export function createSimulation(opts: SimulationOptions): Simulation {
  const { scenario, seed } = opts;
  const startMs = opts.startMs ?? DEFAULT_START_MS;
  const durationS = Math.max(1, Math.floor(opts.durationS ?? DEFAULT_DURATION_S[scenario]));
  const campaign = opts.campaign ?? defaultCampaign(scenario);
  // Separate streams: the plan does not shift when the per-second noise draws change.
  const planRng = createRng(seed * 7919 + 1);
  const rng = createRng(seed);
  const faults = planFaults(scenario, durationS, planRng);
  const dropouts: PlannedDropout[] = planDropouts(scenario, durationS, planRng);
  const paOp = faults.find((f) => f.category === 'milling' || f.category === 'cement-drill-out');
  const isPa = paOp !== undefined;

  // Formation layers: thick enough for hours in one rock, cycling through the sequence.
  const startHoleFt = isPa ? 6500 : 10000 + planRng.uniform(0, 20);
  const layers: Layer[] = [];
  {
    let idx = planRng.int(0, PRODUCTION_SEQUENCE.length - 1);
    let top = startHoleFt - planRng.uniform(20, 120);
    for (let i = 0; i < 200; i++) {
      layers.push({ topFt: top, formation: formationByName(PRODUCTION_SEQUENCE[idx % PRODUCTION_SEQUENCE.length]) });
      top += planRng.uniform(120, 320);
      idx++;
    }
  }
  const BLEND_FT = 6;
  const rockAt = (depthFt: number): Rock => {
    let i = 0;
    while (i + 1 < layers.length && layers[i + 1].topFt <= depthFt) i++;
    const cur = layers[i].formation;
    const next = layers[i + 1]?.formation;
    const w = next ? smoothstep((depthFt - (layers[i + 1].topFt - BLEND_FT / 2)) / BLEND_FT) : 0;
    const prev = i > 0 ? layers[i - 1].formation : undefined;
    const wPrev = prev ? 1 - smoothstep((depthFt - (layers[i].topFt - BLEND_FT / 2)) / BLEND_FT) : 0;
    const other = w > 0 && next ? next : prev ?? cur;
    const k = w > 0 ? w : wPrev;
    const mix = (a: number, b: number): number => a + (b - a) * k;
    return {
      name: k > 0.5 ? other.name : cur.name,
      ropMaxFtHr: mix(cur.ropMaxFtHr, other.ropMaxFtHr),
      optimalWobKlbf: mix(cur.optimalWobKlbf, other.optimalWobKlbf),
      optimalRpm: mix(cur.optimalRpm, other.optimalRpm),
      torquePerWobKftLbfPerKlbf: mix(cur.torquePerWobKftLbfPerKlbf, other.torquePerWobKftLbfPerKlbf),
      backgroundGasUnits: mix(cur.backgroundGasUnits, other.backgroundGasUnits),
    };
  };
  const paRock: Rock | null = paOp
    ? { ...formationByName(paOp.category === 'milling' ? 'Casing (section mill)' : 'Cement plug') }
    : null;

  // --- state -------------------------------------------------------------------------------
  let t = 0;
  let holeFt = startHoleFt;
  let bitFt = isPa ? holeFt - 5 : holeFt;
  // Lithology advances with the hole except inside fault windows, so a natural formation
  // boundary never muddies a scenario's ground truth.
  let lithoFt = holeFt;
  let standLengthFt = STAND_FT + rng.uniform(-1, 1);
  let standDrilledFt = isPa ? 0 : rng.uniform(0, STAND_FT * 0.9);
  let blockFt = 2 + (standLengthFt - standDrilledFt);
  const rock0 = paRock ?? rockAt(lithoFt);
  const flowSetGpm = isPa ? 380 : 550;
  let wobSetKlbf = rock0.optimalWobKlbf * rng.uniform(0.82, 0.95);
  let rpmSet = isPa ? 40 : rock0.optimalRpm * rng.uniform(0.85, 1.0);
  let wobSetTarget = wobSetKlbf;
  let rpmSetTarget = rpmSet;
  let nextSetpointChangeS = rng.uniform(900, 2400);
  let program: Phase[] = isPa ? [phase('circulate', Infinity, { offBottomFt: 5, rotation: 1 })] : [drillPhase()];
  let phaseElapsedS = 0;
  let wobKlbf = isPa ? 0 : wobSetKlbf;
  let rpm = rpmSet;
  let flowInGpm = flowSetGpm;
  let flowOutGpm = flowSetGpm;
  let pitBbl = 480 + planRng.uniform(0, 60);
  let gasUnits = rock0.backgroundGasUnits;
  let tempOutF = 120;
  let lastCirculationS = 0;
  let circulationEveryS = rng.uniform(5 * 3600, 7 * 3600);
  const tripAtS = durationS >= 8 * 3600 && (scenario === 'normal' || scenario === 'garbage') ? durationS * 0.45 : Infinity;
  let tripDone = false;

  const noise = {
    rop: new ArNoise(rng, 0.98),
    torque: new ArNoise(rng, 0.95),
    spp: new ArNoise(rng, 0.97),
    pit: new ArNoise(rng, 0.9),
    gas: new ArNoise(rng, 0.995),
    tempIn: new ArNoise(rng, 0.99),
    co2: new ArNoise(rng, 0.99),
    mill: new ArNoise(rng, 0.7),
  };

  const inWindow = (tS: number, leadS: number, tailS: number): boolean =>
    faults.some((f) => tS >= f.onsetS - leadS && tS <= faultEndS(f) + tailS);

  const effectsAt = (tS: number): Effects => {
    const e = neutral();
    for (const f of faults) applyFault(e, f, tS);
    return e;
  };

  const towards = (x: number, target: number, maxStep: number): number =>
    x < target ? Math.min(target, x + maxStep) : Math.max(target, x - maxStep);

  function schedule(): void {
    const cur = program[0];
    if (isPa && paOp) {
      if (t === paOp.onsetS) {
        program = [drillPhase()];
        phaseElapsedS = 0;
      } else if (t === paOp.onsetS + paOp.windowS) {
        program = [phase('liftOff', 40, { offBottomFt: 5 }), phase('circulate', Infinity, { offBottomFt: 5 })];
        phaseElapsedS = 0;
      }
      return;
    }
    if (cur.name === 'drill' && bitFt >= holeFt - 0.01 && standDrilledFt >= standLengthFt) {
      let next: Phase[];
      if (!tripDone && t >= tripAtS) {
        next = tripProgram(3);
        tripDone = true;
      } else if (t - lastCirculationS >= circulationEveryS) {
        next = connectionProgram(rng, Math.round(rng.uniform(1200, 1800)));
        lastCirculationS = t;
        circulationEveryS = rng.uniform(5 * 3600, 7 * 3600);
      } else {
        next = connectionProgram(rng, 0);
      }
      // Faults happen while drilling: hold the connection until it cannot overlap one.
      if (inWindow(t, programLengthS(next) + 120, 60)) return;
      program = next;
      phaseElapsedS = 0;
      standDrilledFt = 0;
      standLengthFt = STAND_FT + rng.uniform(-1, 1);
    }
  }

  function driller(): void {
    if (isPa) {
      if (paOp && paRock && t >= paOp.onsetS && t < paOp.onsetS + paOp.windowS) {
        wobSetTarget = paRock.optimalWobKlbf * (paOp.magnitude > 1 ? 1 : 0.97);
        rpmSetTarget = paRock.optimalRpm;
      } else {
        wobSetTarget = 0;
        rpmSetTarget = 40;
      }
      wobSetKlbf = towards(wobSetKlbf, wobSetTarget, 0.5);
      rpmSet = towards(rpmSet, rpmSetTarget, 2);
      return;
    }
    const founder = faults.find((f) => f.category === 'founder' && t >= f.onsetS - 900 && t < f.onsetS);
    if (founder) {
      // Bring WOB to the founder point first, so every later step is past it.
      const r = rockAt(lithoFt);
      wobSetTarget = r.optimalWobKlbf;
      rpmSetTarget = r.optimalRpm * 0.95;
    } else if (t >= nextSetpointChangeS && !inWindow(t, 900, 0)) {
      const r = rockAt(lithoFt);
      wobSetTarget = r.optimalWobKlbf * rng.uniform(0.8, 1.06);
      rpmSetTarget = r.optimalRpm * rng.uniform(0.8, 1.1);
      nextSetpointChangeS = t + rng.uniform(900, 2400);
    }
    // Slow hand on the brake: 0.03 klbf/s never looks like a founder step.
    wobSetKlbf = towards(wobSetKlbf, wobSetTarget, 0.03);
    rpmSet = towards(rpmSet, rpmSetTarget, 0.15);
  }

  function step(): ChannelValues {
    schedule();
    driller();
    const ph = program[0];
    const e = effectsAt(t);
    const inOp = isPa && paOp !== undefined && t >= paOp.onsetS && t < paOp.onsetS + paOp.windowS + 40;
    const rock = inOp && paRock ? paRock : rockAt(lithoFt);

    // Actuators: pumps ramp ~25 gpm/s, rotary 10 rpm/s; returns lag the pumps by a few seconds.
    flowInGpm = towards(flowInGpm, ph.pumps ? flowSetGpm : 0, 25);
    flowOutGpm += (flowInGpm - flowOutGpm) * (1 - Math.exp(-1 / 5));
    if (flowOutGpm < 0.5 && flowInGpm === 0) flowOutGpm = 0;
    rpm = towards(rpm, rpmSet * ph.rotation, 10);

    // Bit motion.
    const onBottom = ph.name === 'drill' && bitFt >= holeFt - 0.01;
    let ropFtHr = 0;
    let dBitFt = 0;
    if (onBottom) {
      // Tag bottom briskly, then ease the rest of the weight on: a slow 0.1 klbf/s keeps the
      // torque steady (no stick-slip-like CV) and WOB's relative slope under founder levels.
      wobKlbf = towards(wobKlbf, wobSetKlbf, isPa || wobKlbf < 8 ? 0.5 : 0.1);
    } else {
      wobKlbf = towards(wobKlbf, 0, 5);
      const target = ph.name === 'drill' ? holeFt : holeFt - ph.offBottomFt;
      if (!ph.slips) {
        const nb = towards(bitFt, target, ph.bitSpeedFtS);
        dBitFt = nb - bitFt;
        bitFt = nb;
      }
    }
    const wobEffKlbf = wobKlbf * e.wobFactor;
    if (onBottom && wobEffKlbf > 1 && rpm > 5) {
      const base = modelRopFtHr(
        { ...FORMATIONS[0], ...rock, ropMaxFtHr: rock.ropMaxFtHr * e.drillabilityFactor },
        wobEffKlbf,
        rpm,
      );
      ropFtHr = Math.max(0, base * e.ropFactor * (1 + 0.04 * noise.rop.step()));
      const dHoleFt = ropFtHr / 3600;
      holeFt += dHoleFt;
      dBitFt = holeFt - bitFt;
      bitFt = holeFt;
      standDrilledFt += dHoleFt;
      if (!inWindow(t, 0, 0)) lithoFt += dHoleFt;
      pitBbl -= HOLE_BBL_PER_FT * dHoleFt;
    } else {
      noise.rop.step();
    }

    // Block: follows the string, or travels while the string hangs in the slips.
    if (ph.slips) blockFt = towards(blockFt, ph.blockTargetFt ?? blockFt, 1.5);
    else blockFt = Math.max(1, blockFt - dBitFt);

    // Torque: off-bottom string torque grows with depth, bit torque with WOB and rock.
    let torque = 0;
    if (rpm > 1) {
      const offBottom = (0.5 + 0.04 * (bitFt / 1000)) * (0.7 + (0.3 * rpm) / 120);
      const bit = onBottom ? rock.torquePerWobKftLbfPerKlbf * wobEffKlbf : 0;
      torque = (offBottom + bit) * e.torqueFactor;
      torque *= 1 + e.torqueOscAmp * Math.sin((2 * Math.PI * t) / e.oscPeriodS);
      const erratic = inOp && paOp?.category === 'milling' ? 0.06 * noise.mill.step() : 0;
      torque *= 1 + 0.015 * noise.torque.step() + 0.01 * rng.gauss() + erratic;
    } else {
      noise.torque.step();
    }
    const rpmOut = rpm > 1 ? rpm * (1 + 0.08 * (e.torqueOscAmp / 0.4) * Math.sin((2 * Math.PI * t) / e.oscPeriodS + Math.PI)) + 0.8 * rng.gauss() : 0;

    // Hydraulics: SPP ~ Q^1.86, rising with depth; the flow-out paddle lags and carries any influx/loss.
    const mwInPpg = 12.0 + 0.005 * rng.gauss();
    const flowFrac = flowInGpm / 550;
    const sppClean = flowFrac ** 1.86 * (1400 + 0.16 * bitFt) * (mwInPpg / 12);
    const imbalance = flowInGpm > 50 ? e.flowImbalanceGpm : 0;
    const spp = flowInGpm > 0 ? Math.max(0, sppClean + e.sppAddPsi * Math.min(flowFrac, 1) + 6 * noise.spp.step() + 5 * rng.gauss()) : 0;
    pitBbl += imbalance / 60 / GAL_PER_BBL;
    const reportFlow = (x: number): number => (x <= 0 ? 0 : Math.max(0, x + 0.8 * rng.gauss()));
    const flowInOut = reportFlow(flowInGpm);
    const flowOutOut = reportFlow(flowOutGpm + imbalance);

    // Gas: background by rock, nothing at the trap without returns.
    const gasTarget = flowOutGpm > 50 ? rock.backgroundGasUnits * (1 + 0.15 * noise.gas.step()) + e.gasAddUnits : 2;
    gasUnits += (gasTarget - gasUnits) * (flowOutGpm > 50 ? 0.2 : 1 / 60);

    const tempInF = 92 + 3 * Math.sin((2 * Math.PI * t) / 86400) + 0.3 * noise.tempIn.step();
    const tempOutTarget = flowInGpm > 50 ? tempInF + 20 + 0.8 * (bitFt / 1000) + e.tempOutAddF : tempInF + 8;
    tempOutF += (tempOutTarget - tempOutF) / (flowInGpm > 50 ? 120 : 900);

    const stringWeightKlbf = BLOCK_WEIGHT_KLBF + 0.0165 * bitFt;
    const dragKlbf = ph.name === 'tripOut' ? 8 : ph.name === 'tripIn' ? -8 : 0;
    const hookKlbf = ph.slips
      ? BLOCK_WEIGHT_KLBF + 0.3 * rng.gauss()
      : stringWeightKlbf - wobEffKlbf + dragKlbf + 0.8 * rng.gauss();

    const v = emptyChannels();
    v.bitDepthFt = bitFt;
    v.holeDepthFt = holeFt;
    v.blockHeightFt = blockFt;
    v.ropFtHr = ropFtHr;
    v.hookLoadKlbf = hookKlbf;
    v.wobKlbf = onBottom ? Math.max(0, wobEffKlbf + 0.25 * rng.gauss()) : Math.max(0, wobEffKlbf);
    v.rpm = Math.max(0, rpmOut);
    v.torqueKftLbf = Math.max(0, torque);
    v.sppPsi = spp;
    v.casingPressurePsi = 0; // open annulus while drilling
    v.pumpSpm = flowInGpm > 0 ? Math.max(0, flowInGpm / GAL_PER_STROKE + 0.3 * rng.gauss()) : 0;
    v.flowInGpm = flowInOut;
    v.flowOutGpm = flowOutOut;
    v.pitVolumeBbl = pitBbl + 0.02 * noise.pit.step();
    v.mudWeightInPpg = mwInPpg;
    v.mudWeightOutPpg = 12.05 + e.mwOutAddPpg + 0.01 * rng.gauss();
    v.mudTempInF = tempInF;
    v.mudTempOutF = tempOutF;
    v.gasUnits = Math.max(0, gasUnits + rng.gauss());
    v.h2sPpm = 0;
    v.co2Percent = Math.max(0, 0.1 + 0.02 * noise.co2.step());
    v.ecdPpg = mwInPpg + 0.3 * Math.min(flowFrac, 1.2) ** 1.8 + 0.005 * rng.gauss();

    for (const d of dropouts) {
      if (t >= d.onsetS && t < d.endS) for (const c of d.channels) v[c] = null;
    }

    phaseElapsedS++;
    if (phaseElapsedS >= ph.durationS && program.length > 1) {
      program = program.slice(1);
      phaseElapsedS = 0;
    }
    return v;
  }

  const iso = (s: number): string => new Date(startMs + s * 1000).toISOString();
  const truth: GroundTruth = {
    scenario,
    seed,
    campaign,
    startTime: iso(0),
    durationS,
    faults: [
      ...faults.map((f) => {
        const cat = anomalyCategoryOf(f.category);
        return {
          category: f.category,
          ...(cat ? { anomalyCategory: cat } : {}),
          onset: iso(f.onsetS),
          end: iso(Math.min(faultEndS(f), durationS)),
        };
      }),
      ...dropouts.map((d) => ({
        category: 'sensor-dropout' as const,
        onset: iso(d.onsetS),
        end: iso(d.endS),
        channels: [...d.channels],
      })),
    ],
  };

  const sim: Simulation = {
    scenario,
    seed,
    startMs,
    durationS,
    campaign,
    next(): SimSample | null {
      if (t >= durationS) return null;
      const values = step();
      const sample = { timeMs: startMs + t * 1000, values };
      t++;
      return sample;
    },
    groundTruth: () => structuredClone(truth),
    currentFormation: () => (paRock && isPa ? paRock.name : rockAt(lithoFt).name),
    faultStrengthAt: (timeMs) => faults.reduce((m, f) => Math.max(m, faultStrength(f, (timeMs - startMs) / 1000)), 0),
    *[Symbol.iterator](): Iterator<SimSample> {
      for (let s = sim.next(); s !== null; s = sim.next()) yield s;
    },
  };
  return sim;
}
