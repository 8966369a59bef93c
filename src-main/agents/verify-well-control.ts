// Verification of well-control tickets (kick, loss, pit rate) against the flow-out sensor's
// and the pits' own noise: returns and pits are one system, and a paddle wanders.
import { BBL_HR_PER_GPM, assumedPaddleNoiseGpm, pitRateFromWell, pitsMatchFlow } from '../physics/flow.js';
import type { EffectiveThresholds } from '../physics/thresholds.js';
import { cap, f0, f1, f2, feedSpacingS, finite, last, lineFit, mean, median, readingsIn, type Sample, type Verdict } from './verify-helpers.js';

/**
 * A flow reading confirms on its own when its half-minute mean stands this many RMS clear of the
 * paddle's noise: the 3 RMS a single indicator needs to be detected at all (noise-band.ts). With
 * the check repeated every 3 s, 2.5 let the paddle's wander through twice more in 108 h of clean
 * drilling (three recordings, three draws of the made-up channels).
 */
const FLOW_HELD_NOISE_MULTIPLE = 3;
/** Beside the pits (two sensors agreeing), a smaller lead over the noise is enough. */
const FLOW_WITH_PITS_NOISE_MULTIPLE = 1.5;
/** Share of the flow-implied pit rate the pits must show to back the flow (their trend lags). */
const PITS_FOLLOW_SHARE = 0.3;
/** Pits back the flow only when their rate stands this many RMS clear of their own noise. */
const PIT_NOISE_MULTIPLE = 1.5;
/** Pits this many RMS clear of their own noise are a reading in their own right (about 1 in 1,000 by chance). */
const PITS_CLEAR_NOISE_MULTIPLE = 3;
/** Beside pits that clear, the held flow need only stand one RMS clear of the paddle's noise, the same way. */
const FLOW_WITH_CLEAR_PITS_NOISE_MULTIPLE = 1;
/** The half minute a paddle's wander must be outlasted, s (read as readings of the feed: verify-helpers.ts). */
const FLOW_HOLD_S = 30;
/** Fewer seconds of readings at steady pumps than this hold nothing yet. */
const FLOW_HOLD_MIN_S = 10;

/**
 * With the pumps steady now, the samples since they last were not; otherwise (the flow check
 * with the pumps off, which waits out the flow-back itself, or records without the flag) all.
 */
function samplesSincePumpsSteady(s: readonly Sample[]): readonly Sample[] {
  if (s.length === 0 || s[s.length - 1].metrics.pumpsSteady !== true) return s;
  for (let i = s.length - 1; i >= 0; i--) if (s[i].metrics.pumpsSteady === false) return s.slice(i + 1);
  return s;
}

