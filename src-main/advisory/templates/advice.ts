// Advice a driller can act on (issue 11 item 8): a recommendation never quotes a channel the rig
// does not send ("n/a", "0 spm") and keeps parameter changes within sane bounds of the current
// value and the bit in the hole ("reduce WOB from 4.2 to 3.0 klbf" on an 8.5-in bit is not advice).
import { joinRich, type RichText } from '../../../src-shared/quantity.js';

/** A reading the rig sends. */
export const sent = (v: number | null | undefined): v is number => v !== null && v !== undefined && Number.isFinite(v);

/** A rate (strokes, RPM, WOB) that reads 0 while the rig works is a channel not wired, not a reading. */
export const running = (v: number | null | undefined): v is number => sent(v) && v > 0;

/** The clause built from the reading when the rig sends it, else nothing. */
export function clause(v: number | null | undefined, build: (v: number) => RichText, mustRun = false): RichText {
  return (mustRun ? running(v) : sent(v)) ? build(v as number) : [];
}

/** The clauses present, joined. */
export function listOf(parts: readonly RichText[], separator = ', '): RichText {
  return joinRich(parts.filter((p) => p.length > 0), separator);
}

/**
 * Lowest WOB worth recommending: about 1 klbf per inch of bit (an 8.5-in PDC drills at 8-35 klbf;
 * below that the bit is barely loaded) and never under 3 klbf.
 */
const MIN_WOB_KLBF_PER_IN = 1;
const MIN_WOB_KLBF = 3;
/** One step never takes off more than a quarter of the weight on bit. */
const MAX_WOB_CUT_FRACTION = 0.25;
/** A step smaller than this is not worth a recommendation, klbf. */
const MIN_WOB_STEP_KLBF = 1;

export function minUsefulWobKlbf(bitDiameterIn: number | null): number {
  return Math.max(MIN_WOB_KLBF, (bitDiameterIn ?? 0) * MIN_WOB_KLBF_PER_IN);
}

/** The WOB to cut to, or null when the weight is absent or already too light to cut. */
export function wobCutTargetKlbf(wobKlbf: number | null, cutKlbf: number, bitDiameterIn: number | null): number | null {
  if (!running(wobKlbf)) return null;
  const to = Math.max(wobKlbf - Math.min(cutKlbf, wobKlbf * MAX_WOB_CUT_FRACTION), minUsefulWobKlbf(bitDiameterIn));
  return wobKlbf - to >= MIN_WOB_STEP_KLBF ? Math.round(to * 10) / 10 : null;
}

/** Highest surface RPM a recommendation goes to (top drive on conventional BHAs). */
const MAX_SURFACE_RPM = 200;

/** The RPM to raise to (by `fraction`, within the cap), or null when RPM is absent or at the cap. */
export function rpmRaiseTarget(rpm: number | null, fraction: number): number | null {
  if (!running(rpm)) return null;
  const to = Math.min(Math.round(rpm * (1 + fraction)), MAX_SURFACE_RPM);
  return to > rpm ? to : null;
}
