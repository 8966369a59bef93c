// What `npm run eval` runs on: the drilling recordings found in the data directory (the shared
// ones known by name, any other by its content: see discover.ts), the P&A time log (trip-tank
// gains and false alarms), the built-in simulator as a base recording, and the simulator's own
// fault scenarios (the figures issue 11 must not make worse).
import type { Campaign } from '../../src-shared/campaign.js';
import type { CsvPresetName } from '../acquisition/csv-layout.js';
import type { RealFault } from '../simulator/fault-profiles.js';

export const DRILLING_FAULTS: readonly RealFault[] = ['kick', 'loss', 'pack-off', 'washout', 'stick-slip', 'founder'];
export const TRIP_FAULTS: readonly RealFault[] = ['trip-gain', 'trip-loss'];

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
  /** Found in the data directory by its content rather than known by name. */
  discovered?: DiscoveredInfo;
}

export interface DiscoveredInfo {
  layout: CsvPresetName;
  /** 'file': the recording carries its own bit diameter; 'assumed': --bit-diameter stands in. */
  bit: 'file' | 'assumed';
  /** Seconds where an onset can sit (drilling on bottom, or tripping with the trip tank read). */
  onsetSeconds: number;
}

/** The shared recordings known by name: ids and bits as the issue-11 figures were first taken. */
export const SHARED_RECORDINGS: readonly EvalRecording[] = [
  { id: 'usrop-f7', file: 'usrop/USROP_A1_F-7_depth.csv', campaign: 'production', bitDiameterIn: 17.5, synthesise: true, faults: DRILLING_FAULTS },
  { id: 'usrop-f9', file: 'usrop/USROP_A6_F-9_depth.csv', campaign: 'production', bitDiameterIn: 17.5, synthesise: true, faults: DRILLING_FAULTS },
  // The 17.5-in section of 15/9-F-9 (the USROP file of the same well gives 444.5 mm there).
  { id: 'volve-f9', file: 'volve/F-9_depth_log_raw.csv', campaign: 'production', bitDiameterIn: 17.5, synthesise: true, faults: DRILLING_FAULTS },
  // P&A: only the recorded channels (no made-up flow out): the false-alarm figure stays honest.
  { id: 'volve-pa', file: 'volve/F-9A_time_log_PA.csv', campaign: 'plug_abandonment', bitDiameterIn: 8.5, synthesise: false, faults: TRIP_FAULTS },
];

export const SHARED_RECORDING_IDS: readonly string[] = SHARED_RECORDINGS.map((r) => r.id);

/** The simulator's normal drilling as a base recording (no data directory needed). */
export const SIM_RECORDING: EvalRecording = {
  id: 'sim', file: null, campaign: 'production', bitDiameterIn: 8.5, synthesise: true, faults: DRILLING_FAULTS, simulator: { seed: 11, durationS: 12 * 3600 },
};

/** The simulator's own scenarios, each run with these seeds (its magnitudes and onsets are seeded). */
export const SIM_NATIVE_FAULTS = ['kick', 'loss', 'pack-off', 'washout', 'stick-slip', 'founder'] as const;
export const SIM_NATIVE_SEEDS: readonly number[] = [1, 2];
export const SIM_NATIVE_ID = 'sim-native';

/** Every id `--recordings` may name: the recordings (found ones and the simulator base), then the simulator's own scenarios. */
export const recordingIds = (recordings: readonly EvalRecording[]): string[] => [...recordings.map((r) => r.id), SIM_NATIVE_ID];

/** Whether an id needs no data directory. */
export const isSimulatorId = (id: string): boolean => id === SIM_RECORDING.id || id === SIM_NATIVE_ID;
