// Well-control detectors (DOMAIN §3.6): kick, loss, flow with the pumps off, gas, H2S, pit rate.
// Every flow and pit rule needs a flow-out sensor; a single indicator must stand clear of this
// rig's own noise (trackers/noise-band.ts).
import { clamp01, r0, r1, type Detection, type DetectorInputs } from './detection.js';
import { pitRateFromWell, pitsMatchFlow } from './flow.js';
import { singleIndicatorLevel } from './trackers/noise-band.js';
import type { EffectiveThresholds } from './thresholds.js';

/**
 * Kick: indicator vote (DOMAIN §3.6). Flow gain, pit gain or pit rate, gas rise; ≥ kickMin
 * indicators. A flow gain clear of this rig's flow-out noise on its own is also reported, as
 * a WARNING: the flow-out sensor is the first thing to see a kick and the tactical sustain
 * counter filters a glitch. Needs flow-out (flowBalanceGpm) and steady pumps.
 */
export function detectKick(x: DetectorInputs, t: EffectiveThresholds): Detection | null {
  if (x.flowBalanceGpm === null || !x.pumpsSteady) return null;
  let count = 0;
  let sum = 0;
  const fb = x.flowBalanceGpm;
  const { gain, rate } = wellPits(x, fb, x.pitsShowGain);
  const pitRateLevel = singleIndicatorLevel(t.pitRateWarningBblHr, x.pitRateNoiseBblHr);
  const pitGainLevel = singleIndicatorLevel(t.pitGainWarningBbl, x.pitGainNoiseBbl);
  const flowOn = fb > flowLevelBesidePits(x, t, rate !== null && rate > pitRateLevel);
  if (flowOn) {
    count++;
    sum += clamp01(fb / t.kickFlowSeverityDivisorGpm);
  }
  if ((gain !== null && gain > pitGainLevel) || (rate !== null && rate > pitRateLevel)) {
    count++;
    sum += clamp01(Math.max((gain ?? 0) / t.kickPitSeverityDivisorBbl, (rate ?? 0) / (3 * t.pitRateCriticalBblHr)));
  }
  if (x.gasRiseUnits !== null && x.gasRiseUnits > t.kickGasIncreaseUnits) {
    count++;
    sum += clamp01(x.gasRiseUnits / t.kickGasSeverityDivisorUnits);
  }
  // The flow-out sensor is the first to see an influx (the pits take minutes to add up): a
  // gain on its own is reported as a WARNING once it stands clear of this rig's flow-out noise;
  // the tactical sustain counter and the verification filter a glitch.
  const flowOnly = count === 1 && flowOn && fb > singleIndicatorLevel(t.flowImbalanceWarningGpm, x.flowNoiseGpm);
  if (count < t.kickMinIndicators && !flowOnly) return null;
  const severity = flowOnly ? 0.5 * sum : sum / count;
  const critical =
    !flowOnly &&
    (fb > t.flowImbalanceCriticalGpm ||
      (gain !== null && gain > t.pitGainCriticalBbl) ||
      (rate !== null && rate > t.pitRateCriticalBblHr) ||
      severity > 0.7);
  const trigger = flowOn
    ? { parameter: 'flowBalanceGpm', value: fb, threshold: t.flowImbalanceWarningGpm, unit: 'gpm' }
    : rate !== null && rate > t.pitRateWarningBblHr
      ? { parameter: 'pitRateBblHr', value: rate, threshold: t.pitRateWarningBblHr, unit: 'bbl/hr' }
      : { parameter: 'pitGainBbl', value: gain ?? 0, threshold: t.pitGainWarningBbl, unit: 'bbl' };
  const parts = [`flow out ${r1(fb)} gpm ${fb >= 0 ? 'above' : 'below'} flow in`];
  if (gain !== null) parts.push(`pit ${gain >= 0 ? '+' : ''}${r1(gain)} bbl`);
  if (rate !== null) parts.push(`pit rate ${r1(rate)} bbl/hr`);
  if (x.gasRiseUnits !== null && x.gasRiseUnits > t.kickGasIncreaseUnits) parts.push(`gas +${r0(x.gasRiseUnits)} units`);
  return {
    fault: 'kick',
    level: critical ? 'CRITICAL' : 'WARNING',
    severity,
    trigger,
    description: `Possible kick: ${parts.join(', ')}`,
  };
}

/**
 * The flow balance that counts as a flow indicator. Alone it must pass the warning; beside a
 * pit rate on the same side that stands clear of this rig's learned pit noise and matches the
 * flow in size (flow.ts pitsMatchFlow), half the warning, and still clear of the paddle's own
 * noise, is enough: two sensors agreeing on a small ramping influx are as telling as one far
 * out, and come a minute sooner.
 */
