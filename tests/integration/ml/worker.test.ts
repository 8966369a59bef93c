// The real worker thread (src-main/ml/worker.ts loaded through tsx from the sources).
import { afterEach, describe, expect, it } from 'vitest';
import { analyzeWindow, type MlRunContext } from '../../../src-main/ml/analyze.js';
import { packSamples, unpackSamples } from '../../../src-main/ml/columns.js';
import { MlSampleRing } from '../../../src-main/ml/collect.js';
import { WorkerMlRunner } from '../../../src-main/ml/worker-runner.js';
import { T0, run, wiggle } from '../../unit/ml/fixtures.js';

const ctx: MlRunContext = { timeMs: T0 + 7_200_000, trigger: 'schedule', campaign: 'production', wellId: 'W', field: 'F' };
const window = run(7200, (i) => ({
  wobKlbf: 20 + 2 * Math.floor(i / 600) + 0.2 * wiggle(i),
  rpm: 110 + 10 * (Math.floor(i / 1800) % 3),
  sppDeltaPsi: i % 500 === 0 ? null : 5 * wiggle(i + 9),
  rigState: i % 900 < 60 ? 'Connection' : 'Drilling',
}));

describe('ML worker thread', () => {
  let runner: WorkerMlRunner | null = null;
  afterEach(async () => {
    await runner?.dispose();
    runner = null;
  });

  it('typed columns round-trip every sample exactly; the ring gives back the window', () => {
    expect(unpackSamples(packSamples(window))).toEqual(window);
    const ring = new MlSampleRing(5000);
    for (const s of window) ring.push(s);
    expect(ring.size).toBe(5000);
    expect(unpackSamples(ring.window(window[7199].timeMs, 7200))).toEqual(window.slice(2200));
    expect(unpackSamples(ring.window(window[6999].timeMs, 600))).toEqual(window.slice(6400, 7000));
  });

  it('gives the same report as the inline analysis, and times the analysis', async () => {
    runner = new WorkerMlRunner();
    const report = await runner.run(packSamples(window), ctx);
    expect(JSON.stringify(report)).toBe(JSON.stringify(analyzeWindow(window, ctx)));
    expect(report.result.status).toBe('success');
    expect(runner.lastAnalysisMs).toBeGreaterThan(0);
  });

  it('answers several runs in order on one thread and rejects what is pending at dispose', async () => {
    runner = new WorkerMlRunner();
    const a = runner.run(packSamples(window.slice(0, 3600)), ctx);
    const b = runner.run(packSamples(window), { ...ctx, trigger: 'manual' });
    const [ra, rb] = await Promise.all([a, b]);
    expect(ra.counts.collected).toBe(3600);
    expect(rb.trigger).toBe('manual');
    const c = expect(runner.run(packSamples(window), ctx)).rejects.toThrow('ML worker stopped');
    await runner.dispose();
    await c;
  });
});
