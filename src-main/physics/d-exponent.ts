// Drilling exponent and its mud-weight correction (DOMAIN §3.3, the correct form: W in klbf
// enters as 12·W/(1000·D); the reference's 12·W/D gives negative d, quirk 2).

/** d = log10(ROP/(60·N)) / log10(12·W/(1000·D)); null when an input is missing, ≤ 0, or degenerate. */
export function dExponent(
  ropFtHr: number | null,
  rpm: number | null,
  wobKlbf: number | null,
  bitDiameterIn: number | null,
): number | null {
  if (ropFtHr === null || rpm === null || wobKlbf === null || bitDiameterIn === null) return null;
  if (ropFtHr <= 0 || rpm <= 0 || wobKlbf <= 0 || bitDiameterIn <= 0) return null;
  const num = Math.log10(ropFtHr / (60 * rpm));
  const arg = (12 * wobKlbf) / (1000 * bitDiameterIn);
  if (arg === 1) return null;
  const d = num / Math.log10(arg);
  return Number.isFinite(d) ? d : null;
}

/** dxc = d · normal MW / actual MW; without a mud weight the correction cannot be made → d. */
export function correctedDExponent(d: number | null, normalMudWeightPpg: number, mudWeightPpg: number | null): number | null {
  if (d === null) return null;
  if (mudWeightPpg === null || mudWeightPpg <= 0 || normalMudWeightPpg <= 0) return d;
  return (d * normalMudWeightPpg) / mudWeightPpg;
}
