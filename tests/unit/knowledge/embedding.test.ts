import { describe, expect, it } from 'vitest';
import type { EpisodeKeyMetrics, FleetSnapshot } from '../../../src-shared/fleet.js';
import {
  EMBEDDING_DIMENSIONS,
  cosineSimilarity,
  embedSignature,
  isUsableEmbedding,
  levelsOnlySignature,
  signatureOf,
  slopePerMinute,
} from '../../../src-shared/episode-embedding.js';

const T0 = Date.UTC(2025, 2, 1);
const blank: EpisodeKeyMetrics = {
  mseEfficiencyPercent: null, flowBalanceGpm: null, pitRateBblHr: null, dExponent: null,
  torqueDeltaFraction: null, sppDeltaPsi: null, ecdMarginPpg: null, ropFtHr: null,
};
const snap = (i: number, over: Partial<FleetSnapshot> = {}): FleetSnapshot => ({
  timeMs: T0 + i * 1000, depthFt: 7500 + i * 0.1, ropFtHr: 40, wobKlbf: 20, rpm: 120, torqueKftLbf: 12, sppPsi: 3000,
  flowInGpm: 600, flowOutGpm: 600, msePsi: 30_000, mseEfficiencyPercent: 70, dExponent: 1.5, flowBalanceGpm: 0,
  pitRateBblHr: 0, ecdMarginPpg: 1, gasUnits: 20, torqueDeltaFraction: 0, sppDeltaPsi: 0, ...over,
});
/** A pack-off build-up: SPP and torque climbing, ROP falling over 60 s. */
const packOffWindow = (): FleetSnapshot[] =>
  Array.from({ length: 60 }, (_, i) => snap(i, { sppPsi: 3000 + 4 * i, torqueKftLbf: 12 + 0.05 * i, ropFtHr: 40 - 0.4 * i }));
const packOffLevels: EpisodeKeyMetrics = { ...blank, torqueDeltaFraction: 0.3, sppDeltaPsi: 220, ropFtHr: 15, mseEfficiencyPercent: 50 };
const kickLevels: EpisodeKeyMetrics = { ...blank, flowBalanceGpm: 35, pitRateBblHr: 18, ecdMarginPpg: 0.8 };

describe('physics signature', () => {
  it('fits slopes per minute of data time and needs 3 readings', () => {
    const w = packOffWindow();
    expect(slopePerMinute(w, 'sppPsi')).toBeCloseTo(240, 6); // 4 psi/s
    expect(slopePerMinute(w, 'ropFtHr')).toBeCloseTo(-24, 6);
    expect(slopePerMinute(w.slice(0, 2), 'sppPsi')).toBeNull();
    expect(slopePerMinute(w.map((s) => ({ ...s, gasUnits: null })), 'gasUnits')).toBeNull();
  });

  it('records the depth range of the window and the trends', () => {
    const sig = signatureOf(packOffLevels, packOffWindow());
    expect(sig.depthFromFt).toBeCloseTo(7500, 6);
    expect(sig.depthToFt).toBeCloseTo(7505.9, 6);
    expect(sig.trends.sppPsiPerMin).toBeCloseTo(240, 6);
    expect(sig.trends.flowBalanceGpmPerMin).toBeCloseTo(0, 9);
    expect(sig.keyMetrics).toBe(packOffLevels);
  });
});

describe('embedding', () => {
  it('is unit length, of the documented size, and deterministic', () => {
    const sig = signatureOf(packOffLevels, packOffWindow());
    const a = embedSignature(sig, 'pack-off', 7500);
    expect(a).toHaveLength(EMBEDDING_DIMENSIONS);
    expect(Math.hypot(...a)).toBeCloseTo(1, 12);
    expect(embedSignature(sig, 'pack-off', 7500)).toEqual(a);
    expect(isUsableEmbedding(a)).toBe(true);
  });

  it('has a direction even with no readings at all', () => {
    const v = embedSignature(levelsOnlySignature(blank, null, null), 'kick', null);
    expect(Math.hypot(...v)).toBeCloseTo(1, 12);
  });

  it('puts a pack-off nearer another pack-off than a kick, and the same fault nearer than another', () => {
    const packA = embedSignature(signatureOf(packOffLevels, packOffWindow()), 'pack-off', 7500);
    const packB = embedSignature(signatureOf({ ...packOffLevels, sppDeltaPsi: 180 }, packOffWindow()), 'pack-off', 9000);
    const stickSlip = embedSignature(signatureOf(packOffLevels, packOffWindow()), 'stick-slip', 7500);
    const kick = embedSignature(levelsOnlySignature(kickLevels, 7500, 7500), 'kick', 7500);
    expect(cosineSimilarity(packA, packB)).toBeGreaterThan(0.95);
    expect(cosineSimilarity(packA, packB)).toBeGreaterThan(cosineSimilarity(packA, stickSlip));
    expect(cosineSimilarity(packA, kick)).toBeLessThan(0.5);
  });

  it('refuses a stored embedding of another size or with non-finite numbers', () => {
    expect(isUsableEmbedding([1, 0, 0])).toBe(false);
    expect(isUsableEmbedding(Array.from({ length: EMBEDDING_DIMENSIONS }, () => Number.NaN))).toBe(false);
    expect(isUsableEmbedding(Array.from({ length: EMBEDDING_DIMENSIONS }, () => 0))).toBe(false);
  });
});
