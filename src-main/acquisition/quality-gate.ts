// Data-quality gate (DOMAIN.md §2.3, HEAD behaviour) adapted to absent channels: null means the
// rig did not send it, so a null is never "zero" and never fails a range check.
// One bad channel does not cost the packet (issue 11 item 10): an implausible channel is blanked
// (made null, so nothing downstream reads it) and named in the reasons, and the rest is used.
// Invalid (drop) is kept for a packet with nothing usable (dead feed) or a broken time;
// Suspect = keep it, flagged, with readable reasons (a blanked channel makes it suspect).
// Pure apart from its own small state (previous depths and time); time comes from packet.timeMs.
import { CHANNELS, type Channel, type DataQuality, type WitsPacket } from '../../src-shared/wits.js';

export interface QualityGateOptions {
  /** Hole depth may not deepen faster than this (ft/hr); 500 per DOMAIN §2.3. */
  maxDrillRateFtHr?: number;
  /** Bit depth may not move faster than this (ft/hr); trips run up to ~150 ft/min = 9000 ft/hr. */
  maxBitSpeedFtHr?: number;
  /** A jump smaller than this is always allowed (WITS depth resolution, sensor jitter). */
  minJumpAllowanceFt?: number;
  /** Hole depth may not shrink by more than this (ft). */
  maxHoleDepthDropFt?: number;
  /** After this many rejected jumps (or backward times) in a row, accept the new value as the reference (a real reset). */
  rebaseAfterRejections?: number;
}

const MAIN_CHANNELS: Channel[] = ['bitDepthFt', 'ropFtHr', 'wobKlbf', 'rpm', 'torqueKftLbf', 'sppPsi', 'flowInGpm'];
const CLAMP_AT_ZERO: Channel[] = ['wobKlbf', 'torqueKftLbf', 'rpm', 'ropFtHr', 'flowInGpm', 'flowOutGpm', 'sppPsi'];

/** A channel's plausible range; outside it the channel is blanked. `zeroMeansUnset`: 0 is "not sent", not a reading. */
interface Range {
  channel: Channel;
  name: string;
  min?: number;
  max?: number;
  zeroMeansUnset?: boolean;
}

/** DOMAIN §2.3's Invalid limits, now per channel, plus volumes that cannot be negative and flows no pump delivers. */
const RANGES: readonly Range[] = [
  { channel: 'bitDepthFt', name: 'bit depth ft', min: 0 },
  { channel: 'ropFtHr', name: 'rop ft/hr', min: -1, max: 1000 },
  { channel: 'wobKlbf', name: 'wob klbf', max: 200 },
  { channel: 'rpm', name: 'rpm', max: 500 },
  { channel: 'sppPsi', name: 'spp psi', max: 10_000 },
  { channel: 'torqueKftLbf', name: 'torque kft-lbf', min: -50, max: 100 },
  { channel: 'hookLoadKlbf', name: 'hook load klbf', min: 0, max: 1000 },
  { channel: 'flowInGpm', name: 'flow in gpm', max: 5000 },
  { channel: 'flowOutGpm', name: 'flow out gpm', max: 5000 },
  { channel: 'pitVolumeBbl', name: 'pit volume bbl', min: 0 },
  { channel: 'tripTankBbl', name: 'trip tank bbl', min: 0 },
  { channel: 'mudWeightInPpg', name: 'mud weight in ppg', min: 0, max: 25, zeroMeansUnset: true },
  { channel: 'mudWeightOutPpg', name: 'mud weight out ppg', min: 0, max: 25, zeroMeansUnset: true },
  { channel: 'ecdPpg', name: 'ecd ppg', min: 5, max: 25, zeroMeansUnset: true },
];

const fmt = (v: number): string => String(Math.round(v * 100) / 100);

/** What the gate found in one packet: its quality, and the channels to blank with why. */
export interface Assessment extends DataQuality {
  /** Channels outside their plausible range (blanked by the gate), in RANGES order. */
  blanked: Channel[];
}

