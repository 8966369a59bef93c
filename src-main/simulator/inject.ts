// One fault injected into a base recording's real channels, with a chosen size and a linear
// ramp: in over `rampS`, held `holdS`, out over `rampOutS`. Volumes integrate (a kick's pit
// gain stays after the influx stops), a lower ROP drills less hole. Pure and deterministic.
import type { AnomalyCategory, FaultKind } from '../../src-shared/advisory.js';
import type { Channel } from '../../src-shared/wits.js';
import { hasChannel, isoAt, withWritableChannels, type BaseRecording } from './base-recording.js';
import { PUMPS_ON_GPM } from './synthesise.js';

export const REAL_FAULTS = ['kick', 'loss', 'pack-off', 'washout', 'stick-slip', 'founder', 'trip-gain', 'trip-loss'] as const;
export type RealFault = (typeof REAL_FAULTS)[number];

export function isRealFault(s: string): s is RealFault {
  return (REAL_FAULTS as readonly string[]).includes(s);
}

export interface FaultProfile {
  sizeUnit: string;
  /** The size issue 11 measures against, and a smaller one for sensitivity. */
  nominal: number;
  small: number;
  minSize: number;
  maxSize: number;
  rampS: number;
  holdS: number;
  /** Advisory faults that count as catching it, and its category. */
  expected: FaultKind[];
  category: AnomalyCategory;
  /** Where it can be injected: on bottom drilling, or tripping with the pumps off. */
  during: 'drilling' | 'tripping';
  /** Channels it needs; at least one of each group. */
  needs: Channel[][];
  what: string;
}

export const FAULT_PROFILES: Readonly<Record<RealFault, FaultProfile>> = {
  kick: {
    sizeUnit: 'gpm', nominal: 60, small: 30, minSize: 1, maxSize: 1000, rampS: 300, holdS: 900,
    expected: ['kick'], category: 'WellControl', during: 'drilling', needs: [['flowOutGpm', 'pitVolumeBbl']],
    what: 'influx: flow out +N gpm, pits gain the integral, gas up',
  },
  loss: {
    sizeUnit: 'gpm', nominal: 80, small: 40, minSize: 1, maxSize: 1000, rampS: 300, holdS: 900,
    expected: ['loss'], category: 'WellControl', during: 'drilling', needs: [['flowOutGpm', 'pitVolumeBbl'], ['flowInGpm']],
    what: 'losses while pumping: flow out -N gpm, pits fall',
  },
  'pack-off': {
    sizeUnit: '% torque', nominal: 45, small: 25, minSize: 1, maxSize: 200, rampS: 300, holdS: 900,
    expected: ['pack-off'], category: 'Mechanical', during: 'drilling', needs: [['torqueKftLbf'], ['sppPsi', 'ropFtHr']],
    what: 'torque +N %, SPP +300 psi and ROP -60 % at N = 45 (scaled with N)',
  },
  washout: {
    sizeUnit: 'psi', nominal: 300, small: 150, minSize: 1, maxSize: 5000, rampS: 300, holdS: 900,
    expected: ['washout'], category: 'Hydraulics', during: 'drilling', needs: [['sppPsi']],
    what: 'SPP -N psi at constant flow',
  },
  'stick-slip': {
    sizeUnit: '% torque', nominal: 40, small: 25, minSize: 1, maxSize: 100, rampS: 300, holdS: 900,
    expected: ['stick-slip'], category: 'Mechanical', during: 'drilling', needs: [['torqueKftLbf']],
    what: 'torque ±N % at a 3-10 s period (--period, default 6 s), ROP -10 %',
  },
  // DOMAIN §16: the driller adds ~2 %/s of WOB for half a minute and ROP does not follow.
  founder: {
    sizeUnit: '% WOB', nominal: 60, small: 30, minSize: 1, maxSize: 200, rampS: 30, holdS: 600,
    expected: ['founder'], category: 'Mechanical', during: 'drilling', needs: [['wobKlbf'], ['ropFtHr']],
    what: 'WOB +N % over the ramp (torque +N/2 %) while ROP does not follow (-15 %)',
  },
  // The trip sheet's own faults (a kick advisory for the gain counts too).
  'trip-gain': {
    sizeUnit: 'bbl', nominal: 5, small: 2, minSize: 0.1, maxSize: 200, rampS: 300, holdS: 900,
    expected: ['trip-gain', 'kick'], category: 'WellControl', during: 'tripping', needs: [['tripTankBbl']],
    what: 'trip tank gains N bbl while tripping (the well gives back more than the pipe displaces)',
  },
  'trip-loss': {
    sizeUnit: 'bbl', nominal: 5, small: 2, minSize: 0.1, maxSize: 200, rampS: 300, holdS: 900,
    expected: ['trip-loss', 'loss'], category: 'WellControl', during: 'tripping', needs: [['tripTankBbl']],
    what: 'trip tank loses N bbl while tripping (the hole takes more than the pipe displaces)',
  },
};

