// Data-quality gate (DOMAIN.md §2.3, HEAD behaviour) adapted to absent channels: null means the
// rig did not send it, so a null is never "zero" and never fails a range check.
// Invalid = drop the packet; Suspect = keep it, flagged, with readable reasons.
// Pure apart from its own small state (previous depths); time comes from packet.timeMs.
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
  /** After this many rejected jumps in a row, accept the new depth as the reference (a real reset). */
  rebaseAfterRejections?: number;
}

const MAIN_CHANNELS: Channel[] = ['bitDepthFt', 'ropFtHr', 'wobKlbf', 'rpm', 'torqueKftLbf', 'sppPsi', 'flowInGpm'];
const CLAMP_AT_ZERO: Channel[] = ['wobKlbf', 'torqueKftLbf', 'rpm', 'ropFtHr', 'flowInGpm', 'flowOutGpm', 'sppPsi'];

const fmt = (v: number): string => String(Math.round(v * 100) / 100);

/** Stateless range checks (everything but the depth jump). */
export function assessPacket(p: WitsPacket): DataQuality {
  const invalid: string[] = [];
  const suspect: string[] = [];

  const present = MAIN_CHANNELS.map((c) => p[c]).filter((v): v is number => v !== null);
  const activity = present.reduce((s, v) => s + Math.abs(v), 0);
  if (present.length === 0) return { level: 'invalid', reasons: ['dead feed: no main channel sent'] };
  if (activity < 1e-6) return { level: 'invalid', reasons: ['dead feed: all main channels zero'] };

  const above = (c: Channel, name: string, max: number) => {
    const v = p[c];
    if (v !== null && v > max) invalid.push(`${name} ${fmt(v)} above ${max}`);
  };
  const below = (c: Channel, name: string, min: number, out: string[] = invalid) => {
    const v = p[c];
    if (v !== null && v < min) out.push(`${name} ${fmt(v)} below ${min}`);
  };
  below('bitDepthFt', 'bit depth ft', 0);
  below('ropFtHr', 'rop ft/hr', -1);
  above('ropFtHr', 'rop ft/hr', 1000);
  above('wobKlbf', 'wob klbf', 200);
  above('rpm', 'rpm', 500);
  above('sppPsi', 'spp psi', 10_000);
  below('torqueKftLbf', 'torque kft-lbf', -50);
  above('torqueKftLbf', 'torque kft-lbf', 100);
  below('hookLoadKlbf', 'hook load klbf', 0);
  above('hookLoadKlbf', 'hook load klbf', 1000);
  const mw = p.mudWeightInPpg;
  if (mw !== null && mw !== 0 && (mw < 0 || mw > 25)) invalid.push(`mud weight in ${fmt(mw)} ppg outside 0-25`);
  const ecd = p.ecdPpg;
  if (ecd !== null && ecd !== 0 && (ecd < 5 || ecd > 25)) invalid.push(`ecd ${fmt(ecd)} ppg outside 5-25`);

  if (p.bitDepthFt === 0) suspect.push('bit depth 0');
  below('rpm', 'rpm', 0, suspect);
  below('sppPsi', 'spp psi', 0, suspect);
  below('h2sPpm', 'h2s ppm', 0, suspect);
  // DOMAIN flags every flow_in = 0 as Suspect; pumps off is routine (connections, trips), so we
  // flag it only where it cannot be right: making hole with no flow.
  if (p.flowInGpm === 0 && (p.ropFtHr ?? 0) > 0 && (p.rpm ?? 0) > 0) suspect.push('flow in 0 while drilling');
  if (p.flowInGpm === 0 && p.flowOutGpm !== null && p.flowOutGpm > 0) {
    suspect.push(`flow out ${fmt(p.flowOutGpm)} gpm with flow in 0`);
  }
  if (p.bitDepthFt !== null && p.holeDepthFt !== null && p.bitDepthFt > p.holeDepthFt + 10) {
    suspect.push(`bit depth ${fmt(p.bitDepthFt)} ft below hole depth ${fmt(p.holeDepthFt)} ft`);
  }
  if (p.timeMs <= 0) suspect.push('no timestamp');

  if (invalid.length > 0) return { level: 'invalid', reasons: [...invalid, ...suspect] };
  if (suspect.length > 0) return { level: 'suspect', reasons: suspect };
  return { level: 'ok', reasons: [] };
}