function rangeProblem(r: Range, v: number): string | null {
  if (r.zeroMeansUnset && v === 0) return null;
  const both = r.min !== undefined && r.max !== undefined;
  if ((r.min !== undefined && v < r.min) || (r.max !== undefined && v > r.max)) {
    if (both) return `${r.name} ${fmt(v)} outside ${r.min}-${r.max}`;
    return r.min !== undefined && v < r.min ? `${r.name} ${fmt(v)} below ${r.min}` : `${r.name} ${fmt(v)} above ${r.max}`;
  }
  return null;
}

interface Findings {
  /** Channels outside their plausible range, with why (RANGES order). */
  blanks: [Channel, string][];
  /** Why the packet cannot be used at all, or null. */
  invalid: string | null;
  /** Suspect conditions among the usable channels. */
  suspect: string[];
}

/** A channel's value unless the range check blanked it (no closure: this runs on every packet). */
function usable(p: WitsPacket, blanks: readonly [Channel, string][], c: Channel): number | null {
  for (const [b] of blanks) if (b === c) return null;
  return p[c];
}

function suspectBelow(p: WitsPacket, blanks: readonly [Channel, string][], c: Channel, name: string, min: number, suspect: string[]): void {
  const v = usable(p, blanks, c);
  if (v !== null && v < min) suspect.push(`${name} ${fmt(v)} below ${min}`);
}

function findings(p: WitsPacket): Findings {
  if (!Number.isFinite(p.timeMs) || p.timeMs <= 0) return { blanks: [], invalid: 'broken timestamp', suspect: [] };
  const blanks: [Channel, string][] = [];
  for (const r of RANGES) {
    const v = p[r.channel];
    const problem = v === null ? null : rangeProblem(r, v);
    if (problem) blanks.push([r.channel, `${problem}: blanked`]);
  }

  let present = 0;
  let absSum = 0;
  for (const c of MAIN_CHANNELS) {
    const v = usable(p, blanks, c);
    if (v === null) continue;
    present++;
    absSum += Math.abs(v);
  }
  if (present === 0) {
    const why = MAIN_CHANNELS.some((c) => p[c] !== null) ? 'dead feed: no usable main channel' : 'dead feed: no main channel sent';
    return { blanks, invalid: why, suspect: [] };
  }
  if (absSum < 1e-6) return { blanks, invalid: 'dead feed: all main channels zero', suspect: [] };

  const suspect: string[] = [];
  const flowIn = usable(p, blanks, 'flowInGpm');
  const flowOut = usable(p, blanks, 'flowOutGpm');
  const bit = usable(p, blanks, 'bitDepthFt');
  if (bit === 0) suspect.push('bit depth 0');
  suspectBelow(p, blanks, 'rpm', 'rpm', 0, suspect);
  suspectBelow(p, blanks, 'sppPsi', 'spp psi', 0, suspect);
  suspectBelow(p, blanks, 'h2sPpm', 'h2s ppm', 0, suspect);
  // DOMAIN flags every flow_in = 0 as Suspect; pumps off is routine (connections, trips), so we
  // flag it only where it cannot be right: making hole with no flow.
  if (flowIn === 0 && (usable(p, blanks, 'ropFtHr') ?? 0) > 0 && (usable(p, blanks, 'rpm') ?? 0) > 0) suspect.push('flow in 0 while drilling');
  if (flowIn === 0 && flowOut !== null && flowOut > 0) suspect.push(`flow out ${fmt(flowOut)} gpm with flow in 0`);
  const hole = usable(p, blanks, 'holeDepthFt');
  if (bit !== null && hole !== null && bit > hole + 10) suspect.push(`bit depth ${fmt(bit)} ft below hole depth ${fmt(hole)} ft`);
  return { blanks, invalid: null, suspect };
}

