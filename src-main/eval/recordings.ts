// What `npm run eval` runs on: every drilling recording in ../shared/data, the P&A time log
// (trip-tank gains and false alarms), the built-in simulator as a base recording, and the
// simulator's own fault scenarios (the figures issue 11 must not make worse).
import type { Campaign } from '../../src-shared/campaign.js';
import type { RealFault } from '../simulator/inject.js';

export const DRILLING_FAULTS: readonly RealFault[] = ['kick', 'loss', 'pack-off', 'washout', 'stick-slip', 'founder'];

export interface EvalRecording {
  id: string;
  /** Relative to the data directory; null = the built-in simulator's normal drilling. */
  file: string | null;
  campaign: Campaign;
  /** The bit of the recorded section (in); a diameter column in the file wins. */
  bitDiameterIn: number;
  /** Make up flow out, pits, gas, strokes and mud weight out where the recording lacks them. */
  synthesise: boolean;
  faults: readonly RealFault[];
  /** Simulator base only: seed and length. */
  simulator?: { seed: number; durationS: number };
}

export const EVAL_RECORDINGS: readonly EvalRecording[] = [
  { id: 'usrop-f7', file: 'usrop/USROP_A1_F-7_depth.csv', campaign: 'production', bitDiameterIn: 17.5, synthesise: true, faults: DRILLING_FAULTS },
  { id: 'usrop-f9', file: 'usrop/USROP_A6_F-9_depth.csv', campaign: 'production', bitDiameterIn: 17.5, synthesise: true, faults: DRILLING_FAULTS },
  // The 17.5-in section of 15/9-F-9 (the USROP file of the same well gives 444.5 mm there).
  { id: 'volve-f9', file: 'volve/F-9_depth_log_raw.csv', campaign: 'production', bitDiameterIn: 17.5, synthesise: true, faults: DRILLING_FAULTS },
  // P&A: only the recorded channels (no made-up flow out): the false-alarm figure stays honest.
  { id: 'volve-pa', file: 'volve/F-9A_time_log_PA.csv', campaign: 'plug_abandonment', bitDiameterIn: 8.5, synthesise: false, faults: ['trip-gain', 'trip-loss'] },
  { id: 'sim', file: null, campaign: 'production', bitDiameterIn: 8.5, synthesise: true, faults: DRILLING_FAULTS, simulator: { seed: 11, durationS: 12 * 3600 } },
];

/** The simulator's own scenarios, each run with these seeds (its magnitudes and onsets are seeded). */
export const SIM_NATIVE_FAULTS = ['kick', 'loss', 'pack-off', 'washout', 'stick-slip', 'founder'] as const;
export const SIM_NATIVE_SEEDS: readonly number[] = [1, 2];
export const SIM_NATIVE_ID = 'sim-native';