export function verifyWellFlow(fault: 'kick' | 'loss', s: Sample[], t: EffectiveThresholds, sustained: boolean): Verdict {
  const sign = fault === 'kick' ? 1 : -1;
  const word = fault === 'kick' ? 'kick' : 'lost circulation';
  const k = readingsIn(s);
  const spacingS = feedSpacingS(s);
  const fbAll = finite(s, (x) => x.metrics.flowBalanceGpm);
  const prAll = finite(s, (x) => x.metrics.pitRateBblHr);
  const fb5 = last(fbAll, k(5));
  const pr5 = last(prAll, k(5));
  if (fb5.length < k(3) && pr5.length < k(3)) {
    return { status: 'Uncertain', severity: 'MEDIUM', reason: `Not enough flow or pit data to check the ${word}.`, r2: 0 };
  }
  // Median, not mean: one spike on the flow-out paddle must not confirm a kick.
  const fb = fb5.length >= k(3) ? sign * median(fb5) : null;
  // The paddle wanders for tens of seconds at a time: what it holds over half a minute, against
  // this rig's own flow noise, tells an influx from the wander. Only what it held at the present
  // steady rate counts: a rate change's line fill or drain-back is neither a gain nor a loss.
  const steady = finite(samplesSincePumpsSteady(s), (x) => x.metrics.flowBalanceGpm);
  const fbHeld = fb5.length >= k(3) && steady.length >= k(FLOW_HOLD_MIN_S) ? sign * mean(last(steady, k(FLOW_HOLD_S))) : null;
  const learnedNoise = s[s.length - 1].metrics.flowNoiseGpm ?? null;
  // Until this rig's paddle is learned, a typical paddle's noise, not none.
  const noise = learnedNoise ?? assumedPaddleNoiseGpm(s[s.length - 1].packet.flowInGpm);
  const prRead = pr5.length >= k(3) ? sign * mean(pr5) : null;
  // Pits moving faster than the flow balance explains are being worked at surface: no evidence.
  const surface = prRead !== null && fbHeld !== null && !pitRateFromWell(prRead, fbHeld, learnedNoise);
  const pr = surface ? null : prRead;
  const r2 = lineFit(last(fbAll, k(10))).r2;
  const dir = fault === 'kick' ? 'above' : 'below';
  const desc =
    (fb !== null ? `flow out ${f1(Math.abs(fb))} gpm ${fb >= 0 ? dir : fault === 'kick' ? 'below' : 'above'} flow in` : 'no flow-out reading') +
    (fbHeld !== null ? ` (${f1(fbHeld)} gpm held over ${f0(Math.min(steady.length, k(FLOW_HOLD_S)) * spacingS)} s, ${learnedNoise === null ? `flow noise not learned yet, ${f1(noise)} gpm assumed` : `flow noise ${f1(noise)} gpm`})` : '') +
    (pr !== null ? `, pit ${sign * pr >= 0 ? 'gaining' : 'losing'} ${f1(Math.abs(pr))} bbl/hr` : '') +
    (surface ? `, pit moving ${f1(Math.abs(prRead))} bbl/hr, more than the flow explains (surface transfer)` : '') +
    ` (last ${f0(Math.max(fb5.length, pr5.length) * spacingS)} s)`;
  if (fb !== null && fbHeld === null) {
    return { status: 'Uncertain', severity: 'MEDIUM', reason: `Possible ${word}, not yet clear: the pumps have been steady for only ${f0(steady.length * spacingS)} s: ${desc}.`, r2 };
  }
  const fbv = fb ?? 0;
  const held = fbHeld ?? 0;
  const prv = pr ?? 0;
  // Returns and pits are one system: a flow gain or deficit that is real shows in the pits
  // (12 gpm is 17 bbl/hr). Where the pits are read and disagree, a flow reading below the
  // critical imbalance is not yet a kick or a loss (a lagging paddle after a rate change).
  const pitsDisagree = pr !== null && prv < t.verifyPitRateTransientBblHr;
  const pitNoise = s[s.length - 1].metrics.pitRateNoiseBblHr ?? 0;
  // Above the critical imbalance a sudden influx may outrun the pits' trend, but not the held
  // flow: what the paddle held for half a minute moves the pits' trend by a share of its rate
  // as well. Held flow that should by now have moved the pits clear of their own noise, with
  // pits that did not move, is the paddle's wander, however far out.
  const pitsRefute = pitsDisagree && pitNoise > 0 && PITS_FOLLOW_SHARE * BBL_HR_PER_GPM * held > prv + PITS_CLEAR_NOISE_MULTIPLE * pitNoise;
  if (pitsDisagree && (fbv <= t.verifyFlowBalanceCriticalGpm || pitsRefute)) {
    return { status: 'Uncertain', severity: 'MEDIUM', reason: `Possible ${word}, but the pits do not follow: ${desc}.`, r2 };
  }
  // Alone, the flow must have held for the full half minute at steady pumps (a shorter mean wanders more).
  const flowHeld = steady.length >= k(FLOW_HOLD_S) && held > Math.max(t.verifyFlowBalanceTransientGpm, FLOW_HELD_NOISE_MULTIPLE * noise);
  const flowBesidePits = held > Math.max(t.verifyFlowBalanceTransientGpm, FLOW_WITH_PITS_NOISE_MULTIPLE * noise);
  // The pits back the flow when they move clear of their own noise (additions, agitators) and
  // at a good share of the rate the held flow implies (returns and pits are one system).
  const pitsFollowFlow = prv >= PITS_FOLLOW_SHARE * BBL_HR_PER_GPM * held && prv > PIT_NOISE_MULTIPLE * pitNoise;
  const pitsConfirm = pitsFollowFlow && (prv > t.verifyPitRateConfirmBblHr || (sustained && prv > t.verifyPitRateTransientBblHr));
  // Two independent sensors on the same side: pits well clear of their noise (a learned noise
  // only) and the held flow clear of the paddle's are as unlikely together by chance as either
  // reading far out alone, and come while a ramping influx is still small.
  const pitsClear =
    pitsFollowFlow && pitNoise > 0 && prv > Math.max(t.verifyPitRateTransientBblHr, PITS_CLEAR_NOISE_MULTIPLE * pitNoise) && pitsMatchFlow(prv, held, pitNoise);
  const flowBesideClearPits = learnedNoise !== null && held > Math.max(t.verifyFlowBalanceTransientGpm, FLOW_WITH_CLEAR_PITS_NOISE_MULTIPLE * noise);
  if ((flowHeld && (fbv > t.verifyFlowBalanceConfirmGpm || sustained)) || (flowBesidePits && pitsConfirm) || (flowBesideClearPits && pitsClear)) {
    const critical = fbv > Math.max(t.verifyFlowBalanceCriticalGpm, FLOW_HELD_NOISE_MULTIPLE * noise) || prv > t.verifyPitRateCriticalBblHr;
    return { status: 'Confirmed', severity: critical ? 'CRITICAL' : 'HIGH', reason: `${cap(word)} confirmed: ${desc}.`, r2 };
  }
  if (!sustained && held < t.verifyFlowBalanceTransientGpm && prv < t.verifyPitRateTransientBblHr) {
    return { status: 'Rejected', severity: 'LOW', reason: `No ${word}: ${desc}, within normal variation.`, r2 };
  }
  return { status: 'Uncertain', severity: 'MEDIUM', reason: `Possible ${word}, not yet clear: ${desc}.`, r2 };
}

