// Stage 2, quality filter (DOMAIN §10.1): on-bottom rotary drilling with believable numbers only.
import type { MlSample } from '../../src-shared/ml.js';
import { QUALITY } from './constants.js';

const within = (v: number | null, lo: number, hi: number): boolean => v !== null && Number.isFinite(v) && v >= lo && v <= hi;

export function passesQuality(s: MlSample): boolean {
  return (
    (s.rigState === 'Drilling' || s.rigState === 'Reaming') &&
    within(s.wobKlbf, QUALITY.minWobKlbf, Infinity) &&
    within(s.rpm, QUALITY.minRpm, Infinity) &&
    within(s.msePsi, QUALITY.minMsePsi, QUALITY.maxMsePsi) &&
    within(s.ropFtHr, QUALITY.minRopFtHr, QUALITY.maxRopFtHr)
  );
}

export function qualityFilter(samples: readonly MlSample[]): MlSample[] {
  return samples.filter(passesQuality);
}