export interface FaultSpec {
  fault: RealFault;
  /** Seconds from the start of the recording. */
  onsetS: number;
  size: number;
  rampS: number;
  holdS: number;
  rampOutS: number;
  /** Stick-slip period (s). */
  periodS: number;
}

export function faultSpec(fault: RealFault, onsetS: number, o: Partial<Omit<FaultSpec, 'fault' | 'onsetS'>> = {}): FaultSpec {
  const p = FAULT_PROFILES[fault];
  return { fault, onsetS, size: o.size ?? p.nominal, rampS: o.rampS ?? p.rampS, holdS: o.holdS ?? p.holdS, rampOutS: o.rampOutS ?? 60, periodS: o.periodS ?? 6 };
}

/** Ground truth of one injected fault; seconds from the start of the recording and ISO-8601 UTC. */
export interface InjectionTruth {
  fault: RealFault;
  size: number;
  sizeUnit: string;
  rampS: number;
  holdS: number;
  rampOutS: number;
  periodS: number | null;
  anomalyCategory: AnomalyCategory;
  expectedFaults: FaultKind[];
  onsetS: number;
  fullSizeS: number;
  endS: number;
  onset: string;
  fullSize: string;
  end: string;
  /** Channels the fault changed. */
  channels: Channel[];
}

export class InjectionError extends Error {}

/** Fault shape 0..1: linear in, held, linear out. */
export function faultShape(spec: FaultSpec, k: number): number {
  const dt = k - spec.onsetS;
  if (dt < 0) return 0;
  if (dt < spec.rampS) return dt / spec.rampS;
  if (dt < spec.rampS + spec.holdS) return 1;
  const out = dt - spec.rampS - spec.holdS;
  return out < spec.rampOutS ? 1 - out / spec.rampOutS : 0;
}

export function checkSpec(rec: BaseRecording, spec: FaultSpec): void {
  const p = FAULT_PROFILES[spec.fault];
  if (!(spec.size >= p.minSize && spec.size <= p.maxSize)) {
    throw new InjectionError(`${spec.fault} size must be within ${p.minSize}-${p.maxSize} ${p.sizeUnit}, got ${spec.size}`);
  }
  if (!(spec.rampS >= 1) || !(spec.holdS >= 0) || !(spec.rampOutS >= 1)) throw new InjectionError('ramp and ramp-out must be >= 1 s, hold >= 0 s');
  if (spec.fault === 'stick-slip' && !(spec.periodS >= 2 && spec.periodS <= 30)) throw new InjectionError(`stick-slip period must be within 2-30 s, got ${spec.periodS}`);
  if (!(spec.onsetS >= 0 && spec.onsetS < rec.lengthS)) {
    throw new InjectionError(`onset ${spec.onsetS} s is outside the recording (0-${Math.max(0, rec.lengthS - 1)} s)`);
  }
  for (const group of p.needs) {
    if (!group.some((c) => hasChannel(rec, c))) {
      throw new InjectionError(`${spec.fault} needs ${group.join(' or ')}, which this recording does not have${group.some((c) => c === 'flowOutGpm' || c === 'pitVolumeBbl') ? ' (let the simulator synthesise them)' : ''}`);
    }
  }
}

type Effect = (rec: BaseRecording, spec: FaultSpec) => { channels: Channel[]; ropFactor?: (k: number) => number };

