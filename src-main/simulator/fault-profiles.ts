// The faults the simulator can inject into a real recording: each one's size unit and range,
// default ramp and hold, what counts as catching it and which channels it needs; a fault spec
// (when, how big, how shaped) and the check of a spec against a recording.
import type { AnomalyCategory, FaultKind } from '../../src-shared/advisory.js';
import type { Channel } from '../../src-shared/wits.js';
import { hasChannel, type BaseRecording } from './base-recording.js';

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

/** The second the fault has fully ramped out (may lie past the end of the recording). */
export function faultEndS(spec: FaultSpec): number {
  return spec.onsetS + spec.rampS + spec.holdS + spec.rampOutS;
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
