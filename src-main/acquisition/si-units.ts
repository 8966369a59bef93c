// SI / metric recording units -> canonical US oilfield, in one place for every CSV preset.
// Keys are the unit tokens the recordings use: "kkgf", "kN.m" (Kaggle/USROP style headers)
// and "N", "N_m", "m3_per_s" (P&A time log `<channel>_<unit>` style).
import {
  BBL_PER_M3,
  FT_PER_M,
  GPM_PER_LPM,
  IN_PER_MM,
  GPM_PER_M3S,
  KFTLBF_PER_KNM,
  KLBF_PER_KKGF,
  KLBF_PER_KN,
  PPG_PER_KGM3,
  PPG_PER_SG,
  PSI_PER_KPA,
  PSI_PER_PA,
  cToF,
  kToF,
} from '../../src-shared/units.js';

/** Mud-logging gas: 1 % methane-equivalent = 50 gas units (the usual total-gas calibration). */
export const GAS_UNITS_PER_PERCENT = 50;

const id = (v: number) => v;

export const SI_TO_CANONICAL: Readonly<Record<string, (v: number) => number>> = {
  // length, depth
  m: (v) => v * FT_PER_M,
  // bit diameter
  mm: (v) => v * IN_PER_MM,
  // rate of penetration
  'm/h': (v) => v * FT_PER_M,
  m_per_s: (v) => v * FT_PER_M * 3600,
  // force
  kkgf: (v) => v * KLBF_PER_KKGF,
  kN: (v) => v * KLBF_PER_KN,
  N: (v) => (v / 1000) * KLBF_PER_KN,
  // torque
  'kN.m': (v) => v * KFTLBF_PER_KNM,
  N_m: (v) => (v / 1000) * KFTLBF_PER_KNM,
  // pressure
  kPa: (v) => v * PSI_PER_KPA,
  Pa: (v) => v * PSI_PER_PA,
  // flow
  'L/min': (v) => v * GPM_PER_LPM,
  m3_per_s: (v) => v * GPM_PER_M3S,
  // volume
  m3: (v) => v * BBL_PER_M3,
  // density
  'g/cm3': (v) => v * PPG_PER_SG,
  kg_per_m3: (v) => v * PPG_PER_KGM3,
  // temperature
  degC: cToF,
  K: kToF,
  // rotation and strokes
  rpm: id,
  c_per_s: (v) => v * 60,
  Hz: (v) => v * 60,
  '1/min': id,
  // concentrations
  ppm: id,
  Euc: id,
  '%': id,
};

/** Converts a value recorded in `unit`; undefined when the unit is unknown (column ignored). */
export function siToCanonical(unit: string, value: number): number | undefined {
  const f = SI_TO_CANONICAL[unit];
  return f ? f(value) : undefined;
}