const pumping = (rec: BaseRecording, k: number): boolean => {
  const q = rec.channels.flowInGpm?.[k];
  return q !== undefined && q >= PUMPS_ON_GPM;
};

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
    const end = spec.onsetS + spec.rampS + spec.holdS + spec.rampOutS;
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
    const end = spec.onsetS + spec.rampS + spec.holdS + spec.rampOutS;
    const k45 = spec.size / 45;
    const s = (k: number) => faultShape(spec, k);
    const changed: Channel[] = [];
    if (scale(rec, 'torqueKftLbf', spec.onsetS, end, (k) => 1 + (spec.size / 100) * s(k))) changed.push('torqueKftLbf');
    if (addTo(rec, 'sppPsi', spec.onsetS, end, (k) => (pumping(rec, k) || !rec.channels.flowInGpm ? 300 * k45 * s(k) : 0))) changed.push('sppPsi');
    return { channels: changed, ropFactor: (k) => Math.max(0.05, 1 - 0.6 * k45 * s(k)) };
  },
  washout: (rec, spec) => {
    const end = spec.onsetS + spec.rampS + spec.holdS + spec.rampOutS;
    const spp = rec.channels.sppPsi as Float64Array;
    const drop = (k: number) => (pumping(rec, k) || !rec.channels.flowInGpm ? -Math.min(spec.size * faultShape(spec, k), spp[k]) : 0);
    addTo(rec, 'sppPsi', spec.onsetS, end, drop);
    return { channels: ['sppPsi'] };
  },
  'stick-slip': (rec, spec) => {
    const end = spec.onsetS + spec.rampS + spec.holdS + spec.rampOutS;
    const wave = (k: number) => (spec.size / 100) * faultShape(spec, k) * Math.sin((2 * Math.PI * (k - spec.onsetS)) / spec.periodS);
    const changed: Channel[] = ['torqueKftLbf'];
    scale(rec, 'torqueKftLbf', spec.onsetS, end, (k) => 1 + wave(k));
    // The top drive holds its speed; the surface RPM only wobbles a little against the torque.
    if (scale(rec, 'rpm', spec.onsetS, end, (k) => 1 - 0.1 * wave(k))) changed.push('rpm');
    return { channels: changed, ropFactor: (k) => 1 - 0.1 * faultShape(spec, k) };
  },
  founder: (rec, spec) => {
    const end = spec.onsetS + spec.rampS + spec.holdS + spec.rampOutS;
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
  const end = spec.onsetS + spec.rampS + spec.holdS + spec.rampOutS;
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

const WRITABLE: Channel[] = [
  'flowOutGpm', 'flowOutPercent', 'pitVolumeBbl', 'gasUnits', 'mudWeightOutPpg', 'torqueKftLbf', 'sppPsi', 'rpm', 'wobKlbf',
  'ropFtHr', 'holeDepthFt', 'bitDepthFt', 'tripTankBbl',
];

/** The recording with the fault in it (the input is not changed) and its ground truth. `bitDiameterIn`: the bit where the recording carries none (default 8.5 in). */
export function injectFault(base: BaseRecording, spec: FaultSpec, o: { bitDiameterIn?: number } = {}): { recording: BaseRecording; truth: InjectionTruth } {
  checkSpec(base, spec);
  const rec = withWritableChannels(base, WRITABLE);
  const effect = EFFECTS[spec.fault](rec, spec);
  const channels = [...effect.channels, ...(effect.ropFactor ? applyRopFactor(rec, spec, effect.ropFactor, o.bitDiameterIn ?? 8.5) : [])];
  const p = FAULT_PROFILES[spec.fault];
  const fullSizeS = spec.onsetS + spec.rampS;
  const endS = Math.min(spec.onsetS + spec.rampS + spec.holdS + spec.rampOutS, rec.lengthS);
  return {
    recording: rec,
    truth: {
      fault: spec.fault,
      size: spec.size,
      sizeUnit: p.sizeUnit,
      rampS: spec.rampS,
      holdS: spec.holdS,
      rampOutS: spec.rampOutS,
      periodS: spec.fault === 'stick-slip' ? spec.periodS : null,
      anomalyCategory: p.category,
      expectedFaults: [...p.expected],
      onsetS: spec.onsetS,
      fullSizeS,
      endS,
      onset: isoAt(rec, spec.onsetS),
      fullSize: isoAt(rec, fullSizeS),
      end: isoAt(rec, endS),
      channels: [...new Set(channels)],
    },
  };
}
