// Mechanical specific energy (Teale 1965, field units, DOMAIN §3.1) and the tactical hardness
// index. Efficiency is relative to the hole's recent best MSE: physics/trackers/mse-reference.ts.

/**
 * MSE in psi. W klbf, T kft-lbf, N rpm, ROP ft/hr, D in. Torque is converted to ft-lbf
 * (x1000: the reference's R0 forgot it, quirk 1). The rotary term needs ROP above
 * `minRopFtHr`; null when an input is missing or D/ROP are not positive.
 */
export function mseTealePsi(
  wobKlbf: number | null,
  torqueKftLbf: number | null,
  rpm: number | null,
  ropFtHr: number | null,
  bitDiameterIn: number | null,
  minRopFtHr = 0.1,
): number | null {
  if (wobKlbf === null || torqueKftLbf === null || rpm === null || ropFtHr === null || bitDiameterIn === null) {
    return null;
  }
  if (bitDiameterIn <= 0 || ropFtHr <= 0) return null;
  const d2 = bitDiameterIn * bitDiameterIn;
  const axial = (4 * wobKlbf * 1000) / (Math.PI * d2);
  const rotary = ropFtHr > minRopFtHr ? (480 * rpm * torqueKftLbf * 1000) / (d2 * ropFtHr) : 0;
  const mse = axial + rotary;
  return Number.isFinite(mse) && mse >= 0 ? mse : null;
}

/** Tactical rock hardness 0-10 from drillability = ROP / max(0.01·WOB·RPM, 1). */
export function hardnessIndex(ropFtHr: number | null, wobKlbf: number | null, rpm: number | null): number | null {
  if (ropFtHr === null || wobKlbf === null || rpm === null) return null;
  // The reference returns a neutral 5 when an input is not positive.
  if (ropFtHr <= 0 || wobKlbf <= 0 || rpm <= 0) return 5;
  const drillability = ropFtHr / Math.max(0.01 * wobKlbf * rpm, 1);
  return Math.min(10, Math.max(0, 5 / Math.max(drillability, 0.1)));
}
