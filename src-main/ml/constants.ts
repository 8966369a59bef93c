// DOMAIN.md §10 numbers in one place, named for what they mean.
import type { Campaign } from '../../src-shared/campaign.js';

/** Longest window analysed: 2 h of 1 Hz packets. */
export const MAX_WINDOW_SAMPLES = 7200;
/** A run is skipped when the window holds fewer drilling packets than this. */
export const MIN_DRILLING_SAMPLES = 100;
/** Quality and dysfunction filters, segment size and the grid all need this many samples. */
export const MIN_ANALYSIS_SAMPLES = 360;

export const QUALITY = {
  minWobKlbf: 5,
  minRpm: 40,
  minMsePsi: 1_000,
  maxMsePsi: 500_000,
  minRopFtHr: 1,
  maxRopFtHr: 500,
} as const;

export const DYSFUNCTION = {
  windowSamples: 10,
  torqueCvMax: 0.12,
  packOffTorqueDelta: 0.1,
  packOffSppDeltaPsi: 75,
  packOffScoreMax: 0.15,
  founderWobSlopeMin: 0.03,
  founderRopSlopeMax: 0.01,
  /** Relative efficiency below this is poor drilling (DOMAIN: efficiency < 50). */
  minEfficiencyPercent: 50,
  /** The relative-efficiency reference spans about three blocks of this length around a sample. */
  efficiencyBlockMs: 20 * 60_000,
} as const;

export const SEGMENTATION = {
  minSamples: 120,
  halfWindow: 30,
  minEarlierDExponent: 0.1,
  relativeShift: 0.15,
} as const;

export const CORRELATION = { minSamples: 30, significance: 0.05 } as const;

export const GRID = {
  wobBins: 8,
  rpmBins: 6,
  minBinSamples: 10,
  /**
   * A scored bin must also hold this share of the segment. Ten samples is ten seconds at 1 Hz:
   * ROP noise wanders over tens of seconds, so a set point crossed in passing would win on a
   * lucky stretch. 2 % of a 2 h window is about 2.5 minutes held.
   */
  minBinShare: 0.02,
  minWobRangeKlbf: 1,
  minRpmRange: 5,
  /** Bin edges span these percentiles of the segment (a lone spike does not squash the grid). */
  rangeLowPercentile: 0.01,
  rangeHighPercentile: 0.99,
} as const;

export const CONFIDENCE = { high: 1800, medium: 900, low: 360 } as const;

export interface ScoreWeights {
  rop: number;
  efficiency: number;
  stability: number;
}

/** DOMAIN §8: ML score weights ROP / efficiency / stability per campaign. */
export const SCORE_WEIGHTS: Record<Campaign, ScoreWeights> = {
  production: { rop: 0.5, efficiency: 0.3, stability: 0.2 },
  plug_abandonment: { rop: 0.25, efficiency: 0.45, stability: 0.3 },
};
