// Text built from numbers with units, so each screen can show it in its own units. The engine
// writes advisory text as parts (`rich` below); the plain string for the LLM, logs and storage
// is the same parts printed in US oilfield units. Pure: no I/O, no clock.
import { fixed, isReading, signedFixed, withUnit } from './number-format.js';
import { toDisplay, unitLabel, type QuantityKind, type UnitSystem } from './units.js';

/** A number in the engine's canonical unit (US oilfield), with how to print it. */
export interface Quantity {
  /** null = no reading: printed "n/a". */
  value: number | null;
  /** Canonical unit as printed in US oilfield text ("gpm", "bbl/hr", "%", "units", ""). */
  unit: string;
  kind: QuantityKind;
  /** Decimals in the canonical unit; metric display adjusts (m³ and g/cm³ need more). */
  decimals: number;
  /** Print a "+" for positive values (gains, deltas). */
  signed?: boolean;
}

export type TextPart = { text: string } | { quantity: Quantity };
export type RichText = TextPart[];

/** Canonical unit -> what it measures. A unit not listed is shown as it is, in every system. */
const KIND_OF_UNIT: Record<string, QuantityKind> = {
  ft: 'depth',
  'ft/hr': 'rop',
  klbf: 'force',
  'kft-lbf': 'torque',
  psi: 'pressure',
  gpm: 'flow',
  bbl: 'volume',
  'bbl/hr': 'volumeRate',
  ppg: 'density',
  '°F': 'temperature',
  rpm: 'speed',
};

export function kindOfUnit(unit: string): QuantityKind {
  return KIND_OF_UNIT[unit] ?? 'none';
}

export function quantity(value: number | null | undefined, unit: string, decimals = 1, signed = false): Quantity {
  return { value: isReading(value) ? value : null, unit, kind: kindOfUnit(unit), decimals, ...(signed ? { signed } : {}) };
}

/** Decimals that keep the same precision after conversion (0.1 bbl ~ 0.02 m³, 0.1 ppg ~ 0.01 g/cm³). */
export function displayDecimals(kind: QuantityKind, decimals: number, system: UnitSystem): number {
  if (system !== 'metric') return decimals;
  if (kind === 'volume' || kind === 'volumeRate' || kind === 'density') return decimals + 1;
  if (kind === 'force') return Math.max(0, decimals - 1); // 0.1 klbf ~ 0.4 kN
  return decimals;
}

/** Depth always grouped ("10,012 ft"); other numbers from five digits ("64,000 psi"). */
function shouldGroup(kind: QuantityKind, value: number): boolean {
  return kind === 'depth' || Math.abs(value) >= 10_000;
}

export interface FormatOptions {
  /** Thousands separators (screens); the engine's plain text has none. */
  group?: boolean;
}

/** The number alone, in the display unit: "-3.2", "+12", "n/a". */
export function quantityNumber(q: Quantity, system: UnitSystem, o: FormatOptions = {}): string {
  if (q.value === null) return 'n/a';
  const known = q.kind !== 'none';
  const v = known ? toDisplay(q.value, q.kind, system) : q.value;
  const d = known ? displayDecimals(q.kind, q.decimals, system) : q.decimals;
  const group = o.group === true && shouldGroup(q.kind, v);
  return q.signed ? signedFixed(v, d, group) : fixed(v, d, group);
}

/** The unit label in a system: a known kind converts, any other unit stays as written. */
export function quantityUnit(q: Pick<Quantity, 'kind' | 'unit'>, system: UnitSystem): string {
  return q.kind === 'none' ? q.unit : unitLabel(q.kind, system);
}

/** "12.5 bbl", "2.0 m³", "70 %", "n/a" (no unit after a missing value). */
export function formatQuantity(q: Quantity, system: UnitSystem, o: FormatOptions = {}): string {
  const n = quantityNumber(q, system, o);
  return q.value === null ? n : withUnit(n, quantityUnit(q, system));
}

/** Parts printed in one unit system. */
export function partsText(parts: readonly TextPart[], system: UnitSystem = 'imperial', o: FormatOptions = {}): string {
  let out = '';
  for (const p of parts) out += 'text' in p ? p.text : formatQuantity(p.quantity, system, o);
  return out;
}

type Interp = string | number | Quantity | readonly TextPart[] | null | undefined;

function isQuantity(x: unknown): x is Quantity {
  return typeof x === 'object' && x !== null && 'kind' in x && 'unit' in x && 'decimals' in x;
}

/**
 * Tagged template for rich text: rich`Pit gain ${quantity(6.1, 'bbl', 1, true)} over ${n} s`.
 * Strings and numbers become text, quantities stay numbers, nested rich text is spliced in;
 * neighbouring text parts are merged.
 */
export function rich(strings: TemplateStringsArray, ...values: Interp[]): RichText {
  const out: RichText = [];
  const text = (t: string): void => {
    if (!t) return;
    const last = out[out.length - 1];
    if (last && 'text' in last) out[out.length - 1] = { text: last.text + t };
    else out.push({ text: t });
  };
  strings.forEach((s, i) => {
    text(s);
    if (i >= values.length) return;
    const v = values[i];
    if (v === null || v === undefined) return;
    if (typeof v === 'string' || typeof v === 'number') text(String(v));
    else if (isQuantity(v)) out.push({ quantity: v });
    else {
      for (const p of v) {
        if ('text' in p) text(p.text);
        else out.push(p);
      }
    }
  });
  return out;
}

/** Joins rich texts with a separator, as Array.join does for strings. */
export function joinRich(items: readonly RichText[], separator: string): RichText {
  return items.reduce<RichText>((acc, item, i) => (i === 0 ? rich`${item}` : rich`${acc}${separator}${item}`), []);
}
