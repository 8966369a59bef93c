// Trip-sheet detections (issue 11 item 13): the well gaining or losing with the pumps off, read
// from the trip tank against the pipe displacement and from the pits. trip-gain is a possible
// influx or swab (flow check, stop tripping); trip-loss a hole taking more than the steel.
// The trip tank is judged on the [trip] limits; the pits, bigger and coarser, on the pit-gain
// limits. Pure functions over the trip sheet's reading.
import type { Detection } from './detectors.js';
import type { EffectiveThresholds } from './thresholds.js';
import type { TankReading, TripReading } from './trackers/trip-sheet.js';

/**
 * More than this share of the change within one minute is a top-up or a dump by a pump running
 * just under the transfer rate, not the well: an influx or a loss builds up over minutes (a
 * flow above the transfer rate is for the flow-out check, not the trip sheet).
 */
const BURST_SHARE_MAX = 0.75;
/** A trip-tank gain matched by a pit loss of about the same size (or the reverse) is mud moved between them. */
const PAIRED_TRANSFER_TOLERANCE = 0.3;

const r1 = (x: number) => (Math.round(x * 10) / 10).toFixed(1);
const signed = (x: number) => `${x > 0 ? '+' : ''}${r1(x)}`;

interface Limits {
  gainWarning: number;
  gainCritical: number;
  lossWarning: number;
  lossCritical: number;
}

function pipeWords(trip: TripReading): string {
  const ft = Math.round(Math.abs(trip.pipeMovedFt));
  if (ft < 1) return 'pipe not moved';
  return `pipe ${trip.pipeMovedFt < 0 ? 'pulled' : 'run in'} ${ft} ft (displacement ${r1(Math.abs(trip.displacementBbl))} bbl)`;
}

function tankDetection(name: 'Trip tank' | 'Pits', tank: TankReading, trip: TripReading, lim: Limits): Detection | null {
  const x = tank.unexplainedBbl;
  const gain = x >= lim.gainWarning;
  const loss = x <= -lim.lossWarning;
  if ((!gain && !loss) || tank.burstShare > BURST_SHARE_MAX) return null;
  const minutes = Math.round(trip.windowS / 60);
  const critical = gain ? x >= lim.gainCritical : x <= -lim.lossCritical;
  const against = tank.linedUp
    ? `${signed(x)} bbl against the pipe displacement over the last ${minutes} min: ${pipeWords(trip)}, tank ${signed(tank.changeBbl)} bbl`
    : `${x > 0 ? 'gained' : 'lost'} ${r1(Math.abs(x))} bbl that the pipe does not explain over the last ${minutes} min (${pipeWords(trip)}, tank ${signed(tank.changeBbl)} bbl)`;
  const what = gain ? 'Well gaining with the pumps off' : 'Well losing with the pumps off';
  return {
    fault: gain ? 'trip-gain' : 'trip-loss',
    level: critical ? 'CRITICAL' : 'WARNING',
    severity: Math.min(1, Math.abs(x) / (gain ? lim.gainCritical : lim.lossCritical)),
    trigger: {
      parameter: name === 'Trip tank' ? 'tripTankGainBbl' : 'pumpsOffPitGainBbl',
      value: x,
      threshold: gain ? lim.gainWarning : -lim.lossWarning,
      unit: 'bbl',
    },
    description: `${what}: ${name.toLowerCase()} ${against}; transfers left out, pumps off ${Math.round(trip.pumpsOffS / 60)} min`,
  };
}

/** Mud pumped between the trip tank and the pits shows as a gain in one and a loss in the other. */
function pairedTransfer(trip: TripReading): boolean {
  const a = trip.tripTank?.unexplainedBbl ?? 0;
  const b = trip.pits?.unexplainedBbl ?? 0;
  if (a === 0 || b === 0 || Math.sign(a) === Math.sign(b)) return false;
  return Math.abs(a + b) <= PAIRED_TRANSFER_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

/** At most one trip-gain and one trip-loss, the bigger of the trip tank's and the pits'. */
export function detectTripVolumes(trip: TripReading | null, th: EffectiveThresholds): Detection[] {
  if (!trip || pairedTransfer(trip)) return [];
  const found: Detection[] = [];
  if (trip.tripTank) {
    const d = tankDetection('Trip tank', trip.tripTank, trip, {
      gainWarning: th.tripGainWarningBbl,
      gainCritical: th.tripGainCriticalBbl,
      lossWarning: th.tripLossWarningBbl,
      lossCritical: th.tripLossCriticalBbl,
    });
    if (d) found.push(d);
  }
  if (trip.pits) {
    const d = tankDetection('Pits', trip.pits, trip, {
      gainWarning: th.pitGainWarningBbl,
      gainCritical: th.pitGainCriticalBbl,
      lossWarning: th.pitGainWarningBbl,
      lossCritical: th.pitGainCriticalBbl,
    });
    if (d) found.push(d);
  }
  const best = new Map<string, Detection>();
  for (const d of found) {
    const had = best.get(d.fault);
    if (!had || d.severity > had.severity) best.set(d.fault, d);
  }
  return [...best.values()];
}
