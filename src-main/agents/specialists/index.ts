import { FormationSpecialist } from './formation.js';
import { HydraulicSpecialist } from './hydraulic.js';
import { MseSpecialist } from './mse.js';
import { StuckPipeSpecialist } from './stuck-pipe.js';
import type { Specialist } from './types.js';
import { WellControlSpecialist } from './well-control.js';

export * from './types.js';
export { FormationSpecialist, HydraulicSpecialist, MseSpecialist, StuckPipeSpecialist, WellControlSpecialist };
export { stuckPipeComposite } from './stuck-pipe.js';

/** The panel, in voting-report order. */
export function defaultSpecialists(): Specialist[] {
  return [new MseSpecialist(), new HydraulicSpecialist(), new WellControlSpecialist(), new FormationSpecialist(), new StuckPipeSpecialist()];
}
