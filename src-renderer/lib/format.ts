// Display formatting for live values: the unit system is applied here only (the engine is US
// oilfield). Numbers go through src-shared/number-format.ts: no "-0.0", depth grouped ("10,012").
import { fixed } from '../../src-shared/number-format.js';
import { toDisplay, unitLabel, type QuantityKind, type UnitSystem } from '../../src-shared/units.js';

export interface Shown {
  text: string;
  unit: string;
}

/** Depth always gets thousands separators; other numbers from five digits. */
function groups(quantity: QuantityKind, shown: number): boolean {
  return quantity === 'depth' || Math.abs(shown) >= 10_000;
}

export function formatValue(value: number | null | undefined, quantity: QuantityKind, system: UnitSystem, decimals = 1): Shown {
  const unit = unitLabel(quantity, system);
  if (value === null || value === undefined || !Number.isFinite(value)) return { text: '—', unit };
  const shown = toDisplay(value, quantity, system);
  return { text: fixed(shown, decimals, groups(quantity, shown)), unit };
}

/** Decimals that suit a quantity in a unit system (kPa needs none, g/cm³ needs three). */
export function decimalsFor(quantity: QuantityKind, system: UnitSystem): number {
  if (system === 'metric') {
    if (quantity === 'pressure' || quantity === 'flow') return 0;
    if (quantity === 'density') return 3;
    if (quantity === 'volume' || quantity === 'volumeRate') return 2;
  }
  if (quantity === 'pressure' || quantity === 'flow' || quantity === 'depth' || quantity === 'speed') return 0;
  if (quantity === 'density') return 2;
  return 1;
}

export function show(value: number | null | undefined, quantity: QuantityKind, system: UnitSystem): Shown {
  return formatValue(value, quantity, system, decimalsFor(quantity, system));
}
