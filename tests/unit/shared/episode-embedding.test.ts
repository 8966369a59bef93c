// The hub and the rig embed an episode with the same shared function: the vector the hub sends
// is the one the rig would make from the same window.
import { describe, expect, it } from 'vitest';
import { episodeFromEvent } from '../../../src-hub/curator/episode.js';
import { cosineSimilarity, embedSignature, keyMetricsFromWindow, signatureOf } from '../../../src-shared/episode-embedding.js';
import { makeFleetEvent, makeSnapshot } from '../../support/fleet-fixtures.js';

describe('shared episode embedding', () => {
  it('takes key metrics from the latest non-missing reading of the window', () => {
    const w = [makeSnapshot(1000, { sppDeltaPsi: 100, ropFtHr: 20 }), makeSnapshot(2000, { sppDeltaPsi: 180, ropFtHr: null })];
    const m = keyMetricsFromWindow(w);
    expect(m.sppDeltaPsi).toBe(180);
    expect(m.ropFtHr).toBe(20);
    expect(Object.values(keyMetricsFromWindow([])).every((v) => v === null)).toBe(true);
  });

  it('gives the hub the vector a rig computes from the same window, with trends', () => {
    const ev = makeFleetEvent({ rigId: 'R', timeMs: Date.UTC(2025, 1, 1), depthFt: 9_500, historySeconds: 120 });
    const sig = signatureOf(keyMetricsFromWindow(ev.historyWindow), ev.historyWindow);
    expect(sig.trends.sppPsiPerMin).toBe(0); // SPP itself is flat in the fixture
    expect(sig.trends.gasUnitsPerMin).toBe(0);
    expect(sig.keyMetrics.sppDeltaPsi).toBe(ev.historyWindow.at(-1)!.sppDeltaPsi);
    const rig = embedSignature(sig, ev.fault, ev.depthFt);
    const sent = episodeFromEvent(ev).embedding;
    expect(sent).toHaveLength(rig.length);
    sent.forEach((x, i) => expect(x).toBeCloseTo(rig[i], 4));
    expect(cosineSimilarity(sent, rig)).toBeGreaterThan(0.9999);
    const kick = makeFleetEvent({ rigId: 'R', timeMs: Date.UTC(2025, 1, 1), category: 'WellControl', fault: 'kick', snapshot: { flowBalanceGpm: 35, pitRateBblHr: 25 } });
    expect(cosineSimilarity(rig, episodeFromEvent(kick).embedding)).toBeLessThan(cosineSimilarity(rig, episodeFromEvent({ ...ev, id: 'R-2' }).embedding));
  });
});
