import type { Specialist, SpecialistInput, SpecialistOpinion } from './types.js';
import { fmt } from './types.js';

/** Drilling efficiency: MSE efficiency against the campaign's warning/poor limits. */
export class MseSpecialist implements Specialist {
  readonly name = 'MSE';
  readonly weightKey = 'mse' as const;

  evaluate({ ticket, limits }: SpecialistInput): SpecialistOpinion {
    const eff = ticket.metrics.mseEfficiencyPercent;
    const mse = ticket.metrics.msePsi;
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
