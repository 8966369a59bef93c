// The driller's tiles: which channels can be a tile, the defaults for each kind of work
// (drilling, tripping, circulating) and the driller's own choice, kept per screen.
import type { RigState } from '../../src-shared/wits.js';
import { CHANNEL_BY_KEY, type TrendChannel } from './channels.js';

export type TileGroup = 'drilling' | 'tripping' | 'circulating';

export const TILE_GROUPS: readonly { group: TileGroup; label: string }[] = [
  { group: 'drilling', label: 'Drilling' },
  { group: 'tripping', label: 'Tripping' },
  { group: 'circulating', label: 'Circulating / connection' },
];

/** Rig state -> the set of tiles the driller wants for that work. */
export function tileGroupOf(state: RigState | null | undefined): TileGroup {
  if (state === 'TrippingIn' || state === 'TrippingOut') return 'tripping';
  if (state === 'Drilling' || state === 'Reaming') return 'drilling';
  return 'circulating';
}

/** Channels that can be a tile (every channel of the live data and the key computed values). */
export const TILE_CHANNELS: readonly string[] = [
  'wobKlbf', 'ropFtHr', 'rpm', 'torqueKftLbf', 'hookLoadKlbf', 'blockHeightFt', 'sppPsi', 'casingPressurePsi',
  'pumpSpm', 'flowInGpm', 'flowOutGpm', 'flowBalanceGpm', 'pitVolumeBbl', 'pitGainBbl', 'pitRateBblHr', 'tripTankBbl',
  'tripTankGainBbl', 'gasUnits', 'h2sPpm', 'mudWeightInPpg', 'mudWeightOutPpg', 'ecdPpg', 'ecdMarginPpg', 'mseEfficiencyPercent',
  'holeDepthFt', 'bitDepthFt',
];

export const MAX_TILES = 16;

export const DEFAULT_TILES: Record<TileGroup, readonly string[]> = {
  drilling: ['wobKlbf', 'ropFtHr', 'rpm', 'torqueKftLbf', 'sppPsi', 'flowInGpm', 'flowBalanceGpm', 'pitGainBbl', 'ecdMarginPpg', 'gasUnits', 'hookLoadKlbf', 'holeDepthFt'],
  tripping: ['hookLoadKlbf', 'blockHeightFt', 'bitDepthFt', 'holeDepthFt', 'tripTankBbl', 'tripTankGainBbl', 'pitVolumeBbl', 'pitGainBbl', 'flowOutGpm', 'pumpSpm', 'gasUnits', 'casingPressurePsi', 'mudWeightInPpg'],
  circulating: ['pumpSpm', 'sppPsi', 'flowInGpm', 'flowOutGpm', 'flowBalanceGpm', 'pitVolumeBbl', 'pitGainBbl', 'pitRateBblHr', 'gasUnits', 'mudWeightInPpg', 'mudWeightOutPpg', 'casingPressurePsi'],
};

export type TileChoice = Record<TileGroup, string[]>;

const KEY = 'sairen.tiles.v1';

/** Keeps known channels, in order, no repeats, at most MAX_TILES; anything else is dropped. */
export function cleanTiles(list: unknown): string[] | null {
  if (!Array.isArray(list)) return null;
  const out: string[] = [];
  for (const k of list) if (typeof k === 'string' && TILE_CHANNELS.includes(k) && !out.includes(k)) out.push(k);
  return out.length ? out.slice(0, MAX_TILES) : null;
}

export function loadTileChoice(storage: Pick<Storage, 'getItem'> | undefined): TileChoice {
  let saved: Record<string, unknown> = {};
  try {
    saved = JSON.parse(storage?.getItem(KEY) ?? '{}') as Record<string, unknown>;
  } catch {
    saved = {};
  }
  const pick = (g: TileGroup): string[] => cleanTiles(saved?.[g]) ?? [...DEFAULT_TILES[g]];
  return { drilling: pick('drilling'), tripping: pick('tripping'), circulating: pick('circulating') };
}

export function saveTileChoice(storage: Pick<Storage, 'setItem'> | undefined, choice: TileChoice): void {
  try {
    storage?.setItem(KEY, JSON.stringify(choice));
  } catch {
    // storage full or disabled: the choice holds for this session
  }
}

export function tileChannel(key: string): TrendChannel | null {
  return CHANNEL_BY_KEY.get(key) ?? null;
}

/**
 * Columns for n tiles in a w x h area: the layout that gives the biggest numbers. A value's
 * size is limited by the tile's width (about 22 % of it for six characters) and height (40 %).
 */
export function tileColumns(n: number, w: number, h: number): number {
  let best = 1;
  let bestSize = 0;
  for (let cols = 1; cols <= Math.min(n, 6); cols++) {
    const rows = Math.ceil(n / cols);
    const size = Math.min((w / cols) * 0.22, (h / rows) * 0.4);
    if (size > bestSize + 0.5) {
      best = cols;
      bestSize = size;
    }
  }
  return best;
}