function flowLevelBesidePits(x: DetectorInputs, t: EffectiveThresholds, pitsClearSameSide: boolean): number {
  if (!pitsClearSameSide || x.pitRateNoiseBblHr === null || x.flowNoiseGpm === null || x.flowBalanceGpm === null || x.pitRateBblHr === null) return t.flowImbalanceWarningGpm;
  if (!pitsMatchFlow(x.pitRateBblHr, x.flowBalanceGpm, x.pitRateNoiseBblHr)) return t.flowImbalanceWarningGpm;
  return Math.max(t.flowImbalanceWarningGpm / 2, x.flowNoiseGpm);
}

/**
 * The pits as evidence of the well on the side judged: settled after the last pump change (or
 * moved against the flow line's transient, trackers/pumps.ts), and moving no faster than the
 * flow balance can explain (faster is a transfer at surface, flow.ts).
 */
function wellPits(x: DetectorInputs, fb: number, readable: boolean): { gain: number | null; rate: number | null } {
  if (!readable) return { gain: null, rate: null };
  if (x.pitRateBblHr !== null && !pitRateFromWell(x.pitRateBblHr, fb, x.flowNoiseGpm)) return { gain: null, rate: null };
  return { gain: x.pitGainBbl, rate: x.pitRateBblHr };
}

/**
 * The flow check a driller does at every connection: with the pumps off and the flow-back
 * over, the well must be static. Returns still coming over the flow-out sensor mean the well
 * is flowing: a kick, often swabbed in while picking up. CRITICAL above the critical
 * imbalance or with the pits gaining too. Not used while running pipe in (displacement flows
 * back by design; the trip tank is the check there); the caller decides that.
 */
export function detectFlowWithPumpsOff(x: DetectorInputs, t: EffectiveThresholds): Detection | null {
  const flow = x.flowOutPumpsOffGpm;
  if (x.pumpsOffSettledS === null || flow === null || flow <= t.flowImbalanceWarningGpm) return null;
  const gain = x.pitGainPumpsOffBbl;
  const pitUp = gain !== null && gain > t.pitGainWarningBbl;
  const critical = flow > t.flowImbalanceCriticalGpm || pitUp;
  const parts = [`flow out ${r1(flow)} gpm with the pumps off for ${r0(x.pumpsOffSettledS)} s`];
  if (gain !== null) parts.push(`pit ${gain >= 0 ? '+' : ''}${r1(gain)} bbl since the flow-back`);
  return {
    fault: 'kick',
    level: critical ? 'CRITICAL' : 'WARNING',
    severity: clamp01(Math.max(flow / t.kickFlowSeverityDivisorGpm, (gain ?? 0) / t.kickPitSeverityDivisorBbl)),
    trigger: { parameter: 'flowOutGpm', value: flow, threshold: t.flowImbalanceWarningGpm, unit: 'gpm' },
    description: `Well flowing with the pumps off (flow check positive): ${parts.join(', ')}`,
  };
}

/**
 * Loss: flow deficit, pit loss or falling pit, SPP drop vs baseline (not a rise: reference
 * quirk 5). Needs flow-out and steady pumps.
 */
export function detectLoss(x: DetectorInputs, t: EffectiveThresholds): Detection | null {
  if (x.flowBalanceGpm === null || !x.pumpsSteady) return null;
  let count = 0;
  let sum = 0;
  const fb = x.flowBalanceGpm;
  const { gain, rate } = wellPits(x, fb, x.pitsShowLoss);
  const pitRateLevel = singleIndicatorLevel(t.pitRateWarningBblHr, x.pitRateNoiseBblHr);
  const pitGainLevel = singleIndicatorLevel(t.pitGainWarningBbl, x.pitGainNoiseBbl);
  const flowOn = -fb > flowLevelBesidePits(x, t, rate !== null && rate < -pitRateLevel);
  if (flowOn) {
    count++;
    sum += clamp01(-fb / t.kickFlowSeverityDivisorGpm);
  }
  if ((gain !== null && gain < -pitGainLevel) || (rate !== null && rate < -pitRateLevel)) {
    count++;
    sum += clamp01(Math.max(-(gain ?? 0) / t.kickPitSeverityDivisorBbl, -(rate ?? 0) / (3 * t.pitRateCriticalBblHr)));
  }
  if (x.sppDeltaPsi !== null && x.sppDeltaPsi < -t.sppDeviationWarningPsi) {
    count++;
    sum += clamp01(-x.sppDeltaPsi / 500);
  }
  const flowOnly = count === 1 && flowOn && -fb > singleIndicatorLevel(t.flowImbalanceWarningGpm, x.flowNoiseGpm);
  if (count < t.lossMinIndicators && !flowOnly) return null;
  const severity = flowOnly ? 0.5 * sum : sum / count;
  const critical =
    !flowOnly &&
    (fb < -t.flowImbalanceCriticalGpm ||
      (gain !== null && gain < -t.pitGainCriticalBbl) ||
      (rate !== null && rate < -t.pitRateCriticalBblHr) ||
      severity > 0.7);
  const trigger = flowOn
    ? { parameter: 'flowBalanceGpm', value: fb, threshold: -t.flowImbalanceWarningGpm, unit: 'gpm' }
    : rate !== null && rate < -t.pitRateWarningBblHr
      ? { parameter: 'pitRateBblHr', value: rate, threshold: -t.pitRateWarningBblHr, unit: 'bbl/hr' }
      : { parameter: 'sppDeltaPsi', value: x.sppDeltaPsi ?? 0, threshold: -t.sppDeviationWarningPsi, unit: 'psi' };
  const parts = [`flow out ${r1(Math.abs(fb))} gpm ${fb <= 0 ? 'below' : 'above'} flow in`];
  if (gain !== null) parts.push(`pit ${gain >= 0 ? '+' : ''}${r1(gain)} bbl`);
  if (rate !== null) parts.push(`pit rate ${r1(rate)} bbl/hr`);
  if (x.sppDeltaPsi !== null && x.sppDeltaPsi < -t.sppDeviationWarningPsi) parts.push(`SPP ${r0(x.sppDeltaPsi)} psi vs baseline`);
  return {
    fault: 'loss',
    level: critical ? 'CRITICAL' : 'WARNING',
    severity,
    trigger,
    description: `Possible lost circulation: ${parts.join(', ')}`,
  };
}