export function verifyPitRate(s: Sample[], t: EffectiveThresholds, sustained: boolean): Verdict {
  const k = readingsIn(s);
  const all = finite(s, (x) => x.metrics.pitRateBblHr);
  const v = last(all, k(10));
  if (v.length < k(5)) return { status: 'Uncertain', severity: 'MEDIUM', reason: 'Not enough pit readings to check the pit rate.', r2: 0 };
  const avg = mean(v);
  const a = Math.abs(avg);
  const r2 = lineFit(last(finite(s, (x) => x.packet.pitVolumeBbl), k(60))).r2;
  const d = `pit ${avg >= 0 ? 'gaining' : 'losing'} ${f1(a)} bbl/hr on average over ${f0(v.length * feedSpacingS(s))} s`;
  const fb = last(finite(s, (x) => x.metrics.flowBalanceGpm), k(10));
  if (fb.length >= k(5) && !pitRateFromWell(avg, median(fb), s[s.length - 1].metrics.flowNoiseGpm ?? null)) {
    return { status: 'Rejected', severity: 'LOW', reason: `Pit moving at surface: ${d} while flow out is ${f1(median(fb))} gpm from flow in (a transfer, not the well).`, r2 };
  }
  // A real gain or loss moves the pit in a line over the minute; a fit over a short span
  // after a pump restart turns a 0.1 bbl sensor wiggle into "10 bbl/hr" (R² near 0).
  if (a > t.verifyPitRateConfirmBblHr && r2 >= t.verifyTrendConsistencyR2) {
    return { status: 'Confirmed', severity: a > t.verifyPitRateCriticalBblHr ? 'CRITICAL' : 'HIGH', reason: `Pit trend confirmed: ${d}.`, r2 };
  }
  if (a > t.verifyPitRateConfirmBblHr) {
    return { status: 'Uncertain', severity: 'MEDIUM', reason: `Pit rate ${f1(a)} bbl/hr but the pit volume is not trending over the last minute (R² ${f2(r2)}): likely sensor noise.`, r2 };
  }
  // Pit alone (no flow-out confirmation) only confirms above the confirmation rate: pits
  // move a few bbl/hr with circulating and trip-tank transfers.
  if (!sustained && a < t.verifyPitRateTransientBblHr) return { status: 'Rejected', severity: 'LOW', reason: `Pit steady: ${d}.`, r2 };
  return { status: 'Uncertain', severity: 'MEDIUM', reason: `Pit moving, not yet clear: ${d}.`, r2 };
}

