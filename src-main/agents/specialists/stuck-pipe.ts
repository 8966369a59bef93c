import type { Specialist, SpecialistInput, SpecialistOpinion } from './types.js';
import { fmt } from './types.js';

const clamp01 = (x: number) => Math.min(Math.max(x, 0), 1);
const DRAG_WORDS = /drag|pack-?off|tight hole/i;

/** The stuck-pipe composite (DOMAIN §6) with its parts, so the reason can show them. */
export function stuckPipeComposite({ ticket, history }: SpecialistInput): {
  composite: number;
  parts: { overpull: number; torque: number; spp: number; ropCollapse: number; drag: number };
} {
  const wobTrend = history.wobKlbf?.trendFraction ?? 0;
  const ropTrend = history.ropFtHr?.trendFraction ?? 0;
  // Overpull proxy: WOB climbing (> 5 % over the window) while ROP does not follow.
  const overpull = wobTrend > 0.05 && ropTrend <= 0 ? clamp01(5 * wobTrend) : 0;
  const dTorque = ticket.metrics.torqueDeltaFraction ?? 0;
  const torque = dTorque > 0.15 ? clamp01(4 * (dTorque - 0.15)) : 0;
  const hardness = ticket.metrics.hardness ?? 0;
  const dSpp = ticket.metrics.sppDeltaPsi ?? 0;
  const spp = clamp01((dSpp - (50 + 10 * hardness)) / 200);
  const rop = ticket.packet.ropFtHr;
  const wob = ticket.packet.wobKlbf;
  const ropCollapse = rop !== null && wob !== null && rop < 2 && wob > 10 ? (1 - Math.max(rop, 0) / 2) * clamp01((wob - 10) / 20) : 0;
  const drag = ticket.fault === 'pack-off' || DRAG_WORDS.test(ticket.description) ? 0.6 : 0;
  const composite = 0.25 * overpull + 0.25 * torque + 0.2 * spp + 0.2 * ropCollapse + 0.1 * drag;
  return { composite, parts: { overpull, torque, spp, ropCollapse, drag } };
}

export class StuckPipeSpecialist implements Specialist {
  readonly name = 'StuckPipe';
  readonly weightKey = 'stuckPipe' as const;

  evaluate(input: SpecialistInput): SpecialistOpinion {
    const { composite, parts } = stuckPipeComposite(input);
    const named = Object.entries(parts)
      .filter(([, v]) => v > 0)
      .map(([k, v]) => `${k} ${fmt(v, 2)}`);
    const reason = `stuck-pipe index ${fmt(composite, 2)}${named.length ? ` (${named.join(', ')})` : ' (no sticking signs)'}`;
    if (composite > 0.7) return { level: 'CRITICAL', reason };
    if (composite > 0.5) return { level: 'HIGH', reason };
    if (composite > 0.3) return { level: 'MEDIUM', reason };
    return { level: 'LOW', reason };
  }
}
