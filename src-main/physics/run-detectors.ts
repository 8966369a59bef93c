// Which detectors run, in which order, in which rig state. One place owns the gating so a new
// rule cannot slip in ahead of a safety check: the flow check first, well control next,
// then hydraulics, then the on-bottom mechanical and efficiency rules.
import type { FaultKind } from '../../src-shared/advisory.js';
import type { WitsPacket } from '../../src-shared/wits.js';
import {
  compareDetections,
  detectEcdMargin,
  detectFlowWithPumpsOff,
  detectFormationChange,
  detectFounder,
  detectGas,
  detectH2s,
  detectKick,
  detectLoss,
  detectMseInefficiency,
  detectPackOff,
  detectPitRate,
  detectSppDeviation,
  detectStickSlip,
  detectTorqueRise,
  detectWashout,
  type Detection,
  type DetectorInputs,
  type StandingAlarms,
} from './detectors.js';
import { sppJudges } from './detection.js';
import { torqueCollapsed } from './stick-slip.js';
import { isOnBottomState, isWellControlState } from './rig-states.js';
import type { EffectiveThresholds } from './thresholds.js';
import type { TripReading } from './trackers/trip-sheet.js';
import { detectTripVolumes } from './trip-detectors.js';

export function runDetectors(packet: WitsPacket, x: DetectorInputs, th: EffectiveThresholds, trip: TripReading | null = null): Detection[] {
  const state = packet.rigState;
  const detections: Detection[] = [];
  // Running pipe in displaces mud out of the well: returns then are expected, not a kick.
  if (state !== 'TrippingIn' && packet.bitDepthFt !== null && packet.bitDepthFt > 0) addTo(detections, detectFlowWithPumpsOff(x, th));
  // The trip sheet: with the pumps off in any state (tripping, in slips, static), the trip tank
  // against the pipe displacement and the pits (a reading only exists with the pumps off).
  for (const d of detectTripVolumes(trip, th)) detections.push(d);
  if (!isWellControlState(state)) return detections.length > 1 ? detections.sort(compareDetections) : detections;

  // Well control. Without a flow-out reading (no gpm sensor, and no paddle percent calibrated at
  // this pump rate yet: balance null) kick/loss/gas/pit rules stay silent: nothing is inferred
  // from a channel the rig does not send.
  const kick = addTo(detections, detectKick(x, th));
  const loss = kick ? null : addTo(detections, detectLoss(x, th));
  addTo(detections, detectH2s(x, th));
  const gas = detectGas(x, th);
  // Gas at its warning while a kick alarm stands is the influx's own gas (one fault, one event):
  // part of the kick. Past its critical level it is a hazard at surface in its own right (an
  // explosive atmosphere at the shakers), with its own alarm, as H2S always is.
  if (gas && gas.level === 'WARNING' && x.standing.kick) {
    if (!kick) detections.push({ ...gas, fault: 'kick', description: `${gas.description}: the influx's gas` });
  } else addTo(detections, gas);
  if (!kick && !loss) addTo(detections, pitRateOrStandingFault(detectPitRate(x, th), x));
  addTo(detections, detectEcdMargin(x, th));

  const onBottom = isOnBottomState(state);
  const packOff = onBottom ? addTo(detections, detectPackOff(x, th)) : null;
  const washout = loss ? null : addTo(detections, detectWashout(x, th));
  if (!washout && !packOff && !loss) addTo(detections, sppDeviationOrStandingFault(detectSppDeviation(x, th), x));
  if (onBottom) {
    const stick = addTo(detections, detectStickSlip(x, th));
    // While a well-control or hole problem's alarm stands, drilling-optimisation advice waits:
    // the torque, ROP and MSE it would read are that problem's (a pack-off's MSE is not a bit
    // to re-weight), and the driller's attention is on the alarm.
    if (!problemStanding(x.standing)) {
      let formation: Detection | null = null;
      if (state === 'Drilling') {
        addTo(detections, detectFounder(x, th));
        formation = detectFormationChange(x, th);
      }
      // A torque rise explained by pack-off, stick-slip or new rock is not reported twice.
      if (!packOff && !stick && !formation) addTo(detections, detectTorqueRise(x, th));
      addTo(detections, detectMseInefficiency(x, th));
      addTo(detections, formation);
    }
  }
  if (detections.length > 1) detections.sort(compareDetections);
  return detections;
}

const problemStanding = (a: StandingAlarms): boolean => a.kick || a.loss || a.pitRate || a.packOff || a.washout;