function qualityOf(f: Findings, extraBlankReasons: readonly string[] = []): DataQuality {
  const reasons: string[] = [];
  if (f.invalid) reasons.push(f.invalid);
  for (const why of extraBlankReasons) reasons.push(why);
  for (const [, why] of f.blanks) reasons.push(why);
  if (f.invalid) return { level: 'invalid', reasons };
  for (const why of f.suspect) reasons.push(why);
  return { level: reasons.length > 0 ? 'suspect' : 'ok', reasons };
}

/** Stateless checks (everything but the depth jumps and the time order), with the channels the gate would blank. */
export function assessPacket(p: WitsPacket): Assessment {
  const f = findings(p);
  return { ...qualityOf(f), blanked: f.blanks.map(([c]) => c) };
}

/** One depth channel's last accepted value, and how many jumps in a row it has refused. */
interface DepthRef {
  valueFt: number;
  timeMs: number;
  refusedInRow: number;
}

export class QualityGate {
  private readonly o: Required<QualityGateOptions>;
  private bit: DepthRef | null = null;
  private hole: DepthRef | null = null;
  private lastTimeMs: number | null = null;
  private backwardsInRow = 0;
  readonly stats = { checked: 0, invalid: 0, suspect: 0, depthJumps: 0, blanked: 0, blankedByChannel: {} as Partial<Record<Channel, number>> };

  constructor(opts: QualityGateOptions = {}) {
    this.o = {
      maxDrillRateFtHr: opts.maxDrillRateFtHr ?? 500,
      maxBitSpeedFtHr: opts.maxBitSpeedFtHr ?? 12_000,
      minJumpAllowanceFt: opts.minJumpAllowanceFt ?? 1,
      maxHoleDepthDropFt: opts.maxHoleDepthDropFt ?? 50,
      rebaseAfterRejections: opts.rebaseAfterRejections ?? 3,
    };
  }

  /**
   * Returns a copy with `quality` set, implausible and jumping channels blanked, non-finite
   * values made absent and small negatives clamped to 0.
   */
  check(input: WitsPacket): WitsPacket {
    this.stats.checked++;
    const p: WitsPacket = { ...input };
    for (const c of CHANNELS) {
      const v = p[c];
      if (v !== null && !Number.isFinite(v)) p[c] = null;
    }
    let f = findings(p);
    const back = f.invalid ? null : this.timeWentBack(p.timeMs);
    let jumps: string[] = [];
    if (back) f = { blanks: [], invalid: back, suspect: [] };
    if (!f.invalid) {
      for (const [c] of f.blanks) p[c] = null;
      jumps = this.depthJumps(p);
      // Judged again with the jumping depth gone (it may have been the only main channel).
      if (jumps.length > 0) f = { ...findings(p), blanks: f.blanks };
    }
    const q = qualityOf(f, jumps);
    if (q.level === 'ok' && jumps.length > 0) q.level = 'suspect';
    // Only a range blank or a depth jump nulls a channel the rig sent as a number: most packets have neither.
    const blanked = q.level === 'invalid' || (f.blanks.length === 0 && jumps.length === 0) ? [] : blankedChannels(input, p);
    if (q.level !== 'invalid') {
      this.lastTimeMs = p.timeMs;
      this.count(blanked);
    }
    // Clamp after the checks so the reasons quote what the rig really sent.
    for (const c of CLAMP_AT_ZERO) {
      const v = p[c];
      if (v !== null && v < 0) p[c] = 0;
    }
    p.quality = blanked.length > 0 ? { ...q, blanked } : q;
    if (q.level === 'invalid') this.stats.invalid++;
    if (q.level === 'suspect') this.stats.suspect++;
    return p;
  }

  reset(): void {
    this.bit = null;
    this.hole = null;
    this.lastTimeMs = null;
    this.backwardsInRow = 0;
  }

  private count(blanked: readonly Channel[]): void {
    for (const c of blanked) {
      this.stats.blanked++;
      this.stats.blankedByChannel[c] = (this.stats.blankedByChannel[c] ?? 0) + 1;
    }
  }

