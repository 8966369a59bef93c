// Torque variability over the history window (DOMAIN §3.7): CV = population std / mean.
import type { HistoryBuffer, HistoryEntry } from './history.js';

const torqueOf = (e: HistoryEntry): number | null => e.packet.torqueKftLbf;
const rotatingOnBottom = (e: HistoryEntry): boolean =>
  (e.packet.rigState === 'Drilling' || e.packet.rigState === 'Reaming') &&
  e.packet.torqueKftLbf !== null &&
  e.packet.torqueKftLbf > 0;

/**
 * Torque CV over the drilling/reaming entries of the window plus the current torque (if
 * given). Null with fewer than `minSamples` samples, a non-positive mean, or CV > 10 (HEAD:
 * a mean near zero makes the ratio meaningless).
 */
export function torqueCv(
  history: HistoryBuffer<HistoryEntry>,
  currentTorqueKftLbf: number | null,
  minSamples = 5,
): number | null {
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  const cur = currentTorqueKftLbf !== null && currentTorqueKftLbf > 0 ? currentTorqueKftLbf : null;
  // One pass with a shift (first sample) keeps the variance numerically stable.
  let shift = cur ?? 0;
  let shiftSet = cur !== null;
  for (let i = 0; i < history.size; i++) {
    const e = history.at(i);
    if (!rotatingOnBottom(e)) continue;
    const t = torqueOf(e) as number;
    if (!shiftSet) {
      shift = t;
      shiftSet = true;
    }
    const d = t - shift;
    sum += d;
    sumSq += d * d;
    n++;
  }
  if (cur !== null) n++; // its deviation from the shift is 0
  if (n < minSamples) return null;
  const meanD = sum / n;
  const mean = shift + meanD;
  if (mean <= 0) return null;
  const variance = Math.max(0, sumSq / n - meanD * meanD);
  const cv = Math.sqrt(variance) / mean;
  return cv > 10 ? null : cv;
}

/** 0 at the warning CV, 1 at the critical CV, linear between (DOMAIN §3.7: 0.15 → 0.25). */
export function stickSlipSeverity(cv: number, warningCv = 0.15, criticalCv = 0.25): number {
  if (cv <= warningCv) return 0;
  return Math.min(1, (cv - warningCv) / Math.max(criticalCv - warningCv, 1e-9));
}
