// What each injected fault does to the recording's channels, second by second, and the hole
// not drilled when a fault slows the bit. Effects change the recording in place.
import type { Channel } from '../../src-shared/wits.js';
import type { BaseRecording } from './base-recording.js';
import { faultEndS, faultShape, type FaultSpec, type RealFault } from './fault-profiles.js';
import { PUMPS_ON_GPM } from './synthesise.js';

type Effect = (rec: BaseRecording, spec: FaultSpec) => { channels: Channel[]; ropFactor?: (k: number) => number };

const pumping = (rec: BaseRecording, k: number): boolean => {
  const q = rec.channels.flowInGpm?.[k];
  return q !== undefined && q >= PUMPS_ON_GPM;
};

/** Pumping, or no flow-in channel to say otherwise: where SPP carries the hydraulics' faults. */
const sppCirculating = (rec: BaseRecording, k: number): boolean => pumping(rec, k) || !rec.channels.flowInGpm;

/** Adds `delta(k)` to a channel from `from` to the end of the recording where it has a value. */
function addTo(rec: BaseRecording, c: Channel, from: number, to: number, delta: (k: number) => number): boolean {
  const a = rec.channels[c];
  if (!a) return false;
  for (let k = Math.max(0, from); k < Math.min(to, rec.lengthS); k++) if (!Number.isNaN(a[k])) a[k] += delta(k);
  return true;
}

function scale(rec: BaseRecording, c: Channel, from: number, to: number, factor: (k: number) => number): boolean {
  const a = rec.channels[c];
  if (!a) return false;
  for (let k = Math.max(0, from); k < Math.min(to, rec.lengthS); k++) if (!Number.isNaN(a[k])) a[k] *= factor(k);
  return true;
}

/** Flow out ±q(k) while pumping (kicks also with pumps off), with pits following the integral. */
function flowEffect(sign: 1 | -1): Effect {
  return (rec, spec) => {
    const end = faultEndS(spec);
    const q = new Float64Array(rec.lengthS);
    for (let k = spec.onsetS; k < Math.min(end, rec.lengthS); k++) {
      // An influx flows whether the pumps run or not; losses here are losses while circulating.
      if (sign > 0 || pumping(rec, k)) q[k] = spec.size * faultShape(spec, k);
    }
    const out = rec.channels.flowOutGpm;
    const changed: Channel[] = [];
    if (out && addTo(rec, 'flowOutGpm', spec.onsetS, end, (k) => (sign > 0 ? q[k] : -Math.min(q[k], out[k])))) changed.push('flowOutGpm');
    const pctIn = rec.channels.flowInGpm;
    if (scale(rec, 'flowOutPercent', spec.onsetS, end, (k) => (pctIn && pctIn[k] > PUMPS_ON_GPM ? 1 + (sign * q[k]) / pctIn[k] : 1))) changed.push('flowOutPercent');
    let volumeBbl = 0;
    const pit = new Float64Array(rec.lengthS);
    for (let k = spec.onsetS; k < rec.lengthS; k++) {
      volumeBbl += (sign * q[k]) / 60 / 42;
      pit[k] = volumeBbl;
    }
    if (addTo(rec, 'pitVolumeBbl', spec.onsetS, rec.lengthS, (k) => pit[k])) changed.push('pitVolumeBbl');
    if (sign > 0) {
      // Gas-cut returns: gas rises as the influx comes up, the mud coming out gets lighter.
      const s2 = (k: number) => (pumping(rec, k) ? spec.size * 5 * faultShape(spec, k) ** 2 : 0);
      if (addTo(rec, 'gasUnits', spec.onsetS, end, s2)) changed.push('gasUnits');
      if (addTo(rec, 'mudWeightOutPpg', spec.onsetS, end, (k) => -0.003 * q[k])) changed.push('mudWeightOutPpg');
    }
    return { channels: changed };
  };
}