interface DepthRef {
  bitDepthFt: number | null;
  holeDepthFt: number | null;
  timeMs: number;
}

export class QualityGate {
  private readonly o: Required<QualityGateOptions>;
  private ref: DepthRef | null = null;
  private rejectedInRow = 0;
  readonly stats = { checked: 0, invalid: 0, suspect: 0, depthJumps: 0 };

  constructor(opts: QualityGateOptions = {}) {
    this.o = {
      maxDrillRateFtHr: opts.maxDrillRateFtHr ?? 500,
      maxBitSpeedFtHr: opts.maxBitSpeedFtHr ?? 12_000,
      minJumpAllowanceFt: opts.minJumpAllowanceFt ?? 1,
      maxHoleDepthDropFt: opts.maxHoleDepthDropFt ?? 50,
      rebaseAfterRejections: opts.rebaseAfterRejections ?? 3,
    };
  }

  /** Returns a copy with `quality` set, non-finite values made absent and negatives clamped to 0. */
  check(input: WitsPacket): WitsPacket {
    this.stats.checked++;
    const p: WitsPacket = { ...input };
    for (const c of CHANNELS) {
      const v = p[c];
      if (v !== null && !Number.isFinite(v)) p[c] = null;
    }
    const q = assessPacket(p);
    if (q.level !== 'invalid') {
      const jump = this.depthJump(p);
      if (jump) {
        q.level = 'invalid';
        q.reasons = [jump, ...q.reasons];
      }
    }
    // Clamp after the checks so the reasons quote what the rig really sent.
    for (const c of CLAMP_AT_ZERO) {
      const v = p[c];
      if (v !== null && v < 0) p[c] = 0;
    }
    p.quality = q;
    if (q.level === 'invalid') this.stats.invalid++;
    if (q.level === 'suspect') this.stats.suspect++;
    return p;
  }

  reset(): void {
    this.ref = null;
    this.rejectedInRow = 0;
  }

  /** Reason text when a depth moved impossibly fast; updates the reference only when accepted. */
  private depthJump(p: WitsPacket): string | null {
    const bit = p.bitDepthFt !== null && p.bitDepthFt > 0 ? p.bitDepthFt : null;
    const hole = p.holeDepthFt !== null && p.holeDepthFt > 0 ? p.holeDepthFt : null;
    if (bit === null && hole === null) return null; // depth-0 packets are skipped
    const ref = this.ref;
    const accept = () => {
      this.ref = {
        bitDepthFt: bit ?? ref?.bitDepthFt ?? null,
        holeDepthFt: hole ?? ref?.holeDepthFt ?? null,
        timeMs: p.timeMs,
      };
      this.rejectedInRow = 0;
    };
    if (!ref) {
      accept();
      return null;
    }
    const dtS = Math.max(0, (p.timeMs - ref.timeMs) / 1000);
    const allow = (rateFtHr: number) => Math.max((rateFtHr * dtS) / 3600, this.o.minJumpAllowanceFt);
    let reason: string | null = null;
    if (hole !== null && ref.holeDepthFt !== null) {
      const d = hole - ref.holeDepthFt;
      if (d > allow(this.o.maxDrillRateFtHr)) {
        reason = `hole depth jumped ${fmt(d)} ft in ${fmt(dtS)} s (limit ${this.o.maxDrillRateFtHr} ft/hr)`;
      } else if (-d > this.o.maxHoleDepthDropFt) {
        reason = `hole depth dropped ${fmt(-d)} ft (limit ${this.o.maxHoleDepthDropFt} ft)`;
      }
    }
    if (!reason && bit !== null && ref.bitDepthFt !== null) {
      const d = Math.abs(bit - ref.bitDepthFt);
      if (d > allow(this.o.maxBitSpeedFtHr)) {
        reason = `bit depth moved ${fmt(d)} ft in ${fmt(dtS)} s (limit ${this.o.maxBitSpeedFtHr} ft/hr)`;
      }
    }
    if (!reason) {
      accept();
      return null;
    }
    this.stats.depthJumps++;
    // A depth that stays at its new value is a real reset (re-zeroed encoder, sidetrack, feed
    // restart); never lock the feed out forever.
    if (++this.rejectedInRow >= this.o.rebaseAfterRejections) accept();
    return reason;
  }
}
