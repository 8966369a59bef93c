// What a recording found in the data directory is, from its content: drilling (every drilling
// fault injected on bottom), tripping with a trip tank (the P&A faults), or nothing the eval
// can place an onset in. And its id, from its path. Pure.
import { carriesReadings, type BaseRecording } from '../simulator/base-recording.js';
import { FAULT_PROFILES } from '../simulator/fault-profiles.js';
import { countEligible, drillingOnsetSeconds, trippingSeconds } from '../simulator/onsets.js';
import type { CsvPresetName } from '../acquisition/csv-layout.js';
import { DRILLING_FAULTS, TRIP_FAULTS, type EvalRecording } from './recordings.js';

/** Onsets must leave this much recording before them for the baselines to settle (s). */
export const MIN_HISTORY_S = 1800;
/** The longest fault after its onset (ramp, hold, ramp out, a minute to spare): the recording must still run (s). */
export const LONGEST_FAULT_S = Math.max(...Object.values(FAULT_PROFILES).map((p) => p.rampS + p.holdS + 60));
/** A found recording is scored when it has at least this much drilling (or tripping) where an onset can sit (s). */
export const MIN_ONSET_SECONDS = 600;

/** The seconds of a recording an onset may sit in (inclusive). */
export function onsetRange(lengthS: number): { minS: number; maxS: number } {
  return { minS: MIN_HISTORY_S, maxS: lengthS - LONGEST_FAULT_S - 1 };
}

export type Classification =
  | { kind: 'drilling'; onsetSeconds: number }
  | { kind: 'tripping'; onsetSeconds: number }
  | { kind: 'ignored'; reason: string };

const minutes = (s: number) => `${Math.round(s / 60)} min`;

/** Drilling wins over tripping: a log with both is a drilling log that also trips. */
export function classifyBase(rec: BaseRecording): Classification {
  const { minS, maxS } = onsetRange(rec.lengthS);
  const inRange = (eligible: Uint8Array) => (maxS < minS ? 0 : countEligible(eligible.subarray(minS, maxS + 1)));
  const drilling = inRange(drillingOnsetSeconds(rec));
  if (drilling >= MIN_ONSET_SECONDS) return { kind: 'drilling', onsetSeconds: drilling };
  const tripping = carriesReadings(rec, 'tripTankBbl') ? inRange(trippingSeconds(rec)) : 0;
  if (tripping >= MIN_ONSET_SECONDS) return { kind: 'tripping', onsetSeconds: tripping };
  return {
    kind: 'ignored',
    reason:
      `no drilling or tripping long enough for onsets (${minutes(drilling)} drilling, ${minutes(tripping)} tripping with the trip tank read, ` +
      `at least ${minutes(MIN_ONSET_SECONDS)} needed between ${minutes(MIN_HISTORY_S)} in and ${minutes(LONGEST_FAULT_S)} before the end)`,
  };
}

/** "other-rig/WELL_X.csv" -> "other-rig-well-x"; "-2", "-3"... when taken. */
export function recordingId(relativePath: string, taken: ReadonlySet<string>): string {
  const base =
    relativePath
      .replace(/\.csv$/i, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'recording';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

export interface FoundFile {
  id: string;
  /** Relative to the data directory, '/'-separated. */
  file: string;
  layout: CsvPresetName;
  /** Whether the recording carries its own bit diameter. */
  hasBit: boolean;
}

/**
 * A found drilling recording gets made-up flow out and pits (as the shared ones); a tripping
 * one is scored as P&A work on what was recorded. `bitDiameterIn` stands in where the file has no bit.
 */
export function foundRecording(f: FoundFile, c: Exclude<Classification, { kind: 'ignored' }>, bitDiameterIn: number): EvalRecording {
  const drilling = c.kind === 'drilling';
  return {
    id: f.id,
    file: f.file,
    campaign: drilling ? 'production' : 'plug_abandonment',
    bitDiameterIn,
    synthesise: drilling,
    faults: drilling ? DRILLING_FAULTS : TRIP_FAULTS,
    discovered: { layout: f.layout, bit: f.hasBit ? 'file' : 'assumed', onsetSeconds: c.onsetSeconds },
  };
}
