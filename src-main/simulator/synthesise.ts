// Channels a real recording lacks, made up consistently with the channels it has, so faults
// that live in them (kick, loss) can be injected: flow out follows flow in through the flow
// line's lag with paddle noise, pits take the hole volume and the line fill / flow-back and
// drift slowly (no transfers), gas has a wandering background while returns flow, pump
// strokes follow flow in. Seeded and pure: the same recording and seed give the same channels.
import type { Channel } from '../../src-shared/wits.js';
import { carriesReadings, hasChannel, type BaseRecording } from './base-recording.js';
import { ArNoise, createRng, type Rng } from './prng.js';

export const SYNTHESISABLE = ['flowOutGpm', 'pitVolumeBbl', 'gasUnits', 'pumpSpm', 'mudWeightOutPpg'] as const;
export type SynthChannel = (typeof SYNTHESISABLE)[number];

export interface SynthesiseOptions {
  seed: number;
  /** Bit for the hole volume when the recording carries no diameter (in). Default 8.5. */
  bitDiameterIn?: number;
  /** Which absent channels to make up; default all of SYNTHESISABLE. */
  channels?: readonly SynthChannel[];
  /** Gallons per pump stroke for the total SPM (default 4.2). */
  galPerStroke?: number;
}

const STILL_IS_BLANK: readonly SynthChannel[] = ['flowOutGpm', 'pitVolumeBbl'];

/** Pumps count as running above this flow (gpm), as the rig-state classifier has it. */
export const PUMPS_ON_GPM = 50;
/** Flow line: returns follow flow in with this time constant (s). */
const FLOW_LINE_TAU_S = 5;
const GAL_PER_BBL = 42;
/** Typical size of the pits' slow surface drift (bbl/hr). */
const DRIFT_BBL_HR = 0.6;

/** The recording with every requested channel it lacks added (existing arrays are shared, not copied). */
export function synthesiseMissing(rec: BaseRecording, o: SynthesiseOptions): BaseRecording {
  const want = o.channels ?? SYNTHESISABLE;
  const flowIn = hasChannel(rec, 'flowInGpm') ? (rec.channels.flowInGpm as Float64Array) : null;
  const channels = { ...rec.channels };
  const made: Channel[] = [];
  const rngFor = (i: number): Rng => createRng(o.seed * 7907 + i * 104729 + 1);
  // A channel logged as all zeros (or, for flow out and pits, one unchanging value) is a sensor
  // the rig did not have: made up like one the log lacks.
  const absent = (c: SynthChannel) => want.includes(c) && !carriesReadings(rec, c, STILL_IS_BLANK.includes(c));
  const returns = flowIn ? flowLineReturns(rec, flowIn) : null;

  if (returns && flowIn && absent('flowOutGpm')) {
    channels.flowOutGpm = flowOutPaddle(rec, flowIn, returns, rngFor(1));
    made.push('flowOutGpm');
  }
  if (returns && flowIn && absent('pitVolumeBbl')) {
    channels.pitVolumeBbl = activePits(rec, flowIn, returns, rngFor(2), o.bitDiameterIn ?? 8.5);
    made.push('pitVolumeBbl');
  }
  if (returns && absent('gasUnits')) {
    channels.gasUnits = backgroundGas(rec, returns, rngFor(3));
    made.push('gasUnits');
  }
  if (flowIn && absent('pumpSpm')) {
    const rng = rngFor(4);
    const perStroke = o.galPerStroke ?? 4.2;
    channels.pumpSpm = mapPresent(rec, (k) => (Number.isNaN(flowIn[k]) ? NaN : flowIn[k] < 5 ? 0 : Math.max(0, flowIn[k] / perStroke + 0.3 * rng.gauss())));
    made.push('pumpSpm');
  }
  const mwIn = rec.channels.mudWeightInPpg;
  if (mwIn && hasChannel(rec, 'mudWeightInPpg') && absent('mudWeightOutPpg')) {
    const rng = rngFor(5);
    channels.mudWeightOutPpg = mapPresent(rec, (k) => (Number.isNaN(mwIn[k]) ? NaN : mwIn[k] + 0.03 + 0.01 * rng.gauss()));
    made.push('mudWeightOutPpg');
  }
  return { ...rec, channels, synthesised: [...rec.synthesised, ...made] };
}

