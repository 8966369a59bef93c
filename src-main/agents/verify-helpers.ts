// What every verification rule reads: the history samples, finite values of a channel, small
// statistics, the straight-line fit, and number text for the reasons a driller reads.
import type { Severity, VerificationStatus } from '../../src-shared/advisory.js';
import { fitSeries } from '../../src-shared/least-squares.js';
import type { DrillingMetrics } from '../../src-shared/metrics.js';
import { fixed, percentOfFraction } from '../../src-shared/number-format.js';
import type { WitsPacket } from '../../src-shared/wits.js';
import { SPP_HELD_WINDOW_S, type HeldSppReading } from '../physics/trackers/spp-held-trend.js';

export interface Sample {
  packet: WitsPacket;
  metrics: DrillingMetrics;
  anomalous: boolean;
}

export type Num = (s: Sample) => number | null;

export const onBottom = (s: Sample): boolean => s.packet.rigState === 'Drilling' || s.packet.rigState === 'Reaming';

export function finite(samples: readonly Sample[], get: Num, filter?: (s: Sample) => boolean): number[] {
  const out: number[] = [];
  for (const s of samples) {
    if (filter && !filter(s)) continue;
    const v = get(s);
    if (v !== null && Number.isFinite(v)) out.push(v);
  }
  return out;
}

export const last = <T>(xs: readonly T[], n: number): T[] => xs.slice(Math.max(0, xs.length - n));

/** The feed's spacing over the samples: the median gap between packets, s (1 when unknown). */
export function feedSpacingS(s: readonly Sample[]): number {
  const gaps: number[] = [];
  for (let i = 1; i < s.length; i++) {
    const dt = (s[i].packet.timeMs - s[i - 1].packet.timeMs) / 1000;
    if (dt > 0) gaps.push(dt);
  }
  return gaps.length ? median(gaps) : 1;
}

/**
 * How many readings make `seconds` of this feed: the verification windows are written in seconds
 * and read as counts of readings (at 1 Hz, exactly the seconds; at 0.5 Hz, half), never fewer
 * than `minReadings` (a statistic's floor on a sparse feed; never none).
 */
export function readingsIn(s: readonly Sample[]): (seconds: number, minReadings?: number) => number {
  const spacingS = feedSpacingS(s);
  return (seconds, minReadings = 1) => Math.max(minReadings, Math.round(seconds / spacingS));
}

/** Fewest readings a mean is read from, however sparse the feed (one or two readings are a spike). */
export const MIN_MEAN_READINGS = 3;
/** Fewest readings a straight-line trend is judged on: noise alone fits R² > 0.6 about 1 time in 100 at 10, 1 in 8 at 5. */
export const MIN_TREND_READINGS = 10;
export const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Least-squares over x = 0..n-1 (DOMAIN §3.10). */
export function lineFit(ys: readonly number[]): { slope: number; r2: number } {
  return fitSeries(ys);
}

export const f0 = (x: number): string => fixed(x, 0);
export const f1 = (x: number): string => fixed(x, 1);
export const f2 = (x: number): string => fixed(x, 2);
export const pct = (x: number): string => percentOfFraction(x);

export interface Verdict {
  status: VerificationStatus;
  severity: Severity;
  reason: string;
  r2: number;
  /** Uncertain with the evidence still building: look again this soon (s), not after the usual wait. */
  recheckAfterS?: number;
}

export const cap = (x: string): string => x.charAt(0).toUpperCase() + x.slice(1);

/** The newest on-bottom samples with SPP and flow in, back to SPP_HELD_WINDOW_S before the newest. */
export function heldStretch(s: Sample[]): HeldSppReading[] {
  const rows: HeldSppReading[] = [];
  const newestMs = s.length ? s[s.length - 1].packet.timeMs : 0;
  for (let i = s.length - 1; i >= 0; i--) {
    const p = s[i].packet;
    if ((newestMs - p.timeMs) / 1000 > SPP_HELD_WINDOW_S) break;
    if (!onBottom(s[i]) || p.sppPsi === null || !(p.sppPsi > 0) || p.flowInGpm === null || !(p.flowInGpm > 0)) break;
    rows.push({ timeS: p.timeMs / 1000, sppPsi: p.sppPsi, flowGpm: p.flowInGpm, wobKlbf: p.wobKlbf, torqueKftLbf: p.torqueKftLbf, ropFtHr: p.ropFtHr });
  }
  return rows.reverse();
}
