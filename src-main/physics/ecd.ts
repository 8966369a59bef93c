// Equivalent circulating density and the margin to the fracture gradient (DOMAIN §3.4).

/**
 * ECD in ppg: the rig's own ECD when it sends one (> 0), else MW + APL/(0.052·TVD) with
 * APL ≈ coef·flow·depth/1000 psi. Bit depth stands in for TVD (no survey on WITS), which
 * over-states APL on deviated wells: the conservative side for a frac margin.
 * Null without a mud weight, or without flow in (we cannot tell static from circulating).
 */
export function ecdPpg(
  rigEcdPpg: number | null,
  mudWeightPpg: number | null,
  flowInGpm: number | null,
  depthFt: number | null,
  aplCoefficient = 0.1,
): number | null {
  if (rigEcdPpg !== null && rigEcdPpg > 0) return rigEcdPpg;
  if (mudWeightPpg === null || mudWeightPpg <= 0 || flowInGpm === null) return null;
  if (depthFt === null || depthFt <= 0) return mudWeightPpg;
  const aplPsi = (aplCoefficient * Math.max(flowInGpm, 0) * depthFt) / 1000;
  return mudWeightPpg + aplPsi / (0.052 * depthFt);
}

/** Fracture gradient − ECD (low = bad); null unless both are known and positive. */
export function ecdMarginPpg(fractureGradientPpg: number | null, ecd: number | null): number | null {
  if (fractureGradientPpg === null || ecd === null || fractureGradientPpg <= 0 || ecd <= 0) return null;
  return fractureGradientPpg - ecd;
}
