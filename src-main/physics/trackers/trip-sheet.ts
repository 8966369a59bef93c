// The automated trip sheet (issue 11 item 13): with the pumps off, the fill the hole takes and
// the mud it gives back are compared with the steel the pipe moves. Pulling a stand takes
// displacement × length out of the trip tank to keep the hole full; running one in gives it
// back. A tank that gains more (or fills less) than that is a well taking influx or swabbed;
// one that loses more is a well taking mud. The active pits are watched the same way: with
// the pumps off they should only move by transfers (steps, left out by VolumeWatch).
//
// A tank is judged against the displacement while it follows the pipe: over the window, its
// steady change is at least half the displacement (≥ 1 bbl of it), and it stops counting as
// lined up below a fifth. A trip tank not lined up to the well (flat while the pipe moves, as
// on the Volve P&A trips) is never read as a well that takes no fill: then only what the pipe
// cannot explain counts, the smaller of the tank's own change and its change less the
// displacement. A bit depth that jumps faster than pipe can move is a reset, not movement.
// Pure: time comes from the packet.
import type { WellConfig } from '../../../src-shared/config.js';
import type { WitsPacket } from '../../../src-shared/wits.js';
import { VolumeWatch } from '../volume-watch.js';
import type { FlowCheckReading } from './flow-check.js';

/** One tank's reading: its unexplained change over the window and whether it follows the pipe. */
export interface TankReading {
  /** + = the well gave more (or took less) than the pipe displaced, − = it took more (bbl). */
  unexplainedBbl: number;
  /** Its steady change over the window, transfers left out (bbl). */
  changeBbl: number;
  /** The tank follows the pipe: the displacement is taken off. */
  linedUp: boolean;
  /** Share of the unexplained change that came within one minute (0-1; computed from 1 bbl up): near 1 is a top-up, not the well. */
  burstShare: number;
}

export interface TripReading {
  /** Pumps off for the flow-back settle time or longer (s). */
  pumpsOffS: number;
  /** The window gains and losses add up over (s). */
  windowS: number;
  /** Pipe moved over the window (ft, + = run in) and the displacement that makes in a tank (bbl, + = into the tank). */
  pipeMovedFt: number;
  displacementBbl: number;
  /** Displacement per ft of pipe moved (bbl/ft). */
  bblPerFt: number;
  tripTank: TankReading | null;
  pits: TankReading | null;
}

/** Pipe displacement, bbl/ft: steel only (open end, dry), or steel and the mud inside (closed end, wet). */
export function pipeDisplacementBblPerFt(odIn: number, idIn: number, closedEnd: boolean): number {
  return closedEnd ? (odIn * odIn) / 1029.4 : (odIn * odIn - idIn * idIn) / 1029.4;
}

/** Displacement over the window before a tank's following the pipe is judged (bbl). */
const MIN_EXPECTED_FOR_LINEUP_BBL = 1;
/** The share of the displacement a tank must follow to count as lined up, and below which it no longer does. */
const LINEUP_FRACTION = 0.5;
const UNLINED_FRACTION = 0.2;
/** From this unexplained change (bbl), how it built up is worked out (it costs a pass over the window). */
const BURST_FROM_BBL = 1;
/** Faster than any trip (ft/s, about 200 ft/min): a bit depth moving faster was reset, not moved. */
const MAX_PIPE_SPEED_FT_S = 3.5;
/** A bit depth older than this (ms) is not used to measure pipe movement. */
const MAX_MOVE_GAP_MS = 60_000;

class TankSheet {
  private readonly raw: VolumeWatch;
  private readonly residual: VolumeWatch;
  private linedUp = false;
  /** Told when this tank's level makes a transfer move (so the other tank's moves then go with it). */
  onTransfer: ((timeMs: number) => void) | null = null;

  constructor(windowS: number, transferRateBblMin: number) {
    this.raw = new VolumeWatch(windowS, transferRateBblMin);
    this.residual = new VolumeWatch(windowS, transferRateBblMin);
    const moved = (t: number) => {
      this.raw.markTransfer(t);
      this.residual.markTransfer(t);
      this.onTransfer?.(t);
    };
    this.raw.onTransfer = moved;
    this.residual.onTransfer = moved;
  }

  markTransfer(timeMs: number): void {
    this.raw.markTransfer(timeMs);
    this.residual.markTransfer(timeMs);
  }