const EFFECTS: Record<RealFault, Effect> = {
  kick: flowEffect(1),
  loss: flowEffect(-1),
  'pack-off': (rec, spec) => {
    const end = faultEndS(spec);
    const k45 = spec.size / 45;
    const s = (k: number) => faultShape(spec, k);
    const changed: Channel[] = [];
    if (scale(rec, 'torqueKftLbf', spec.onsetS, end, (k) => 1 + (spec.size / 100) * s(k))) changed.push('torqueKftLbf');
    if (addTo(rec, 'sppPsi', spec.onsetS, end, (k) => (sppCirculating(rec, k) ? 300 * k45 * s(k) : 0))) changed.push('sppPsi');
    return { channels: changed, ropFactor: (k) => Math.max(0.05, 1 - 0.6 * k45 * s(k)) };
  },
  washout: (rec, spec) => {
    const end = faultEndS(spec);
    const spp = rec.channels.sppPsi as Float64Array;
    const drop = (k: number) => (sppCirculating(rec, k) ? -Math.min(spec.size * faultShape(spec, k), spp[k]) : 0);
    addTo(rec, 'sppPsi', spec.onsetS, end, drop);
    return { channels: ['sppPsi'] };
  },
  'stick-slip': (rec, spec) => {
    const end = faultEndS(spec);
    const wave = (k: number) => (spec.size / 100) * faultShape(spec, k) * Math.sin((2 * Math.PI * (k - spec.onsetS)) / spec.periodS);
    const changed: Channel[] = ['torqueKftLbf'];
    scale(rec, 'torqueKftLbf', spec.onsetS, end, (k) => 1 + wave(k));
    // The top drive holds its speed; the surface RPM only wobbles a little against the torque.
    if (scale(rec, 'rpm', spec.onsetS, end, (k) => 1 - 0.1 * wave(k))) changed.push('rpm');
    return { channels: changed, ropFactor: (k) => 1 - 0.1 * faultShape(spec, k) };
  },
  founder: (rec, spec) => {
    const end = faultEndS(spec);
    const w = spec.size / 100;
    const s = (k: number) => faultShape(spec, k);
    scale(rec, 'wobKlbf', spec.onsetS, end, (k) => 1 + w * s(k));
    const changed: Channel[] = ['wobKlbf'];
    if (scale(rec, 'torqueKftLbf', spec.onsetS, end, (k) => 1 + 0.5 * w * s(k))) changed.push('torqueKftLbf');
    // Past the founder point extra weight buys no ROP: it sags once the weight is on.
    const sag = (k: number) => Math.min(1, Math.max(0, (k - spec.onsetS) / (spec.rampS + 60)));
    return { channels: changed, ropFactor: (k) => 1 - 0.15 * s(k) * sag(k) };
  },
  'trip-gain': (rec, spec) => {
    // The tank keeps what the well gave back.
    addTo(rec, 'tripTankBbl', spec.onsetS, rec.lengthS, (k) => spec.size * Math.min(1, (k - spec.onsetS) / spec.rampS));
    return { channels: ['tripTankBbl'] };
  },
  'trip-loss': (rec, spec) => {
    // What the hole took stays gone from the tank (never below empty).
    const tank = rec.channels.tripTankBbl as Float64Array;
    addTo(rec, 'tripTankBbl', spec.onsetS, rec.lengthS, (k) => -Math.min(spec.size * Math.min(1, (k - spec.onsetS) / spec.rampS), tank[k]));
    return { channels: ['tripTankBbl'] };
  },
};

/** Hole capacity, bbl/ft = D² (in) / 1029.4. */
const HOLE_CAPACITY_DIVISOR = 1029.4;

/**
 * Slower drilling makes less hole: ROP scaled, hole and bit depth lag the recording by the
 * footage not drilled, and the pits keep the mud that hole would have taken (else the pits fall
 * as if the full footage were drilled, and read as losses against the shorter hole).
 */
