import { describe, expect, it } from 'vitest';
import { EPISODE_EMBEDDING_DIMENSIONS, embeddingSimilarity, episodeEmbedding, keyMetricsFromWindow } from '../../../src-shared/episode-embedding.js';
import type { EpisodeKeyMetrics } from '../../../src-shared/fleet.js';
import { makeSnapshot } from '../../support/fleet-fixtures.js';

const packOff: EpisodeKeyMetrics = { mseEfficiencyPercent: 55, flowBalanceGpm: -2, pitRateBblHr: 0, dExponent: 1.5, torqueDeltaFraction: 0.3, sppDeltaPsi: 250, ecdMarginPpg: 0.6, ropFtHr: 10 };
const kick: EpisodeKeyMetrics = { mseEfficiencyPercent: 75, flowBalanceGpm: 30, pitRateBblHr: 20, dExponent: 1.1, torqueDeltaFraction: 0, sppDeltaPsi: -80, ecdMarginPpg: 0.4, ropFtHr: 80 };
const none: EpisodeKeyMetrics = { mseEfficiencyPercent: null, flowBalanceGpm: null, pitRateBblHr: null, dExponent: null, torqueDeltaFraction: null, sppDeltaPsi: null, ecdMarginPpg: null, ropFtHr: null };

describe('episode embedding', () => {
  it('is a deterministic unit vector of fixed length, also with every metric missing', () => {
    for (const m of [packOff, kick, none]) {
      const v = episodeEmbedding(m);
      expect(v).toHaveLength(EPISODE_EMBEDDING_DIMENSIONS);
      expect(Math.hypot(...v)).toBeCloseTo(1, 12);
      expect(episodeEmbedding(m)).toEqual(v);
    }
  });

  it('finds a similar pack-off closer than a kick', () => {
    const similar = { ...packOff, sppDeltaPsi: 220, torqueDeltaFraction: 0.27, ropFtHr: 14 };
    const a = episodeEmbedding(packOff);
    expect(embeddingSimilarity(a, episodeEmbedding(similar))).toBeGreaterThan(0.98);
    expect(embeddingSimilarity(a, episodeEmbedding(kick))).toBeLessThan(0.3);
  });

  it('is bounded: one absurd reading cannot dominate the vector', () => {
    const wild = episodeEmbedding({ ...packOff, sppDeltaPsi: 1e9 });
    expect(Math.max(...wild.map(Math.abs))).toBeLessThan(0.8);
    expect(embeddingSimilarity(episodeEmbedding(packOff), wild)).toBeGreaterThan(0.95);
  });

  it('takes key metrics from the latest non-missing reading of the window', () => {
    const w = [makeSnapshot(1000, { sppDeltaPsi: 100, ropFtHr: 20 }), makeSnapshot(2000, { sppDeltaPsi: 180, ropFtHr: null })];
    const m = keyMetricsFromWindow(w);
    expect(m.sppDeltaPsi).toBe(180);
    expect(m.ropFtHr).toBe(20);
    expect(keyMetricsFromWindow([])).toEqual(none);
  });
});