function mapPresent(rec: BaseRecording, f: (k: number) => number): Float64Array {
  const out = new Float64Array(rec.lengthS).fill(NaN);
  for (let k = 0; k < rec.lengthS; k++) if (rec.present[k]) out[k] = f(k);
  return out;
}

/** What really comes back up the flow line (gpm): flow in, lagged; NaN where flow in is unknown. */
function flowLineReturns(rec: BaseRecording, flowIn: Float64Array): Float64Array {
  const alpha = 1 - Math.exp(-1 / FLOW_LINE_TAU_S);
  let r: number | null = null;
  return mapPresent(rec, (k) => {
    const q = flowIn[k];
    if (Number.isNaN(q)) return NaN;
    r = r === null ? q : r + (q - r) * alpha;
    return r;
  });
}

function flowOutPaddle(rec: BaseRecording, flowIn: Float64Array, returns: Float64Array, rng: Rng): Float64Array {
  const wander = new ArNoise(rng, 0.9);
  // A paddle is never calibrated exactly: a fixed offset of a few gpm.
  const biasGpm = rng.uniform(-2, 2);
  return mapPresent(rec, (k) => {
    const r = returns[k];
    const w = wander.step();
    const white = rng.gauss();
    if (Number.isNaN(r)) return NaN;
    if (r < 1) return 0;
    const sigmaGpm = 1.5 + 0.004 * flowIn[k];
    return Math.max(0, r + biasGpm + sigmaGpm * w + 0.8 * white);
  });
}

function activePits(rec: BaseRecording, flowIn: Float64Array, returns: Float64Array, rng: Rng, defaultBitIn: number): Float64Array {
  const hole = rec.channels.holeDepthFt ?? rec.channels.bitDepthFt;
  const bit = rec.channels.bitDiameterIn;
  // Surface drift (evaporation, solids removal) is a slowly wandering rate, not a jitter.
  const driftRate = new ArNoise(rng, 0.9995);
  const startBbl = rng.uniform(450, 650);
  let driftBbl = 0;
  let inFlowLineBbl = 0;
  let drilledBbl = 0;
  let deepestFt = NaN;
  return mapPresent(rec, (k) => {
    const q = flowIn[k];
    // Line fill when the pumps start, flow-back when they stop: mud in the flow line is not in the pits.
    if (!Number.isNaN(q) && !Number.isNaN(returns[k])) inFlowLineBbl += (q - returns[k]) / 60 / GAL_PER_BBL;
    const h = hole ? hole[k] : NaN;
    if (!Number.isNaN(h)) {
      if (Number.isNaN(deepestFt)) deepestFt = h;
      else if (h > deepestFt) {
        // New hole is filled from the pits (D²/1029.4 bbl/ft), as the engine's pit trend expects.
        const d = bit && !Number.isNaN(bit[k]) ? bit[k] : defaultBitIn;
        drilledBbl += ((h - deepestFt) * d * d) / 1029.4;
        deepestFt = h;
      }
    }
    driftBbl += (DRIFT_BBL_HR * driftRate.step()) / 3600;
    return startBbl - inFlowLineBbl - drilledBbl + driftBbl + 0.03 * rng.gauss();
  });
}

function backgroundGas(rec: BaseRecording, returns: Float64Array, rng: Rng): Float64Array {
  const slow = new ArNoise(rng, 0.9995);
  const fast = new ArNoise(rng, 0.95);
  const levelUnits = rng.uniform(15, 40);
  let gas = levelUnits;
  return mapPresent(rec, (k) => {
    const s = slow.step();
    const f = fast.step();
    const r = returns[k];
    const flowing = !Number.isNaN(r) && r >= PUMPS_ON_GPM;
    const target = flowing ? Math.max(3, levelUnits * (1 + 0.3 * s) * (1 + 0.05 * f)) : 2;
    // The gas trap reads within seconds while returns flow, and bleeds down slowly without them.
    gas += (target - gas) * (flowing ? 0.2 : 1 / 60);
    return Math.max(0, gas + 0.5 * rng.gauss());
  });
}

