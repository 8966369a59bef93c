// One second of rig physics: the driller acts, the pumps and rotary follow, the bit drills or
// moves, and the sensors read the result (with the faults' effects and seeded noise).
// Every seeded draw happens in a fixed order, so keep the statements in this order.
import { emptyChannels, type ChannelValues } from '../../src-shared/wits.js';
import { adjustSetpoints, scheduleProgram } from './driller.js';
import { effectsAt, inFaultWindow, type Effects } from './fault-effects.js';
import { FORMATIONS, modelRopFtHr } from './formations.js';
import { rockAt, type Rock } from './lithology.js';
import type { Phase } from './rig-program.js';
import { towards, type RigState, type RigWorld } from './rig-state.js';

const BIT_DIAMETER_IN = 8.5;
/** 8.5-in hole capacity, bbl/ft: the pit gives up this much mud per foot drilled. */
const HOLE_BBL_PER_FT = (BIT_DIAMETER_IN * BIT_DIAMETER_IN) / 1029.4;
const GAL_PER_BBL = 42;
const GAL_PER_STROKE = 4.2;
const BLOCK_WEIGHT_KLBF = 35;

/** This second's setting: the phase, the fault effects, the rock, whether a P&A operation runs. */
interface Second {
  ph: Phase;
  e: Effects;
  rock: Rock;
  inOp: boolean;
}

interface BitResult {
  onBottom: boolean;
  ropFtHr: number;
  wobEffKlbf: number;
}

/** Advances the rig by one second and returns what the sensors read. */
export function stepRig(w: RigWorld, s: RigState): ChannelValues {
  scheduleProgram(w, s);
  adjustSetpoints(w, s);
  const ph = s.program[0];
  const e = effectsAt(w.faults, s.t);
  const inOp = w.isPa && w.paOp !== undefined && s.t >= w.paOp.onsetS && s.t < w.paOp.onsetS + w.paOp.windowS + 40;
  const rock = inOp && w.paRock ? w.paRock : rockAt(w.layers, s.lithoFt);
  const sec: Second = { ph, e, rock, inOp };

  // Actuators: pumps ramp ~25 gpm/s, rotary 10 rpm/s; returns lag the pumps by a few seconds.
  s.flowInGpm = towards(s.flowInGpm, ph.pumps ? w.flowSetGpm : 0, 25);
  s.flowOutGpm += (s.flowInGpm - s.flowOutGpm) * (1 - Math.exp(-1 / 5));
  if (s.flowOutGpm < 0.5 && s.flowInGpm === 0) s.flowOutGpm = 0;
  s.rpm = towards(s.rpm, s.rpmSet * ph.rotation, 10);

  const bit = moveBit(w, s, sec);
  const v = readSensors(w, s, sec, bit);

  for (const d of w.dropouts) {
    if (s.t >= d.onsetS && s.t < d.endS) for (const c of d.channels) v[c] = null;
  }

  s.phaseElapsedS++;
  if (s.phaseElapsedS >= ph.durationS && s.program.length > 1) {
    s.program = s.program.slice(1);
    s.phaseElapsedS = 0;
  }
  return v;
}

/** Bit and block motion: drilling on bottom (making hole, using mud), or travelling off it. */
function moveBit(w: RigWorld, s: RigState, { ph, e, rock }: Second): BitResult {
  const onBottom = ph.name === 'drill' && s.bitFt >= s.holeFt - 0.01;
  let ropFtHr = 0;
  let dBitFt = 0;
  if (onBottom) {
    // Tag bottom briskly, then ease the rest of the weight on: a slow 0.1 klbf/s keeps the
    // torque steady (no stick-slip-like CV) and WOB's relative slope under founder levels.
    s.wobKlbf = towards(s.wobKlbf, s.wobSetKlbf, w.isPa || s.wobKlbf < 8 ? 0.5 : 0.1);
  } else {
    s.wobKlbf = towards(s.wobKlbf, 0, 5);
    const target = ph.name === 'drill' ? s.holeFt : s.holeFt - ph.offBottomFt;
    if (!ph.slips) {
      const nb = towards(s.bitFt, target, ph.bitSpeedFtS);
      dBitFt = nb - s.bitFt;
      s.bitFt = nb;
    }
  }
  const wobEffKlbf = s.wobKlbf * e.wobFactor;
  if (onBottom && wobEffKlbf > 1 && s.rpm > 5) {
    const base = modelRopFtHr(
      { ...FORMATIONS[0], ...rock, ropMaxFtHr: rock.ropMaxFtHr * e.drillabilityFactor },
      wobEffKlbf,
      s.rpm,
    );
    ropFtHr = Math.max(0, base * e.ropFactor * (1 + 0.04 * w.noise.rop.step()));
    const dHoleFt = ropFtHr / 3600;
    s.holeFt += dHoleFt;
    dBitFt = s.holeFt - s.bitFt;
    s.bitFt = s.holeFt;
    s.standDrilledFt += dHoleFt;
    if (!inFaultWindow(w.faults, s.t, 0, 0)) s.lithoFt += dHoleFt;
    s.pitBbl -= HOLE_BBL_PER_FT * dHoleFt;
  } else {
    w.noise.rop.step();
  }

  // Block: follows the string, or travels while the string hangs in the slips.
  if (ph.slips) s.blockFt = towards(s.blockFt, ph.blockTargetFt ?? s.blockFt, 1.5);
  else s.blockFt = Math.max(1, s.blockFt - dBitFt);
  return { onBottom, ropFtHr, wobEffKlbf };
}

