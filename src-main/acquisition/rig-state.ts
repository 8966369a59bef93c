// Rig-state classifier (DOMAIN.md §2.4, physics classifier) with tripping made reachable
// (reference quirk 3). Stateful: it remembers the previous bit depth and time to measure how
// fast the bit is moving. Pure otherwise: time comes from packet.timeMs.
//
// Choices, in order of evaluation:
// - Absent rpm / flow / wob / rop count as 0: a missing sensor gives no evidence of activity.
// - Tripping: no rotation, flow below tripping_flow_max, bit well off bottom (> offBottomFt above
//   hole depth) and bit moving faster than tripMinSpeedFtMin. Direction from the bit depth:
//   deeper = TrippingIn, shallower = TrippingOut. Hook load is not used: it depends on string
//   weight, not direction.
// - A trip stops at the slips every stand; while the bit stays off bottom, unrotated and
//   without flow for less than tripPauseHoldS, we keep the trip direction so the state does not
//   flicker Idle/Tripping every minute.
// - Then the §2.4 table: Idle (no rotation, no flow), Connection (no rotation, pumps on, bit
//   near bottom or not moving), Drilling/Reaming, Circulating.
import type { WellConfig } from '../../src-shared/config.js';
import type { RigState, WitsPacket } from '../../src-shared/wits.js';

export type RigStateThresholds = WellConfig['thresholds']['rig_state'];

export interface RigStateOptions {
  /** Bit speed above which the string counts as moving (ft/min). */
  tripMinSpeedFtMin?: number;
  /** Bit this far above hole bottom counts as "well off bottom" for tripping (ft). */
  offBottomFt?: number;
  /** Within this distance of bottom, pumps on without rotation is a connection (ft, ~one stand). */
  nearBottomFt?: number;
  /** Keep the trip direction through in-slips pauses up to this long (s). */
  tripPauseHoldS?: number;
  /** Ignore a bit speed measured over a gap longer than this (s): feed outage, not movement. */
  maxSpeedGapS?: number;
}

const v0 = (v: number | null): number => v ?? 0;

export class RigStateClassifier {
  private readonly o: Required<RigStateOptions>;
  private prev: { bitDepthFt: number; timeMs: number } | null = null;
  private lastTrip: { state: 'TrippingIn' | 'TrippingOut'; timeMs: number } | null = null;

  constructor(
    private readonly t: RigStateThresholds,
    opts: RigStateOptions = {},
  ) {
    this.o = {
      tripMinSpeedFtMin: opts.tripMinSpeedFtMin ?? 5,
      offBottomFt: opts.offBottomFt ?? 30,
      nearBottomFt: opts.nearBottomFt ?? 100,
      tripPauseHoldS: opts.tripPauseHoldS ?? 180,
      maxSpeedGapS: opts.maxSpeedGapS ?? 120,
    };
  }

  /** Bit speed in ft/min (+ = deeper), or null when it cannot be measured. */
  private bitSpeedFtMin(p: WitsPacket): number | null {
    const prev = this.prev;
    if (p.bitDepthFt === null) return null;
    this.prev = { bitDepthFt: p.bitDepthFt, timeMs: p.timeMs };
    if (!prev) return null;
    const dtS = (p.timeMs - prev.timeMs) / 1000;
    if (dtS <= 0 || dtS > this.o.maxSpeedGapS) return null;
    return ((p.bitDepthFt - prev.bitDepthFt) / dtS) * 60;
  }

  classify(p: WitsPacket): RigState {
    const t = this.t;
    const rpm = v0(p.rpm);
    const flow = v0(p.flowInGpm);
    const wob = v0(p.wobKlbf);
    const rop = v0(p.ropFtHr);
    const speed = this.bitSpeedFtMin(p);
    const offBottomBy = p.bitDepthFt !== null && p.holeDepthFt !== null ? p.holeDepthFt - p.bitDepthFt : null;
    const rotating = rpm >= t.idle_rpm_max;
    const moving = speed !== null && Math.abs(speed) > this.o.tripMinSpeedFtMin;
    const wellOffBottom = offBottomBy !== null && offBottomBy > this.o.offBottomFt;

    if (!rotating && flow < t.tripping_flow_max && wellOffBottom) {
      if (moving) {
        const state = speed > 0 ? 'TrippingIn' : 'TrippingOut';
        this.lastTrip = { state, timeMs: p.timeMs };
        return state;
      }
      if (this.lastTrip && (p.timeMs - this.lastTrip.timeMs) / 1000 <= this.o.tripPauseHoldS) {
        return this.lastTrip.state; // in slips between stands
      }
    }
    if (!rotating) {
      if (flow < t.circulation_flow_min) return 'Idle';
      const nearBottom = offBottomBy !== null && offBottomBy <= this.o.nearBottomFt;
      if (nearBottom || !moving) return 'Connection';
      return 'Circulating'; // pumping while moving the string
    }
    if (wob > t.drilling_wob_min && rop > t.drilling_rop_min) {
      return offBottomBy !== null && offBottomBy > t.reaming_depth_offset ? 'Reaming' : 'Drilling';
    }
    return 'Circulating';
  }

  reset(): void {
    this.prev = null;
    this.lastTrip = null;
  }
}