  /** `expectedSinceStartBbl`: displacement into the tank since the pumps went off; `expectedInWindowBbl`: over the window. */
  update(timeMs: number, volumeBbl: number, expectedSinceStartBbl: number, expectedInWindowBbl: number): TankReading {
    this.raw.push(timeMs, volumeBbl);
    this.residual.push(timeMs, volumeBbl - expectedSinceStartBbl);
    const change = this.raw.trendBbl;
    if (Math.abs(expectedInWindowBbl) >= MIN_EXPECTED_FOR_LINEUP_BBL) {
      const followed = change / expectedInWindowBbl;
      if (followed >= LINEUP_FRACTION) this.linedUp = true;
      else if (followed < UNLINED_FRACTION) this.linedUp = false;
    }
    if (this.linedUp) {
      const u = this.residual.trendBbl;
      return { unexplainedBbl: u, changeBbl: change, linedUp: true, burstShare: Math.abs(u) >= BURST_FROM_BBL ? this.residual.burstShare() : 0 };
    }
    // Not known to follow the pipe: the tank may or may not have taken the displacement.
    const less = change - expectedInWindowBbl;
    const unexplained = Math.sign(change) === Math.sign(less) ? Math.sign(change) * Math.min(Math.abs(change), Math.abs(less)) : 0;
    return { unexplainedBbl: unexplained, changeBbl: change, linedUp: false, burstShare: Math.abs(unexplained) >= BURST_FROM_BBL ? this.raw.burstShare() : 0 };
  }
}

export class TripSheetTracker {
  private tripTank: TankSheet | null = null;
  private pits: TankSheet | null = null;
  private expectedSinceStartBbl = 0;
  private lastBit: { depthFt: number; timeMs: number } | null = null;
  // Pipe movement per packet over the window (oldest first, from m0).
  private moveTimes: number[] = [];
  private moveFt: number[] = [];
  private m0 = 0;
  private movedInWindowFt = 0;
  private settingsKey = '';

  /** Judges one packet; null while the pumps run or the flow-back settles (everything starts over). */
  update(packet: WitsPacket, flowCheck: FlowCheckReading, trip: WellConfig['trip']): TripReading | null {
    const key = `${trip.window_s}/${trip.transfer_rate_bbl_min}`;
    if (flowCheck.pumpsOffSettledS === null || key !== this.settingsKey) {
      this.reset();
      this.settingsKey = key;
      if (flowCheck.pumpsOffSettledS === null) return null;
    }
    const t = packet.timeMs;
    const bblPerFt = pipeDisplacementBblPerFt(trip.pipe_od_in, trip.pipe_id_in, trip.pipe_closed_end);
    const movedFt = this.pipeMoved(packet);
    this.expectedSinceStartBbl += movedFt * bblPerFt;
    this.recordMove(t, movedFt, trip.window_s * 1000);
    const expectedInWindowBbl = this.movedInWindowFt * bblPerFt;

    let tripTank: TankReading | null = null;
    if (packet.tripTankBbl !== null) {
      this.tripTank ??= this.tank(trip, () => this.pits);
      tripTank = this.tripTank.update(t, packet.tripTankBbl, this.expectedSinceStartBbl, expectedInWindowBbl);
    }
    let pits: TankReading | null = null;
    if (packet.pitVolumeBbl !== null) {
      this.pits ??= this.tank(trip, () => this.tripTank);
      pits = this.pits.update(t, packet.pitVolumeBbl, this.expectedSinceStartBbl, expectedInWindowBbl);
    }
    return {
      pumpsOffS: flowCheck.pumpsOffSettledS as number,
      windowS: trip.window_s,
      pipeMovedFt: this.movedInWindowFt,
      displacementBbl: expectedInWindowBbl,
      bblPerFt,
      tripTank,
      pits,
    };
  }

  /** A tank whose transfers also mark the other tank's moves at the time (mud moved between them, or a surface job under way). */
  private tank(trip: WellConfig['trip'], other: () => TankSheet | null): TankSheet {
    const sheet = new TankSheet(trip.window_s, trip.transfer_rate_bbl_min);
    sheet.onTransfer = (t) => other()?.markTransfer(t);
    return sheet;
  }

  private reset(): void {
    this.tripTank = null;
    this.pits = null;
    this.expectedSinceStartBbl = 0;
    this.lastBit = null;
    this.moveTimes = [];
    this.moveFt = [];
    this.m0 = 0;
    this.movedInWindowFt = 0;
  }

  /** Bit movement since the last packet with a bit depth (ft, + = deeper); 0 across a long gap. */
  private pipeMoved(p: WitsPacket): number {
    if (p.bitDepthFt === null) return 0;
    const last = this.lastBit;
    this.lastBit = { depthFt: p.bitDepthFt, timeMs: p.timeMs };
    const dtS = last ? (p.timeMs - last.timeMs) / 1000 : Infinity;
    if (!last || dtS * 1000 > MAX_MOVE_GAP_MS) return 0;
    const moved = p.bitDepthFt - last.depthFt;
    return Math.abs(moved) > MAX_PIPE_SPEED_FT_S * dtS + 1 ? 0 : moved;
  }

  private recordMove(t: number, ft: number, windowMs: number): void {
    if (ft !== 0) {
      this.moveTimes.push(t);
      this.moveFt.push(ft);
      this.movedInWindowFt += ft;
    }
    while (this.m0 < this.moveTimes.length && this.moveTimes[this.m0] < t - windowMs) {
      this.movedInWindowFt -= this.moveFt[this.m0];
      this.m0++;
    }
    if (this.m0 > 4096) {
      this.moveTimes = this.moveTimes.slice(this.m0);
      this.moveFt = this.moveFt.slice(this.m0);
      this.m0 = 0;
    }
  }
}