  /** A time before the last accepted packet's breaks every rate; a clock really set back is accepted after a few packets. */
  private timeWentBack(timeMs: number): string | null {
    if (this.lastTimeMs === null || timeMs >= this.lastTimeMs) {
      this.backwardsInRow = 0;
      return null;
    }
    if (++this.backwardsInRow >= this.o.rebaseAfterRejections) {
      this.backwardsInRow = 0;
      return null;
    }
    return `broken timestamp: ${fmt((this.lastTimeMs - timeMs) / 1000)} s before the previous packet`;
  }

  /** Blanks a depth that moved impossibly fast (and says why); each depth keeps its own reference. */
  private depthJumps(p: WitsPacket): string[] {
    const out: string[] = [];
    const hole = p.holeDepthFt !== null && p.holeDepthFt > 0 ? p.holeDepthFt : null;
    if (hole !== null) {
      const why = this.judge('hole', hole, p.timeMs);
      if (why) {
        p.holeDepthFt = null;
        out.push(why);
      }
    }
    const bit = p.bitDepthFt !== null && p.bitDepthFt > 0 ? p.bitDepthFt : null;
    if (bit !== null) {
      const why = this.judge('bit', bit, p.timeMs);
      if (why) {
        p.bitDepthFt = null;
        out.push(why);
      }
    }
    return out;
  }

  /** The reason a depth is refused, or null (then it becomes the reference). Depth-0 packets never get here. */
  private judge(which: 'bit' | 'hole', valueFt: number, timeMs: number): string | null {
    const ref = this[which];
    if (!ref) {
      this[which] = { valueFt, timeMs, refusedInRow: 0 };
      return null;
    }
    const reason = this.refusal(which, valueFt - ref.valueFt, Math.max(0, (timeMs - ref.timeMs) / 1000));
    this.stats.depthJumps += reason ? 1 : 0;
    // A depth that stays at its new value is a real reset (re-zeroed encoder, sidetrack, feed
    // restart); never lock the channel out forever.
    if (reason && ++ref.refusedInRow < this.o.rebaseAfterRejections) return reason;
    ref.valueFt = valueFt;
    ref.timeMs = timeMs;
    ref.refusedInRow = 0;
    return null;
  }

  /** Why a depth change of dFt in dtS seconds is impossible for this depth, or null. */
  private refusal(which: 'bit' | 'hole', dFt: number, dtS: number): string | null {
    const o = this.o;
    if (which === 'bit') {
      return Math.abs(dFt) > this.allowanceFt(o.maxBitSpeedFtHr, dtS) ? `bit depth moved ${fmt(Math.abs(dFt))} ft in ${fmt(dtS)} s (limit ${o.maxBitSpeedFtHr} ft/hr): blanked` : null;
    }
    if (dFt > this.allowanceFt(o.maxDrillRateFtHr, dtS)) return `hole depth jumped ${fmt(dFt)} ft in ${fmt(dtS)} s (limit ${o.maxDrillRateFtHr} ft/hr): blanked`;
    if (-dFt > o.maxHoleDepthDropFt) return `hole depth dropped ${fmt(-dFt)} ft (limit ${o.maxHoleDepthDropFt} ft): blanked`;
    return null;
  }

  /** The largest plausible move at this rate over dtS, never below the jitter allowance. */
  private allowanceFt(rateFtHr: number, dtS: number): number {
    return Math.max((rateFtHr * dtS) / 3600, this.o.minJumpAllowanceFt);
  }
}

/** Channels the rig sent as a finite number that the gate made null. */
function blankedChannels(input: WitsPacket, p: WitsPacket): Channel[] {
  const out: Channel[] = [];
  for (const c of CHANNELS) {
    const v = input[c];
    if (v !== null && Number.isFinite(v) && p[c] === null) out.push(c);
  }
  return out;
}