/** Total gas above the warning level. Only with a flow-out sensor (see engine: no WellControl without it). */
export function detectGas(x: DetectorInputs, t: EffectiveThresholds): Detection | null {
  if (x.flowBalanceGpm === null || x.gasUnits === null) return null;
  return aboveLevels('gas', { parameter: 'gasUnits', value: x.gasUnits, unit: 'units' }, t.gasWarningUnits, t.gasCriticalUnits, `Total gas ${r0(x.gasUnits)} units`);
}

/** H2S is a personnel hazard: reported whenever the sensor reads it, flow-out or not. */
export function detectH2s(x: DetectorInputs, t: EffectiveThresholds): Detection | null {
  if (x.h2sPpm === null) return null;
  return aboveLevels('h2s', { parameter: 'h2sPpm', value: x.h2sPpm, unit: 'ppm' }, t.h2sWarningPpm, t.h2sCriticalPpm, `H2S ${r1(x.h2sPpm)} ppm`);
}

/** A reading past its warning: WARNING, CRITICAL past critical, severity 0..1 between the two. */
function aboveLevels(
  fault: 'gas' | 'h2s',
  reading: { parameter: string; value: number; unit: string },
  warning: number,
  critical: number,
  what: string,
): Detection | null {
  const v = reading.value;
  if (v <= warning) return null;
  return {
    fault,
    level: v > critical ? 'CRITICAL' : 'WARNING',
    severity: clamp01((v - warning) / Math.max(critical - warning, 1e-9)),
    trigger: { parameter: reading.parameter, value: v, threshold: warning, unit: reading.unit },
    description: `${what} (warning ${r0(warning)}, critical ${r0(critical)})`,
  };
}

/**
 * Pit rate alone (no flow-out confirmation): a slow gain or loss the paddle's noise hides.
 * Needs flow-out like every pit/flow rule, pits
 * settled after the last pump change, and the pit to have actually moved by the pit-gain warning
 * in the same direction: a rate from line fill or sensor noise does not add up to barrels.
 */
export function detectPitRate(x: DetectorInputs, t: EffectiveThresholds): Detection | null {
  if (x.flowBalanceGpm === null || !x.pumpsSteady || !x.pitsSettled || x.pitRateBblHr === null || x.pitGainBbl === null) return null;
  // Alone, the pits are news only clear of this rig's own pit noise: none until it is learned (the
  // first minutes after a start, when a transfer on a rig whose pits move by tens of bbl/hr read
  // as a Critical gain). A kick or loss in that time shows on the flow-out sensor beside them.
  if (x.pitRateNoiseBblHr === null) return null;
  const r = x.pitRateBblHr;
  if (Math.abs(r) <= singleIndicatorLevel(t.pitRateWarningBblHr, x.pitRateNoiseBblHr)) return null;
  // Faster than the flow-out sensor could miss: filled or emptied at surface, not by the well.
  if (!pitRateFromWell(r, x.flowBalanceGpm, x.flowNoiseGpm)) return null;
  if (Math.sign(x.pitGainBbl) !== Math.sign(r) || Math.abs(x.pitGainBbl) <= singleIndicatorLevel(t.pitGainWarningBbl, x.pitGainNoiseBbl)) return null;
  const critical = Math.abs(r) > t.pitRateCriticalBblHr;
  return {
    fault: 'pit-rate',
    level: critical ? 'CRITICAL' : 'WARNING',
    severity: clamp01(Math.abs(r) / (2 * t.pitRateCriticalBblHr)),
    trigger: { parameter: 'pitRateBblHr', value: r, threshold: Math.sign(r) * t.pitRateWarningBblHr, unit: 'bbl/hr' },
    description: `Pit volume ${r > 0 ? 'rising' : 'falling'} at ${r1(Math.abs(r))} bbl/hr`,
  };
}
