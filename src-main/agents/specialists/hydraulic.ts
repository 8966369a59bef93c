import type { Specialist, SpecialistInput, SpecialistOpinion } from './types.js';
import { fmt } from './types.js';

/** Hydraulics: ECD margin to fracture gradient first, then SPP deviation from baseline. */
export class HydraulicSpecialist implements Specialist {
  readonly name = 'Hydraulic';
  readonly weightKey = 'hydraulic' as const;

  evaluate({ ticket, limits }: SpecialistInput): SpecialistOpinion {
    const margin = ticket.metrics.ecdMarginPpg;
    const dSpp = ticket.metrics.sppDeltaPsi;
    if (margin !== null && margin < limits.ecdMarginCriticalPpg) {
      return { level: 'CRITICAL', reason: `ECD margin ${fmt(margin, 2)} ppg below critical ${fmt(limits.ecdMarginCriticalPpg, 2)} ppg` };
    }
    if (margin !== null && margin < limits.ecdMarginWarningPpg) {
      return { level: 'HIGH', reason: `ECD margin ${fmt(margin, 2)} ppg below warning ${fmt(limits.ecdMarginWarningPpg, 2)} ppg` };
    }
    const marginText = margin !== null ? `ECD margin ${fmt(margin, 2)} ppg` : 'ECD margin unknown';
    if (dSpp !== null && Math.abs(dSpp) > limits.sppDeviationCriticalPsi) {
      return { level: 'HIGH', reason: `SPP ${fmt(dSpp, 0)} psi from baseline beyond ±${fmt(limits.sppDeviationCriticalPsi, 0)} psi; ${marginText}` };
    }
    if (dSpp !== null && Math.abs(dSpp) > limits.sppDeviationWarningPsi) {
      return { level: 'MEDIUM', reason: `SPP ${fmt(dSpp, 0)} psi from baseline beyond ±${fmt(limits.sppDeviationWarningPsi, 0)} psi; ${marginText}` };
    }
    // A washout read from its steady fall at a held pump rate (the baseline was starting over).
    if (ticket.trigger.parameter === 'sppFallPsi') {
      return { level: 'MEDIUM', reason: `SPP down ${fmt(-ticket.trigger.value, 0)} psi in a steady fall at a held pump rate and bit load; ${marginText}` };
    }
    const sppText = dSpp !== null ? `SPP ${fmt(dSpp, 0)} psi from baseline` : 'SPP deviation unknown';
    return { level: 'LOW', reason: `${marginText}, ${sppText}: within limits` };
  }
}