function applyRopFactor(rec: BaseRecording, spec: FaultSpec, factor: (k: number) => number, defaultBitIn: number): Channel[] {
  const rop = rec.channels.ropFtHr;
  if (!rop) return [];
  const end = faultEndS(spec);
  const lagFt = new Float64Array(rec.lengthS);
  let notDrilledFt = 0;
  for (let k = spec.onsetS; k < rec.lengthS; k++) {
    if (k < end && !Number.isNaN(rop[k])) {
      const f = factor(k);
      notDrilledFt += (rop[k] * (1 - f)) / 3600;
      rop[k] *= f;
    }
    lagFt[k] = notDrilledFt;
  }
  const changed: Channel[] = ['ropFtHr'];
  for (const c of ['holeDepthFt', 'bitDepthFt'] as const) if (addTo(rec, c, spec.onsetS, rec.lengthS, (k) => -lagFt[k])) changed.push(c);
  const bit = rec.channels.bitDiameterIn;
  const capacityBblFt = (k: number) => {
    const d = bit && !Number.isNaN(bit[k]) ? bit[k] : defaultBitIn;
    return (d * d) / HOLE_CAPACITY_DIVISOR;
  };
  if (addTo(rec, 'pitVolumeBbl', spec.onsetS, rec.lengthS, (k) => lagFt[k] * capacityBblFt(k))) changed.push('pitVolumeBbl');
  return changed;
}

/** Every channel an effect may write (copied before injection, the base recording is not changed). */
export const INJECTED_CHANNELS: readonly Channel[] = [
  'flowOutGpm', 'flowOutPercent', 'pitVolumeBbl', 'gasUnits', 'mudWeightOutPpg', 'torqueKftLbf', 'sppPsi', 'rpm', 'wobKlbf',
  'ropFtHr', 'holeDepthFt', 'bitDepthFt', 'tripTankBbl',
];

/** Share of a washout's drop over its ramp that SPP must be able to take for the fault to be the size asked for. */
const WASHOUT_FITS_SHARE = 0.9;

/**
 * Why the fault cannot be put into the recording at its size here, or null. A washout takes SPP
 * down by its size and SPP cannot go below zero: where SPP reads less than the drop (a transducer
 * reading nothing while pumping: Volve F-9 logs 10 psi at 235 gpm for an hour) the fault would be
 * a few psi, not the washout asked for, and scoring it would time a fault that was never there.
 */
export function whyNotInjectable(rec: BaseRecording, spec: FaultSpec): string | null {
  if (spec.fault !== 'washout') return null;
  const spp = rec.channels.sppPsi;
  if (!spp) return null;
  let asked = 0;
  let fits = 0;
  const readings: number[] = [];
  for (let k = spec.onsetS; k < Math.min(spec.onsetS + spec.rampS, rec.lengthS); k++) {
    if (Number.isNaN(spp[k]) || !sppCirculating(rec, k)) continue;
    const drop = spec.size * faultShape(spec, k);
    asked += drop;
    fits += Math.min(drop, Math.max(0, spp[k]));
    readings.push(spp[k]);
  }
  if (asked === 0 || fits >= WASHOUT_FITS_SHARE * asked) return null;
  readings.sort((a, b) => a - b);
  const medianPsi = Math.round(readings[readings.length >> 1]);
  return `SPP reads about ${medianPsi} psi over the washout's ramp: a ${spec.size} psi drop cannot be put into it: the transducer reads next to nothing, or the pressure is too low for that size`;
}

/** Writes the fault into `rec` (in place); returns the channels it changed. `defaultBitIn`: the bit where the recording carries none. */
export function applyFaultEffects(rec: BaseRecording, spec: FaultSpec, defaultBitIn: number): Channel[] {
  const effect = EFFECTS[spec.fault](rec, spec);
  return [...effect.channels, ...(effect.ropFactor ? applyRopFactor(rec, spec, effect.ropFactor, defaultBitIn) : [])];
}
