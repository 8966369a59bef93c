// The rock column the bit drills through: seeded layers cycling through the production
// sequence, blended over a few feet at each boundary so no property jumps.
import { PRODUCTION_SEQUENCE, formationByName, type Formation } from './formations.js';
import type { Rng } from './prng.js';

export interface Layer {
  topFt: number;
  formation: Formation;
}

/** The drillability of the rock at one depth (a formation, or a blend of two at a boundary). */
export interface Rock {
  ropMaxFtHr: number;
  optimalWobKlbf: number;
  optimalRpm: number;
  torquePerWobKftLbfPerKlbf: number;
  backgroundGasUnits: number;
  name: string;
}

const BLEND_FT = 6;

/** Layers thick enough for hours in one rock, starting a little above the hole bottom. */
export function planLayers(rng: Rng, startHoleFt: number): Layer[] {
  const layers: Layer[] = [];
  let idx = rng.int(0, PRODUCTION_SEQUENCE.length - 1);
  let top = startHoleFt - rng.uniform(20, 120);
  for (let i = 0; i < 200; i++) {
    layers.push({ topFt: top, formation: formationByName(PRODUCTION_SEQUENCE[idx % PRODUCTION_SEQUENCE.length]) });
    top += rng.uniform(120, 320);
    idx++;
  }
  return layers;
}

const smoothstep = (x: number): number => {
  const c = Math.min(Math.max(x, 0), 1);
  return c * c * (3 - 2 * c);
};

export function rockAt(layers: readonly Layer[], depthFt: number): Rock {
  let i = 0;
  while (i + 1 < layers.length && layers[i + 1].topFt <= depthFt) i++;
  const cur = layers[i].formation;
  const next = layers[i + 1]?.formation;
  const w = next ? smoothstep((depthFt - (layers[i + 1].topFt - BLEND_FT / 2)) / BLEND_FT) : 0;
  const prev = i > 0 ? layers[i - 1].formation : undefined;
  const wPrev = prev ? 1 - smoothstep((depthFt - (layers[i].topFt - BLEND_FT / 2)) / BLEND_FT) : 0;
  const other = w > 0 && next ? next : prev ?? cur;
  const k = w > 0 ? w : wPrev;
  const mix = (a: number, b: number): number => a + (b - a) * k;
  return {
    name: k > 0.5 ? other.name : cur.name,
    ropMaxFtHr: mix(cur.ropMaxFtHr, other.ropMaxFtHr),
    optimalWobKlbf: mix(cur.optimalWobKlbf, other.optimalWobKlbf),
    optimalRpm: mix(cur.optimalRpm, other.optimalRpm),
    torquePerWobKftLbfPerKlbf: mix(cur.torquePerWobKftLbfPerKlbf, other.torquePerWobKftLbfPerKlbf),
    backgroundGasUnits: mix(cur.backgroundGasUnits, other.backgroundGasUnits),
  };
}