/**
 * Pits still gaining while a kick alarm stands (or falling while a loss alarm stands), after the
 * flow balance has come back: the tail of that fault (the pit window still holds it), not a new
 * pit-rate fault with an alarm of its own. One fault, one event.
 */
function pitRateOrStandingFault(d: Detection | null, x: DetectorInputs): Detection | null {
  if (d === null) return null;
  const gaining = d.trigger.value > 0;
  if (gaining && x.standing.kick) return { ...d, fault: 'kick', description: `${d.description}: the kick's pit gain goes on` };
  if (!gaining && x.standing.loss) return { ...d, fault: 'loss', description: `${d.description}: the losses go on` };
  return d;
}

/**
 * SPP up while a pack-off alarm stands (or down while a washout alarm stands), once the ramp that
 * raised it has levelled off and its own rules no longer read it: that fault at its full size,
 * not an SPP deviation with an event of its own.
 */
function sppDeviationOrStandingFault(d: Detection | null, x: DetectorInputs): Detection | null {
  if (d === null) return null;
  const up = d.trigger.value > 0;
  if (up && x.standing.packOff) return { ...d, fault: 'pack-off', description: `${d.description}: the pack-off goes on` };
  if (!up && x.standing.washout) return { ...d, fault: 'washout', description: `${d.description}: the washout goes on` };
  return d;
}

/** Keeps a detection that fired and hands it back (a function, not a closure made per packet). */
function addTo(detections: Detection[], d: Detection | null): Detection | null {
  if (d) detections.push(d);
  return d;
}

/** Faults judged by each way of seeing the well (the event tracker clears a fault only where it is judged). */
const JUDGED_BY = {
  wellControl: ['kick', 'loss', 'gas', 'h2s', 'pit-rate', 'trip-gain', 'trip-loss'],
  // Washout and SPP deviation read SPP against its baseline: not while a new pump rate's baseline settles.
  spp: ['washout', 'spp-deviation'],
  ecd: ['ecd-margin'],
  onBottom: ['founder', 'torque-rise'],
  // A pack-off raises torque and SPP together: with torque still up and SPP unreadable (a new pump
  // rate's baseline settling), the half that would show it easing cannot be seen.
  packOff: ['pack-off'],
  // Stick-slip reads the torque's swing: not where torque is unreadable or has collapsed.
  torqueSwing: ['stick-slip'],
  drilling: ['mse-inefficiency', 'formation-change'],
} as const satisfies Record<string, readonly FaultKind[]>;
const JUDGES = Object.keys(JUDGED_BY) as ReadonlyArray<keyof typeof JUDGED_BY>;

/**
 * The faults the detectors could judge on this packet. An event clears only on packets where
 * its fault was judged and its condition absent: pumps off, the bit off bottom, a missing
 * channel or an SPP baseline still settling after a pump-rate change say nothing about whether
 * a kick, a pack-off or a washout is over.
 */
export function assessableFaults(packet: WitsPacket, x: DetectorInputs, t: EffectiveThresholds, out: Set<FaultKind>, trip: TripReading | null = null): Set<FaultKind> {
  const state = packet.rigState;
  const onBottom = isOnBottomState(state) && x.torqueDeltaFraction !== null;
  const sppJudged = x.pumpsSteady && sppJudges(x.sppDeltaPsi, x.sppBaselineAgeS);
  const wellControlSeen = x.flowBalanceGpm !== null || x.pitRateBblHr !== null || x.gasUnits !== null;
  const judged = {
    wellControl:
      Boolean(trip && (trip.tripTank || trip.pits)) ||
      (isWellControlState(state) && x.pumpsSteady && wellControlSeen) ||
      (x.pumpsOffSettledS !== null && (x.flowOutPumpsOffGpm !== null || x.pitGainPumpsOffBbl !== null)),
    spp: sppJudged,
    ecd: x.pumpsSteady && x.ecdMarginPpg !== null,
    onBottom,
    packOff: onBottom && (sppJudged || (x.torqueDeltaFraction as number) <= t.torqueIncreaseWarningFraction),
    torqueSwing: isOnBottomState(state) && x.torqueCv !== null && !torqueCollapsed(x.torqueDeltaFraction),
    drilling: state === 'Drilling',
  };
  // Mostly the same as on the last packet: the set is refilled only when a member changes.
  if (JUDGES.every((k) => out.has(JUDGED_BY[k][0]) === judged[k])) return out;
  out.clear();
  for (const k of JUDGES) if (judged[k]) for (const f of JUDGED_BY[k]) out.add(f);
  return out;
}
