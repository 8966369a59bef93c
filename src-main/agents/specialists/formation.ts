import type { Specialist, SpecialistInput, SpecialistOpinion } from './types.js';
import { fmt, pct } from './types.js';

/** Formation: the corrected d-exponent trend over the window (falling dxc = rising pore pressure). */
export class FormationSpecialist implements Specialist {
  readonly name = 'Formation';
  readonly weightKey = 'formation' as const;

  evaluate({ history, limits }: SpecialistInput): SpecialistOpinion {
    const dxc = history.dxc;
    if (!dxc) return { level: 'LOW', reason: 'not enough dxc history for a trend' };
    const t = dxc.trendFraction;
    const text = `dxc ${fmt(dxc.mean, 2)} trending ${t >= 0 ? '+' : ''}${pct(t, 1)} over ${dxc.n} samples`;
    if (t < limits.dExponentDecreaseWarning) return { level: 'HIGH', reason: `${text}: falling dxc, possible pore-pressure increase` };
    if (Math.abs(t) > limits.verifyDxcChange) return { level: 'MEDIUM', reason: `${text}: formation change` };
    return { level: 'LOW', reason: `${text}: steady` };
  }
}
