// Pit rate (short least-squares trend) and pit gain (longer window), corrected for the hole the
// bit drills: new hole is filled from the pits (D²/1029.4 bbl/ft, ~5 bbl/hr at 70 ft/hr in
// 8.5 in), which must not read as a loss. Transfers are taken out: a step faster than the well
// could give or take (more than the pump rate in a second or two, plus sensor noise) is a tank
// lined up or a transfer, not an influx; the volume after it is referred back to before it.
import type { WitsPacket } from '../../../src-shared/wits.js';
import { PitTrend } from '../flow.js';

export interface PitReading {
  pitRateBblHr: number | null;
  pitGainBbl: number | null;
}

/** Hole capacity, bbl/ft = D² (in) / 1029.4. */
const HOLE_CAPACITY_DIVISOR = 1029.4;
/** Fewest seconds of samples before a trend is fitted (or a third of the window if shorter). */
const MIN_TREND_SPAN_S = 20;

/** Sensor noise allowed in one step before it counts as a transfer, bbl. */
const TRANSFER_NOISE_BBL = 0.5;
/** Steps are judged only between samples this close (s): after a gap, a change is not a step. */
const TRANSFER_MAX_GAP_S = 5;
/** gpm -> bbl/s. */
const GPM_TO_BBL_PER_S = 1 / (60 * 42);

export class PitTracker {
  private rate: PitTrend | null = null;
  private gain: PitTrend | null = null;
  /** Sum of the transfers taken out, bbl (added to every later reading). */
  private transferOffsetBbl = 0;
  private prev: { timeMs: number; pitBbl: number } | null = null;
  /** Transfers seen since start (for health and tests). */
  transfers = 0;
  /** The last hole depth read: a packet whose hole depth the quality gate blanked keeps the fill correction. */
  private holeDepthFt: number | null = null;

  /** Line fill and flow-back follow a pump change: the windows start over. */
  reset(): void {
    this.rate?.reset();
    this.gain?.reset();
  }

  update(packet: WitsPacket, bitDiameterIn: number | null, rateWindowS: number, gainWindowS: number): PitReading {
    if (packet.pitVolumeBbl === null) return { pitRateBblHr: null, pitGainBbl: null };
    if (this.rate === null || this.rate.windowS !== rateWindowS) {
      this.rate = new PitTrend(rateWindowS, Math.min(MIN_TREND_SPAN_S, rateWindowS / 3));
    }
    // Gain counts over a longer window than the rate: a slow influx adds up to the 5/10 bbl
    // limits over minutes, while slow surface drift falls out of the window.
    if (this.gain === null || this.gain.windowS !== gainWindowS) {
      this.gain = new PitTrend(gainWindowS, Math.min(MIN_TREND_SPAN_S, gainWindowS / 3), 5, Math.max(1024, Math.ceil(gainWindowS) + 64));
    }
    if (packet.holeDepthFt !== null && packet.holeDepthFt > 0) this.holeDepthFt = packet.holeDepthFt;
    const hole = this.holeDepthFt;
    const holeFillBbl = bitDiameterIn !== null && hole !== null ? (hole * bitDiameterIn * bitDiameterIn) / HOLE_CAPACITY_DIVISOR : 0;
    this.takeOutTransfer(packet);
    const corrected = packet.pitVolumeBbl + this.transferOffsetBbl + holeFillBbl;
    this.rate.push(packet.timeMs, corrected);
    this.gain.push(packet.timeMs, corrected);
    const trend = this.rate.compute();
    return { pitRateBblHr: trend ? trend.rateBblHr : null, pitGainBbl: this.gain.gainBbl() };
  }

  private takeOutTransfer(packet: WitsPacket): void {
    const pit = packet.pitVolumeBbl as number;
    const prev = this.prev;
    this.prev = { timeMs: packet.timeMs, pitBbl: pit };
    if (!prev) return;
    const dtS = (packet.timeMs - prev.timeMs) / 1000;
    if (dtS <= 0 || dtS > TRANSFER_MAX_GAP_S) return;
    const wellMaxBbl = Math.max(packet.flowInGpm ?? 0, 100) * GPM_TO_BBL_PER_S * dtS + TRANSFER_NOISE_BBL;
    const step = pit - prev.pitBbl;
    if (Math.abs(step) > wellMaxBbl) {
      this.transferOffsetBbl -= step;
      this.transfers++;
    }
  }
}
