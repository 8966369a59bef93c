// Verification of a trip-sheet ticket (issue 11 item 13): the unexplained gain (or loss) the
// ticket names must hold over the last readings, not flash once, and its size sets the
// severity. The number is already against its own baseline (the pipe displacement) and summed
// over the trip window with transfers left out, so a steady influx shows as a rising series.
// Pure.
import type { Severity, Ticket, VerificationStatus } from '../../src-shared/advisory.js';
import type { DrillingMetrics } from '../../src-shared/metrics.js';
import { fitSeries } from '../../src-shared/least-squares.js';
import type { EffectiveThresholds } from '../physics/thresholds.js';

export interface TripVerdict {
  status: VerificationStatus;
  severity: Severity;
  reason: string;
  r2: number;
}

/** Readings that must all be past most of the warning for "sustained". */
const RECENT = 5;
const SUSTAINED_FRACTION = 0.8;
/** Back under this share of the warning: it has passed. */
const PASSED_FRACTION = 0.5;

const r1 = (x: number) => (Math.round(x * 10) / 10).toFixed(1);

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function verifyTripVolume(ticket: Ticket, samples: readonly { metrics: DrillingMetrics }[], t: EffectiveThresholds): TripVerdict {
  const gain = ticket.fault === 'trip-gain';
  const sign = gain ? 1 : -1;
  const tank = ticket.trigger.parameter === 'tripTankGainBbl';
  const pick = (m: DrillingMetrics) => (tank ? m.tripTankGainBbl : m.pumpsOffPitGainBbl) ?? null;
  const warning = Math.abs(ticket.trigger.threshold);
  const critical = tank ? (gain ? t.tripGainCriticalBbl : t.tripLossCriticalBbl) : t.pitGainCriticalBbl;
  const series: { v: number; timeMs: number }[] = [];
  for (const s of samples) {
    const v = pick(s.metrics);
    if (v !== null && Number.isFinite(v)) series.push({ v, timeMs: s.metrics.timeMs });
  }
  const name = tank ? 'Trip tank' : 'Pits';
  const word = gain ? 'gain' : 'loss';
  const recent = series.slice(-RECENT).map((x) => sign * x.v);
  if (recent.length < 3) return { status: 'Uncertain', severity: 'MEDIUM', reason: `Not enough ${name.toLowerCase()} readings with the pumps off to check the ${word}.`, r2: 0 };
  const now = median(recent);
  const longer = series.slice(-30);
  const fit = fitSeries(longer.map((x) => x.v));
  const spanMin = longer.length > 1 ? (longer[longer.length - 1].timeMs - longer[0].timeMs) / 60_000 : 0;
  const perMin = spanMin > 0 ? (longer[longer.length - 1].v - longer[0].v) / spanMin : 0;
  const d =
    `${name} ${gain ? '+' : '-'}${r1(now)} bbl that the pipe does not explain (warning ${r1(warning)}, critical ${r1(critical)} bbl)` +
    (spanMin > 0 ? `, ${perMin >= 0 ? 'rising' : 'falling'} ${r1(Math.abs(perMin))} bbl/min over the last ${r1(spanMin)} min` : '');
  const sustained = recent.every((x) => x >= SUSTAINED_FRACTION * warning);
  if (now >= warning && sustained) {
    return { status: 'Confirmed', severity: now >= critical ? 'CRITICAL' : 'HIGH', reason: `${cap(word)} with the pumps off confirmed: ${d}.`, r2: fit.r2 };
  }
  if (now < PASSED_FRACTION * warning) return { status: 'Rejected', severity: 'LOW', reason: `No ${word}: ${d}, back within normal.`, r2: fit.r2 };
  return { status: 'Uncertain', severity: 'MEDIUM', reason: `Possible ${word} with the pumps off, not yet sustained: ${d}.`, r2: fit.r2 };
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
