// Pack-off read from the trends together (DOMAIN §3.7), not from deltas against baselines. A
// baseline learned before the driller's last weight change is stale for minutes, while a
// two-minute trend at steady controls is not: a packing annulus raises torque AND SPP while
// ROP falls, with WOB, RPM and the pump rate held. Each sign must be needed: on a mud motor
// more bit load raises torque and SPP with ROP often up (so ROP must fall); harder rock drops
// ROP with torque flat (so torque must rise). Each trend must also stand clear of what the same
// window shows on this rig's clean drilling, learned two minutes late as the noise bands are
// (a pack-off building over minutes must not widen the band it is judged against). Pure.
import { NoiseBand } from './noise-band.js';

/** Two minutes of 1 Hz packets: long enough to see a ramp through ROP noise, short enough to stay current. */
export const TREND_WINDOW_PACKETS = 120;
/** Share of the window that must hold a reading for its trend to count. */
const MIN_FILLED = 0.8;
/** WOB's spread (RMS, share of its mean) below which it counts as held. */
const WOB_HELD_FRACTION = 0.01;
/** Share of the WOB's movement that must be independent of time for its effect to be separated. */
const MIN_INDEPENDENCE = 0.3;
/** RPM moved by more than this over the window: the driller changed them, not the hole. */
const CONTROL_STEADY_FRACTION = 0.08;
/** A sign stands when its trend is this many of the rig's clean-drilling RMS (three together rarely coincide). */
const NOISE_MULTIPLE = 2.5;

export interface PackOffTrendReading {
  /** Change over the window by the least-squares line, as a fraction of the window mean. */
  torqueTrendFraction: number;
  /** SPP change over the window, psi. */
  sppTrendPsi: number;
  /** ROP fall over the window as a fraction of the window mean (positive = falling). */
  ropFallFraction: number;
  /**
   * How far the weakest of the three signs stands past its level (its trend / the level it
   * must pass): 1 or more = torque up, SPP up and ROP down together, each clear of clean noise.
   */
  clearRatio: number;
  /** The level each sign had to pass: its floor or NOISE_MULTIPLE times its clean-drilling RMS. */
  levels: PackOffTrendFloors;
}

export interface PackOffTrendFloors {
  torqueFraction: number;
  sppPsi: number;
  ropFraction: number;
}

export interface PackOffTrendPacket {
  torqueKftLbf: number | null;
  sppPsi: number | null;
  ropFtHr: number | null;
  wobKlbf: number | null;
  rpm: number | null;
}

type Ch = keyof PackOffTrendPacket;
const CHANNELS: readonly Ch[] = ['torqueKftLbf', 'sppPsi', 'ropFtHr', 'wobKlbf', 'rpm'];
const WOB = 3;

export class PackOffTrend {
  private readonly rings = CHANNELS.map(() => new Float64Array(TREND_WINDOW_PACKETS));
  private windowMean = 0;
  private head = 0;
  private count = 0;
  private readonly torqueNoise = new NoiseBand();
  private readonly sppNoise = new NoiseBand();
  private readonly ropNoise = new NoiseBand();

  /**
   * One packet. `judged` = drilling on bottom at a steady pump rate; anything else starts the
   * window over (a connection, a rate change: the trends there are not the hole's).
   */
  update(p: PackOffTrendPacket, judged: boolean, floors: PackOffTrendFloors): PackOffTrendReading | null {
    if (!judged) {
      this.count = 0;
      return null;
    }
    for (let i = 0; i < CHANNELS.length; i++) {
      const v = p[CHANNELS[i]];
      this.rings[i][this.head] = v === null || !Number.isFinite(v) ? NaN : v;
    }
    this.head = (this.head + 1) % TREND_WINDOW_PACKETS;
    if (this.count < TREND_WINDOW_PACKETS) this.count++;
    if (this.count < TREND_WINDOW_PACKETS) return null;
    const torque = this.changeFraction(0);
    const spp = this.change(1);
    const rop = this.changeFraction(2);
    if (torque === null || spp === null || rop === null) return null;
    const rpm = this.changeFraction(4);
    const controlsHeld = rpm === null || Math.abs(rpm) <= CONTROL_STEADY_FRACTION;
    // Clean drilling teaches the spread only at held controls, as the signs are judged.
    const tqRms = this.torqueNoise.update(torque, controlsHeld);
    const sppRms = this.sppNoise.update(spp, controlsHeld);
    const ropRms = this.ropNoise.update(rop, controlsHeld);
    if (!controlsHeld || tqRms === null || sppRms === null || ropRms === null) return null;
    const level = (floor: number, rms: number) => Math.max(floor, NOISE_MULTIPLE * rms);
    const levels = { torqueFraction: level(floors.torqueFraction, tqRms), sppPsi: level(floors.sppPsi, sppRms), ropFraction: level(floors.ropFraction, ropRms) };
    const clearRatio = Math.min(torque / levels.torqueFraction, spp / levels.sppPsi, -rop / levels.ropFraction);
    return { torqueTrendFraction: torque, sppTrendPsi: spp, ropFallFraction: -rop, clearRatio, levels };
  }

  /**
   * Least-squares change over the window (units of the channel) beyond what the WOB explains:
   * y = a + b·t + c·WOB, so a driller's weight step inside the window (bit torque, motor
   * pressure and ROP all follow it) is not read as the hole. Null when too sparse, or when WOB
   * moved in step with time so the two cannot be told apart.
   */
  private change(i: number): number | null {
    const y = this.rings[i];
    const w = this.rings[WOB];
    const N = TREND_WINDOW_PACKETS;
    // Oldest first: k is the packet's place in the window, j its slot in the ring (no modulo per sample).
    let n = 0, st = 0, sy = 0, sw = 0;
    for (let k = 0, j = this.head; k < N; k++, j = j + 1 === N ? 0 : j + 1) {
      const yj = y[j], wj = w[j];
      if (Number.isNaN(yj) || Number.isNaN(wj)) continue;
      n++; st += k; sy += yj; sw += wj;
    }
    if (n < MIN_FILLED * N) return null;
    const mt = st / n, my = sy / n, mw = sw / n;
    let stt = 0, sww = 0, stw = 0, sty = 0, swy = 0;
    for (let k = 0, j = this.head; k < N; k++, j = j + 1 === N ? 0 : j + 1) {
      const yj = y[j], wj = w[j];
      if (Number.isNaN(yj) || Number.isNaN(wj)) continue;
      const dt = k - mt, dy = yj - my, dw = wj - mw;
      stt += dt * dt; sww += dw * dw; stw += dt * dw; sty += dt * dy; swy += dw * dy;
    }
    this.windowMean = my;
    const steps = N - 1;
    // WOB held within a per cent: the plain trend is the hole's.
    if (sww <= n * (WOB_HELD_FRACTION * mw) ** 2) return (sty / stt) * steps;
    const det = stt * sww - stw * stw;
    if (det < MIN_INDEPENDENCE * stt * sww) return null;
    return ((sty * sww - swy * stw) / det) * steps;
  }

  /** The change as a share of the window mean (null for a channel reading zero). */
  private changeFraction(i: number): number | null {
    const d = this.change(i);
    if (d === null || !(this.windowMean > 0)) return null;
    return d / this.windowMean;
  }
}
