// Fault names in the driller's words.
import type { FaultKind } from '../../src-shared/advisory.js';

export const FAULT_LABEL: Record<FaultKind, string> = {
  kick: 'Kick',
  loss: 'Lost circulation',
  gas: 'Gas',
  h2s: 'H2S',
  'pit-rate': 'Pit volume change',
  'ecd-margin': 'ECD margin',
  washout: 'Washout',
  'spp-deviation': 'SPP deviation',
  'pack-off': 'Pack-off',
  'stick-slip': 'Stick-slip',
  founder: 'Founder',
  'torque-rise': 'Torque rise',
  'mse-inefficiency': 'Drilling inefficiency',
  'formation-change': 'Formation change',
  'trip-gain': 'Gain with the pumps off (trip sheet)',
  'trip-loss': 'Losses with the pumps off (trip sheet)',
};
