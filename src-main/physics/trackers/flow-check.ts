// The connection flow check: once the pumps are off and the flow-back is over, returns on the
// flow-out sensor or pits that keep gaining mean the well is flowing.
import type { WitsPacket } from '../../../src-shared/wits.js';
import { ShortWindow } from '../ema.js';
import type { PumpReading } from './pumps.js';

export interface FlowCheckReading {
  /** Seconds since the pumps stopped, once past the flow-back; null while pumping or settling. */
  pumpsOffSettledS: number | null;
  /** Flow out with the pumps off (mean of the last few packets), gpm. */
  flowOutPumpsOffGpm: number | null;
  /** Pit change since the flow-back ended, bbl. */
  pitGainPumpsOffBbl: number | null;
}

/** Seconds of flow-out readings averaged (a few packets at 1 Hz). */
const FLOW_OUT_SMOOTHING_S = 5;

export class FlowCheckTracker {
  private offSinceMs: number | null = null;
  private readonly flowOut = new ShortWindow(FLOW_OUT_SMOOTHING_S);
  /** Pit volume when the flow-back was over (the flow check's reference), bbl. */
  private pitRefBbl: number | null = null;

  /** `readingS`: the seconds of feed the packet stands for (feed-clock.ts). */
  update(packet: WitsPacket, pumps: PumpReading, flowbackSettleS: number, readingS = 1): FlowCheckReading {
    const t = packet.timeMs;
    if (pumps.pumpsOn) {
      this.offSinceMs = null;
      this.flowOut.reset();
      this.pitRefBbl = null;
    } else {
      if (this.offSinceMs === null || pumps.pumpChanged) {
        this.offSinceMs = t;
        this.flowOut.reset();
        this.pitRefBbl = null;
      }
      if (packet.flowOutGpm !== null) this.flowOut.push(packet.flowOutGpm, readingS);
    }
    const offForS = this.offSinceMs === null ? null : (t - this.offSinceMs) / 1000;
    const settledS = offForS !== null && offForS >= flowbackSettleS ? offForS : null;
    // Pit gain counts from the end of the flow-back, which itself fills the pits.
    if (settledS !== null && this.pitRefBbl === null && packet.pitVolumeBbl !== null) this.pitRefBbl = packet.pitVolumeBbl;
    return {
      pumpsOffSettledS: settledS,
      flowOutPumpsOffGpm: settledS !== null && this.flowOut.n > 0 ? (this.flowOut.mean as number) : null,
      pitGainPumpsOffBbl: settledS !== null && this.pitRefBbl !== null && packet.pitVolumeBbl !== null ? packet.pitVolumeBbl - this.pitRefBbl : null,
    };
  }
}
