// What the planned faults do to the rig, second by second: each fault ramps in over its
// window and fades out after it, and adds its signature to a set of effects on the physics.
import type { PlannedFault } from './scenarios.js';

/** What the active faults do to the rig this second. Neutral values mean "no fault". */
export interface Effects {
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

export const faultEndS = (f: PlannedFault): number => f.onsetS + f.windowS + f.rampOutS;

/** Whether any fault is under way at tS, counting leadS before its onset and tailS after its end. */
export const inFaultWindow = (faults: readonly PlannedFault[], tS: number, leadS: number, tailS: number): boolean =>
  faults.some((f) => tS >= f.onsetS - leadS && tS <= faultEndS(f) + tailS);

export const effectsAt = (faults: readonly PlannedFault[], tS: number): Effects => {
  const e = neutral();
  for (const f of faults) applyFault(e, f, tS);
  return e;
};

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
