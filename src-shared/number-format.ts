// The one place a number becomes text, for advisory text, verification and vote reasons, the
// LLM prompt and the screens: fixed decimals, never "-0" or "-0.0", a space before "%"
// ("70 %"), and optional thousands separators (the screens group depth: "10,012 ft").

/** `x` with `decimals` decimals; a value that rounds to zero is "0" / "0.0", never "-0.0". */
export function fixed(x: number, decimals = 1, group = false): string {
  let s = x.toFixed(decimals);
  if (/^-0(\.0+)?$/.test(s)) s = s.slice(1);
  return group ? groupThousands(s) : s;
}

/** "12345.6" -> "12,345.6" (sign and decimals kept). */
export function groupThousands(text: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  if (!m) return text;
  return `${m[1]}${m[2].replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${m[3] ?? ''}`;
}

/** "+3.2", "-1.0", "0.0": a plus sign for a gain, nothing for zero. */
export function signedFixed(x: number, decimals = 1, group = false): string {
  const s = fixed(x, decimals, group);
  return x > 0 && !/^0(\.0+)?$/.test(s) ? `+${s}` : s;
}

/** Number and unit joined the same way everywhere: "12.5 bbl", "70 %", a bare "1.42". */
export function withUnit(text: string, unit: string): string {
  return unit ? `${text} ${unit}` : text;
}

/** A fraction as a percentage: 0.7 -> "70 %". */
export function percentOfFraction(fraction: number, decimals = 0): string {
  return withUnit(fixed(fraction * 100, decimals), '%');
}

/** A missing or non-finite reading is written "n/a", never a made-up number. */
export function isReading(x: number | null | undefined): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}
