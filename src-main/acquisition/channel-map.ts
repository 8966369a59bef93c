// WITS item code -> canonical channel, with the unit each item carries in each unit system.
// Two presets (DOMAIN.md §1.2): the public Record 01 layout (default) and the reference
// system's own layout, which its simulator and Volve replay server emit.
import type { Channel } from '../../src-shared/wits.js';
import {
  BBL_PER_M3,
  FT_PER_M,
  GPM_PER_LPM,
  IN_PER_MM,
  KFTLBF_PER_KNM,
  KLBF_PER_KDAN,
  PPG_PER_KGM3,
  PSI_PER_KPA,
  cToF,
  type UnitSystem,
} from '../../src-shared/units.js';

export type ChannelMapPreset = 'wits-record01' | 'reference';

/** How a metric value of a channel becomes canonical (US oilfield). */
const METRIC_TO_CANONICAL: Record<Channel, (v: number) => number> = {
  bitDepthFt: (v) => v * FT_PER_M,
  holeDepthFt: (v) => v * FT_PER_M,
  blockHeightFt: (v) => v * FT_PER_M,
  ropFtHr: (v) => v * FT_PER_M,
  hookLoadKlbf: (v) => v * KLBF_PER_KDAN,
  wobKlbf: (v) => v * KLBF_PER_KDAN,
  rpm: (v) => v,
  torqueKftLbf: (v) => v * KFTLBF_PER_KNM,
  sppPsi: (v) => v * PSI_PER_KPA,
  casingPressurePsi: (v) => v * PSI_PER_KPA,
  pumpSpm: (v) => v,
  flowInGpm: (v) => v * GPM_PER_LPM,
  flowOutGpm: (v) => v * GPM_PER_LPM,
  flowOutPercent: (v) => v,
  pitVolumeBbl: (v) => v * BBL_PER_M3,
  pitVolumeChangeBbl: (v) => v * BBL_PER_M3,
  tripTankBbl: (v) => v * BBL_PER_M3,
  mudWeightInPpg: (v) => v * PPG_PER_KGM3,
  mudWeightOutPpg: (v) => v * PPG_PER_KGM3,
  mudTempInF: cToF,
  mudTempOutF: cToF,
  gasUnits: (v) => v,
  h2sPpm: (v) => v,
  co2Percent: (v) => v,
  ecdPpg: (v) => v * PPG_PER_KGM3,
  bitDiameterIn: (v) => v * IN_PER_MM,
};

/** Canonical -> metric, for simulators writing a metric feed. */
export function canonicalToMetric(channel: Channel, value: number): number {
  // Every conversion above is linear through zero except temperature.
  if (channel === 'mudTempInF' || channel === 'mudTempOutF') return (value - 32) / 1.8;
  return value / METRIC_TO_CANONICAL[channel](1);
}

export function toCanonical(channel: Channel, value: number, units: UnitSystem): number {
  return units === 'metric' ? METRIC_TO_CANONICAL[channel](value) : value;
}

/** Public WITS Record 01 (data/wits/README.md). Pump SPM #1 is read as the pump rate. */
const RECORD01: Record<string, Channel> = {
  '0108': 'bitDepthFt',
  '0110': 'holeDepthFt',
  '0112': 'blockHeightFt',
  '0113': 'ropFtHr',
  '0114': 'hookLoadKlbf',
  '0116': 'wobKlbf',
  '0118': 'torqueKftLbf',
  '0120': 'rpm',
  '0121': 'sppPsi',
  '0122': 'casingPressurePsi',
  '0123': 'pumpSpm',
  '0126': 'pitVolumeBbl',
  '0127': 'pitVolumeChangeBbl',
  '0128': 'flowOutPercent',
  '0129': 'flowOutGpm',
  '0130': 'flowInGpm',
  '0131': 'mudWeightOutPpg',
  '0132': 'mudWeightInPpg',
  '0133': 'mudTempOutF',
  '0134': 'mudTempInF',
  '0140': 'gasUnits',
};

/** The reference system's layout (DOMAIN.md §1.2). */
const REFERENCE: Record<string, Channel> = {
  '0105': 'blockHeightFt',
  '0108': 'bitDepthFt',
  '0110': 'holeDepthFt',
  '0113': 'ropFtHr',
  '0114': 'hookLoadKlbf',
  '0116': 'wobKlbf',
  '0117': 'rpm',
  '0118': 'torqueKftLbf',
  '0119': 'sppPsi',
  '0120': 'pumpSpm',
  '0121': 'flowInGpm',
  '0122': 'flowOutGpm',
  '0123': 'pitVolumeBbl',
  '0124': 'mudWeightInPpg',
  '0125': 'mudWeightOutPpg',
  '0126': 'mudTempInF',
  '0127': 'mudTempOutF',
  '0130': 'casingPressurePsi',
  '0140': 'gasUnits',
  '0142': 'h2sPpm',
  '0143': 'co2Percent',
  '0150': 'ecdPpg',
};

export const CHANNEL_MAP_PRESETS: Record<ChannelMapPreset, Readonly<Record<string, Channel>>> = {
  'wits-record01': RECORD01,
  reference: REFERENCE,
};

/** Item codes outside Record 01 that we still assign by default (not in the public table). */
const RECORD01_EXTRAS: Record<string, Channel> = {
  '0141': 'h2sPpm',
  '0150': 'ecdPpg',
};

export interface ChannelMap {
  preset: ChannelMapPreset;
  byCode: ReadonlyMap<string, Channel>;
  /** channel -> code, for writers (first code wins). */
  byChannel: ReadonlyMap<Channel, string>;
}

export function buildChannelMap(
  preset: ChannelMapPreset,
  overrides: Record<string, Channel> = {},
): ChannelMap {
  const base = preset === 'wits-record01' ? { ...RECORD01_EXTRAS, ...RECORD01 } : { ...REFERENCE };
  const merged: Record<string, Channel> = { ...base, ...overrides };
  const byCode = new Map(Object.entries(merged));
  const byChannel = new Map<Channel, string>();
  for (const [code, ch] of Object.entries(merged).sort(([a], [b]) => a.localeCompare(b))) {
    if (!byChannel.has(ch)) byChannel.set(ch, code);
  }
  return { preset, byCode, byChannel };
}
