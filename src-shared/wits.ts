// The canonical packet: one WITS frame after channel mapping and unit conversion.
// Channels are `number | null`: null means the rig did not send it. Nothing downstream may
// treat a missing channel as zero (a missing flow-out must never look like a loss).

export const CHANNELS = [
  'bitDepthFt',
  'holeDepthFt',
  'blockHeightFt',
  'ropFtHr',
  'hookLoadKlbf',
  'wobKlbf',
  'rpm',
  'torqueKftLbf',
  'sppPsi',
  'casingPressurePsi',
  'pumpSpm',
  'flowInGpm',
  'flowOutGpm',
  'flowOutPercent',
  'pitVolumeBbl',
  'pitVolumeChangeBbl',
  'tripTankBbl',
  'mudWeightInPpg',
  'mudWeightOutPpg',
  'mudTempInF',
  'mudTempOutF',
  'gasUnits',
  'h2sPpm',
  'co2Percent',
  'ecdPpg',
  /** Bit diameter when the recording carries it (USROP `Diameter mm`); else the bit program. */
  'bitDiameterIn',
] as const;

export type Channel = (typeof CHANNELS)[number];

export type ChannelValues = Record<Channel, number | null>;

export type RigState =
  | 'Drilling'
  | 'Reaming'
  | 'Circulating'
  | 'Connection'
  | 'TrippingIn'
  | 'TrippingOut'
  | 'Idle';

export const RIG_STATES: readonly RigState[] = [
  'Drilling',
  'Reaming',
  'Circulating',
  'Connection',
  'TrippingIn',
  'TrippingOut',
  'Idle',
];

export type QualityLevel = 'ok' | 'suspect' | 'invalid';

export interface DataQuality {
  level: QualityLevel;
  /** Human-readable reasons, e.g. "rpm 612 above 500". Empty when ok. */
  reasons: string[];
  /**
   * Channels the quality gate blanked (made null) on this packet because they were implausible
   * or jumped; the rest of the packet is used. Absent when none.
   */
  blanked?: Channel[];
}

export interface WitsPacket extends ChannelValues {
  /** Epoch milliseconds, UTC. Receive time for live feeds, recorded time for replays. */
  timeMs: number;
  rigState: RigState;
  quality: DataQuality;
}

/** A packet with every channel absent; the parser and tests start from this. */
export function emptyChannels(): ChannelValues {
  const out = {} as ChannelValues;
  for (const c of CHANNELS) out[c] = null;
  return out;
}

export function makePacket(timeMs: number, values: Partial<ChannelValues>): WitsPacket {
  return {
    ...emptyChannels(),
    ...values,
    timeMs,
    rigState: 'Idle',
    quality: { level: 'ok', reasons: [] },
  };
}
