import type { Specialist, SpecialistInput, SpecialistOpinion } from './types.js';
import { fmt } from './types.js';

/**
 * Drilling efficiency: MSE efficiency against the campaign's warning/poor limits, and the
 * dysfunction MSE surveillance exists to catch: verified stick-slip (energy goes into
 * torsional vibration, not rock; PDC cutters and the BHA take the damage) is HIGH whatever
 * the instantaneous efficiency reads, which swings with the torque cycle.
 */
export class MseSpecialist implements Specialist {
  readonly name = 'MSE';
  readonly weightKey = 'mse' as const;

  evaluate({ ticket, verification, limits }: SpecialistInput): SpecialistOpinion {
    const eff = ticket.metrics.mseEfficiencyPercent;
    const mse = ticket.metrics.msePsi;
    const cv = ticket.metrics.torqueCv;
    if (ticket.fault === 'stick-slip' && verification.status === 'Confirmed' && cv !== null && cv > limits.stickSlipCvWarning) {
      const sev = cv >= limits.stickSlipCvCritical ? 'severe ' : '';
      return {
        level: 'HIGH',
        reason: `${sev}stick-slip: torque CV ${fmt(cv, 2)} above ${fmt(limits.stickSlipCvWarning, 2)}; drilling energy is going into torsional vibration`,
      };
    }
    if (eff === null || eff <= 0) return { level: 'LOW', reason: 'MSE efficiency not assessable (not drilling or missing data)' };
    const mseText = mse !== null ? `MSE ${fmt(mse / 1000, 1)} kpsi, ` : '';
    if (eff < limits.mseEfficiencyPoorPercent) {
      return { level: 'HIGH', reason: `${mseText}efficiency ${fmt(eff, 0)} % below poor limit ${fmt(limits.mseEfficiencyPoorPercent, 0)} %` };
    }
    if (eff < limits.mseEfficiencyWarningPercent) {
      return { level: 'MEDIUM', reason: `${mseText}efficiency ${fmt(eff, 0)} % below warning ${fmt(limits.mseEfficiencyWarningPercent, 0)} %` };
    }
    return { level: 'LOW', reason: `${mseText}efficiency ${fmt(eff, 0)} % within limits (warning ${fmt(limits.mseEfficiencyWarningPercent, 0)} %)` };
  }
}
