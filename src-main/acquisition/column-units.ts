// Units a CSV column may declare (as a header suffix like `spp_kpa`, or in a column map), per
// quantity, with the conversion to the canonical US oilfield unit. A unit only counts for the
// channels of its quantity, so `_m` is metres on a depth and `_c` is Celsius on a temperature.
import {
  BBL_PER_M3,
  FT_PER_M,
  GPM_PER_LPM,
  GPM_PER_M3S,
  IN_PER_MM,
  KFTLBF_PER_KNM,
  KLBF_PER_KDAN,
  KLBF_PER_KKGF,
  KLBF_PER_KN,
  PPG_PER_KGM3,
  PPG_PER_SG,
  PSI_PER_KPA,
  PSI_PER_PA,
  cToF,
  kToF,
} from '../../src-shared/units.js';
import type { Channel } from '../../src-shared/wits.js';
import { GAS_UNITS_PER_PERCENT } from './si-units.js';

export type ColumnQuantity =
  | 'length'
  | 'rop'
  | 'force'
  | 'rotation'
  | 'torque'
  | 'pressure'
  | 'strokes'
  | 'flow'
  | 'percent'
  | 'volume'
  | 'density'
  | 'temperature'
  | 'gas'
  | 'ppm'
  | 'diameter';

export const CHANNEL_QUANTITY: Readonly<Record<Channel, ColumnQuantity>> = {
  bitDepthFt: 'length',
  holeDepthFt: 'length',
  blockHeightFt: 'length',
  ropFtHr: 'rop',
  hookLoadKlbf: 'force',
  wobKlbf: 'force',
  rpm: 'rotation',
  torqueKftLbf: 'torque',
  sppPsi: 'pressure',
  casingPressurePsi: 'pressure',
  pumpSpm: 'strokes',
  flowInGpm: 'flow',
  flowOutGpm: 'flow',
  flowOutPercent: 'percent',
  pitVolumeBbl: 'volume',
  pitVolumeChangeBbl: 'volume',
  tripTankBbl: 'volume',
  mudWeightInPpg: 'density',
  mudWeightOutPpg: 'density',
  mudTempInF: 'temperature',
  mudTempOutF: 'temperature',
  gasUnits: 'gas',
  h2sPpm: 'ppm',
  co2Percent: 'percent',
  ecdPpg: 'density',
  bitDiameterIn: 'diameter',
};

type Convert = (v: number) => number;
const id: Convert = (v) => v;
const times = (k: number): Convert => (v) => v * k;

/** quantity -> [unit tokens (normalised), conversion]; the first row of each is the canonical unit. */
const UNIT_TABLE: ReadonlyArray<[ColumnQuantity, string[], Convert]> = [
  ['length', ['ft', 'feet'], id],
  ['length', ['m', 'meter', 'metre'], times(FT_PER_M)],
  ['rop', ['ft_hr', 'ft_h', 'fph', 'ft_per_hr'], id],
  ['rop', ['m_hr', 'm_h', 'm_per_hr', 'm_per_h'], times(FT_PER_M)],
  ['rop', ['m_per_s', 'm_s'], times(FT_PER_M * 3600)],
  ['force', ['klb', 'klbs', 'klbf', 'kip'], id],
  ['force', ['kn'], times(KLBF_PER_KN)],
  ['force', ['kkgf', 't', 'tonne'], times(KLBF_PER_KKGF)],
  ['force', ['kdan'], times(KLBF_PER_KDAN)],
  ['force', ['n'], times(KLBF_PER_KN / 1000)],
  ['force', ['lb', 'lbs', 'lbf'], times(1 / 1000)],
  ['rotation', ['rpm', '1_min', 'c_per_min'], id],
  ['rotation', ['c_per_s', 'rps', 'hz'], times(60)],
  ['torque', ['kftlb', 'kftlbf', 'kft_lb', 'kft_lbf', 'kftlbs', 'kft_lbs'], id],
  ['torque', ['knm', 'kn_m'], times(KFTLBF_PER_KNM)],
  ['torque', ['nm', 'n_m'], times(KFTLBF_PER_KNM / 1000)],
  ['torque', ['ftlb', 'ftlbf', 'ft_lb', 'ft_lbf'], times(1 / 1000)],
  ['pressure', ['psi'], id],
  ['pressure', ['kpa'], times(PSI_PER_KPA)],
  ['pressure', ['bar'], times(PSI_PER_KPA * 100)],
  ['pressure', ['mpa'], times(PSI_PER_KPA * 1000)],
  ['pressure', ['pa'], times(PSI_PER_PA)],
  ['strokes', ['spm', '1_min', 'c_per_min'], id],
  ['strokes', ['hz', 'c_per_s'], times(60)],
  ['flow', ['gpm', 'gal_min'], id],
  ['flow', ['lpm', 'l_min'], times(GPM_PER_LPM)],
  ['flow', ['m3_min', 'm3_per_min'], times(GPM_PER_LPM * 1000)],
  ['flow', ['m3_s', 'm3_per_s'], times(GPM_PER_M3S)],
  ['flow', ['bpm', 'bbl_min'], times(42)],
  ['percent', ['pct', 'percent', '%'], id],
  ['volume', ['bbl'], id],
  ['volume', ['m3'], times(BBL_PER_M3)],
  ['density', ['ppg', 'lb_gal'], id],
  ['density', ['sg', 'g_cm3', 'g_cc'], times(PPG_PER_SG)],
  ['density', ['kg_m3', 'kg_per_m3'], times(PPG_PER_KGM3)],
  ['temperature', ['f', 'degf'], id],
  ['temperature', ['c', 'degc'], cToF],
  ['temperature', ['k', 'kelvin'], kToF],
  ['gas', ['units', 'u', 'euc'], id],
  ['gas', ['pct', 'percent', '%'], times(GAS_UNITS_PER_PERCENT)],
  ['ppm', ['ppm'], id],
  ['diameter', ['in', 'inch', 'inches'], id],
  ['diameter', ['mm'], times(IN_PER_MM)],
];

/** "L/min" -> "l_min", "kN.m" -> "kn_m", "g/cm3" -> "g_cm3". */
export function normaliseUnit(unit: string): string {
  return unit
    .trim()
    .toLowerCase()
    .replace(/[\s./-]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
}

/** Conversion of a value of `channel` recorded in `unit` to canonical; undefined when the unit does not fit the channel. */
export function unitConversion(channel: Channel, unit: string): Convert | undefined {
  const q = CHANNEL_QUANTITY[channel];
  const u = normaliseUnit(unit);
  for (const [quantity, tokens, convert] of UNIT_TABLE) if (quantity === q && tokens.includes(u)) return convert;
  return undefined;
}

/** The units a channel accepts, for error messages. */
export function unitsFor(channel: Channel): string[] {
  const q = CHANNEL_QUANTITY[channel];
  return UNIT_TABLE.filter(([quantity]) => quantity === q).flatMap(([, tokens]) => tokens);
}
