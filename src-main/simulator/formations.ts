// Lithology table and the drillability model: ROP responds to WOB and RPM with a founder
// point, so every formation has a known best WOB/RPM (the ML engine is checked against it).

export type FormationKind = 'rock' | 'cement' | 'steel';

export interface Formation {
  name: string;
  kind: FormationKind;
  /** ROP at the optimal WOB and RPM, ft/hr. */
  ropMaxFtHr: number;
  /** WOB giving the highest ROP (the founder point), klbf. */
  optimalWobKlbf: number;
  /** RPM giving the highest ROP, rpm. */
  optimalRpm: number;
  /** On-bottom torque per klbf of WOB, kft-lbf/klbf (bit aggressiveness in this rock). */
  torquePerWobKftLbfPerKlbf: number;
  /** Background total gas while drilling it, units. */
  backgroundGasUnits: number;
}

// Production formations cycle with depth in the normal run; the stringer is the
// formation-change scenario's hard rock; cement and casing are the P&A operations.
export const FORMATIONS: readonly Formation[] = [
  { name: 'Shale A', kind: 'rock', ropMaxFtHr: 62, optimalWobKlbf: 28, optimalRpm: 140, torquePerWobKftLbfPerKlbf: 0.04, backgroundGasUnits: 22 },
  { name: 'Sandstone', kind: 'rock', ropMaxFtHr: 70, optimalWobKlbf: 22, optimalRpm: 160, torquePerWobKftLbfPerKlbf: 0.045, backgroundGasUnits: 35 },
  { name: 'Siltstone', kind: 'rock', ropMaxFtHr: 55, optimalWobKlbf: 26, optimalRpm: 130, torquePerWobKftLbfPerKlbf: 0.042, backgroundGasUnits: 18 },
  { name: 'Limestone', kind: 'rock', ropMaxFtHr: 42, optimalWobKlbf: 32, optimalRpm: 110, torquePerWobKftLbfPerKlbf: 0.036, backgroundGasUnits: 15 },
  { name: 'Shale B', kind: 'rock', ropMaxFtHr: 58, optimalWobKlbf: 30, optimalRpm: 125, torquePerWobKftLbfPerKlbf: 0.04, backgroundGasUnits: 25 },
  { name: 'Dolomite stringer', kind: 'rock', ropMaxFtHr: 18, optimalWobKlbf: 30, optimalRpm: 120, torquePerWobKftLbfPerKlbf: 0.05, backgroundGasUnits: 12 },
  { name: 'Cement plug', kind: 'cement', ropMaxFtHr: 15, optimalWobKlbf: 28, optimalRpm: 80, torquePerWobKftLbfPerKlbf: 0.55, backgroundGasUnits: 5 },
  { name: 'Casing (section mill)', kind: 'steel', ropMaxFtHr: 4, optimalWobKlbf: 10, optimalRpm: 100, torquePerWobKftLbfPerKlbf: 2.2, backgroundGasUnits: 3 },
];

/** The formations the normal drilling sequence cycles through. */
export const PRODUCTION_SEQUENCE: readonly string[] = ['Shale A', 'Sandstone', 'Siltstone', 'Limestone', 'Shale B'];

export function formationByName(name: string): Formation {
  const f = FORMATIONS.find((x) => x.name === name);
  if (!f) throw new Error(`unknown formation ${name}`);
  return f;
}

/**
 * WOB response, 0..1 of the formation's best. Linear below the founder point (the bit bites
 * deeper), then falling (bit balling, poor cleaning) beyond it.
 */
export function wobResponse(wobKlbf: number, optimalWobKlbf: number): number {
  const y = Math.max(wobKlbf, 0) / optimalWobKlbf;
  if (y <= 1) return y;
  return Math.max(0.2, 1 - 1.5 * (y - 1) ** 2);
}

/** RPM response, 0..1: diminishing returns up to the best RPM, then slowly worse (vibration). */
export function rpmResponse(rpm: number, optimalRpm: number): number {
  const x = Math.max(rpm, 0) / optimalRpm;
  if (x <= 1) return 2 * x - x * x;
  return Math.max(0.3, 1 - 0.5 * (x - 1) ** 2);
}

/** Noise-free ROP of a formation at a WOB and RPM, ft/hr. */
export function modelRopFtHr(f: Formation, wobKlbf: number, rpm: number): number {
  return f.ropMaxFtHr * wobResponse(wobKlbf, f.optimalWobKlbf) * rpmResponse(rpm, f.optimalRpm);
}
