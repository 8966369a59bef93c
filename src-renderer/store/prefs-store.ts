// What this screen is set to, kept in localStorage (per screen, not per engine): display
// units, theme, clock style and the driller's tile choice.
import { create } from 'zustand';
import type { UnitSystem } from '../../src-shared/units.js';
import { loadTileChoice, saveTileChoice, type TileChoice, type TileGroup } from '../lib/tiles.js';
import type { ClockStyle } from '../lib/time-format.js';

export type Theme = 'night' | 'day';

const KEYS = { units: 'sairen.displayUnits', theme: 'sairen.theme', clock: 'sairen.clock' } as const;

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

function load<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
  try {
    const v = storage()?.getItem(key);
    return allowed.includes(v as T) ? (v as T) : fallback;
  } catch {
    return fallback;
  }
}

function save(key: string, value: string): void {
  try {
    storage()?.setItem(key, value);
  } catch {
    // not persisted; still applied for this session
  }
}

export interface PrefsState {
  units: UnitSystem;
  theme: Theme;
  clock: ClockStyle;
  tiles: TileChoice;
  setUnits(u: UnitSystem): void;
  setTheme(t: Theme): void;
  setClock(c: ClockStyle): void;
  setTiles(group: TileGroup, keys: string[]): void;
}

export const usePrefs = create<PrefsState>()((set, get) => ({
  units: load(KEYS.units, ['imperial', 'metric'] as const, 'imperial'),
  theme: load(KEYS.theme, ['night', 'day'] as const, 'night'),
  clock: load(KEYS.clock, ['24h', '12h'] as const, '24h'),
  tiles: loadTileChoice(storage()),
  setUnits: (units) => {
    save(KEYS.units, units);
    set({ units });
  },
  setTheme: (theme) => {
    save(KEYS.theme, theme);
    set({ theme });
  },
  setClock: (clock) => {
    save(KEYS.clock, clock);
    set({ clock });
  },
  setTiles: (group, keys) => {
    const tiles = { ...get().tiles, [group]: keys };
    saveTileChoice(storage(), tiles);
    set({ tiles });
  },
}));