/** Surface torque and rotary speed, with stick-slip's oscillation and the mill's erratic bite. */
function rotaryReadings(w: RigWorld, s: RigState, { e, rock, inOp }: Second, bit: BitResult): { torque: number; rpmOut: number } {
  const { rng, noise, paOp } = w;
  const { t, rpm } = s;
  // Torque: off-bottom string torque grows with depth, bit torque with WOB and rock.
  let torque = 0;
  if (rpm > 1) {
    const offBottom = (0.5 + 0.04 * (s.bitFt / 1000)) * (0.7 + (0.3 * rpm) / 120);
    const bitTorque = bit.onBottom ? rock.torquePerWobKftLbfPerKlbf * bit.wobEffKlbf : 0;
    torque = (offBottom + bitTorque) * e.torqueFactor;
    torque *= 1 + e.torqueOscAmp * Math.sin((2 * Math.PI * t) / e.oscPeriodS);
    const erratic = inOp && paOp?.category === 'milling' ? 0.06 * noise.mill.step() : 0;
    torque *= 1 + 0.015 * noise.torque.step() + 0.01 * rng.gauss() + erratic;
  } else {
    noise.torque.step();
  }
  const rpmOut = rpm > 1 ? rpm * (1 + 0.08 * (e.torqueOscAmp / 0.4) * Math.sin((2 * Math.PI * t) / e.oscPeriodS + Math.PI)) + 0.8 * rng.gauss() : 0;
  return { torque, rpmOut };
}

/** Every channel the rig's sensors report this second. */
function readSensors(w: RigWorld, s: RigState, sec: Second, bit: BitResult): ChannelValues {
  const { rng, noise } = w;
  const { ph, e, rock } = sec;
  const { t } = s;
  const { onBottom, wobEffKlbf } = bit;
  const { torque, rpmOut } = rotaryReadings(w, s, sec, bit);

  // Hydraulics: SPP ~ Q^1.86, rising with depth; the flow-out paddle lags and carries any influx/loss.
  const mwInPpg = 12.0 + 0.005 * rng.gauss();
  const flowFrac = s.flowInGpm / 550;
  const sppClean = flowFrac ** 1.86 * (1400 + 0.16 * s.bitFt) * (mwInPpg / 12);
  const imbalance = s.flowInGpm > 50 ? e.flowImbalanceGpm : 0;
  const spp = s.flowInGpm > 0 ? Math.max(0, sppClean + e.sppAddPsi * Math.min(flowFrac, 1) + 6 * noise.spp.step() + 5 * rng.gauss()) : 0;
  s.pitBbl += imbalance / 60 / GAL_PER_BBL;
  const reportFlow = (x: number): number => (x <= 0 ? 0 : Math.max(0, x + 0.8 * rng.gauss()));
  const flowInOut = reportFlow(s.flowInGpm);
  const flowOutOut = reportFlow(s.flowOutGpm + imbalance);

  // Gas: background by rock, nothing at the trap without returns.
  const gasTarget = s.flowOutGpm > 50 ? rock.backgroundGasUnits * (1 + 0.15 * noise.gas.step()) + e.gasAddUnits : 2;
  s.gasUnits += (gasTarget - s.gasUnits) * (s.flowOutGpm > 50 ? 0.2 : 1 / 60);

  const tempInF = 92 + 3 * Math.sin((2 * Math.PI * t) / 86400) + 0.3 * noise.tempIn.step();
  const tempOutTarget = s.flowInGpm > 50 ? tempInF + 20 + 0.8 * (s.bitFt / 1000) + e.tempOutAddF : tempInF + 8;
  s.tempOutF += (tempOutTarget - s.tempOutF) / (s.flowInGpm > 50 ? 120 : 900);

  const stringWeightKlbf = BLOCK_WEIGHT_KLBF + 0.0165 * s.bitFt;
  const dragKlbf = ph.name === 'tripOut' ? 8 : ph.name === 'tripIn' ? -8 : 0;
  const hookKlbf = ph.slips
    ? BLOCK_WEIGHT_KLBF + 0.3 * rng.gauss()
    : stringWeightKlbf - wobEffKlbf + dragKlbf + 0.8 * rng.gauss();

  const v = emptyChannels();
  v.bitDepthFt = s.bitFt;
  v.holeDepthFt = s.holeFt;
  v.blockHeightFt = s.blockFt;
  v.ropFtHr = bit.ropFtHr;
  v.hookLoadKlbf = hookKlbf;
  v.wobKlbf = onBottom ? Math.max(0, wobEffKlbf + 0.25 * rng.gauss()) : Math.max(0, wobEffKlbf);
  v.rpm = Math.max(0, rpmOut);
  v.torqueKftLbf = Math.max(0, torque);
  v.sppPsi = spp;
  v.casingPressurePsi = 0; // open annulus while drilling
  v.pumpSpm = s.flowInGpm > 0 ? Math.max(0, s.flowInGpm / GAL_PER_STROKE + 0.3 * rng.gauss()) : 0;
  v.flowInGpm = flowInOut;
  v.flowOutGpm = flowOutOut;
  v.pitVolumeBbl = s.pitBbl + 0.02 * noise.pit.step();
  v.mudWeightInPpg = mwInPpg;
  v.mudWeightOutPpg = 12.05 + e.mwOutAddPpg + 0.01 * rng.gauss();
  v.mudTempInF = tempInF;
  v.mudTempOutF = s.tempOutF;
  v.gasUnits = Math.max(0, s.gasUnits + rng.gauss());
  v.h2sPpm = 0;
  v.co2Percent = Math.max(0, 0.1 + 0.02 * noise.co2.step());
  v.ecdPpg = mwInPpg + 0.3 * Math.min(flowFrac, 1.2) ** 1.8 + 0.005 * rng.gauss();
  return v;
}
