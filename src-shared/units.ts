// Unit conversions. Canonical units inside the engine are US oilfield (ARCHITECTURE.md "Units");
// metric feeds are converted once at ingest, metric display happens in the renderer only.

export type UnitSystem = 'imperial' | 'metric';

export const FT_PER_M = 3.28084;
export const KLBF_PER_KKGF = 2.20462;
export const KLBF_PER_KDAN = 2.248089; // 1 kdaN = 10 kN = 2.248 klbf
export const KLBF_PER_KN = 0.2248089;
export const KFTLBF_PER_KNM = 0.737562;
export const PSI_PER_KPA = 0.145038;
export const PSI_PER_PA = 0.000145038;
export const GPM_PER_LPM = 0.264172;
export const GPM_PER_M3S = 15850.32;
export const BBL_PER_M3 = 6.28981;
export const PPG_PER_SG = 8.3454; // g/cm3 -> ppg
export const PPG_PER_KGM3 = 0.0083454;
export const IN_PER_MM = 1 / 25.4;

export const cToF = (c: number): number => c * 1.8 + 32;
export const fToC = (f: number): number => (f - 32) / 1.8;
export const kToF = (k: number): number => cToF(k - 273.15);

/** A channel's canonical (US oilfield) unit and how to show it in metric. */
export interface DisplayUnit {
  imperial: string;
  metric: string;
  /** canonical value -> metric display value */
  toMetric: (v: number) => number;
}

const scale = (imperial: string, metric: string, factor: number): DisplayUnit => ({
  imperial,
  metric,
  toMetric: (v) => v * factor,
});

/** Display conversions by quantity, used by the renderer's unit switch. */
export const DISPLAY_UNITS = {
  depth: scale('ft', 'm', 1 / FT_PER_M),
  rop: scale('ft/hr', 'm/hr', 1 / FT_PER_M),
  force: scale('klbf', 'kN', 1 / KLBF_PER_KN),
  torque: scale('kft-lbf', 'kN·m', 1 / KFTLBF_PER_KNM),
  pressure: scale('psi', 'kPa', 1 / PSI_PER_KPA),
  flow: scale('gpm', 'L/min', 1 / GPM_PER_LPM),
  volume: scale('bbl', 'm³', 1 / BBL_PER_M3),
  volumeRate: scale('bbl/hr', 'm³/hr', 1 / BBL_PER_M3),
  density: scale('ppg', 'g/cm³', 1 / PPG_PER_SG),
  temperature: { imperial: '°F', metric: '°C', toMetric: fToC } as DisplayUnit,
  speed: scale('rpm', 'rpm', 1),
  none: scale('', '', 1),
} satisfies Record<string, DisplayUnit>;

/** What a number measures (depth, pressure...): decides its display unit. */
export type QuantityKind = keyof typeof DISPLAY_UNITS;

export function toDisplay(value: number, quantity: QuantityKind, system: UnitSystem): number {
  return system === 'metric' ? DISPLAY_UNITS[quantity].toMetric(value) : value;
}

export function unitLabel(quantity: QuantityKind, system: UnitSystem): string {
  return DISPLAY_UNITS[quantity][system];
}
