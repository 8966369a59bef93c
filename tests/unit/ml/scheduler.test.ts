import { describe, expect, it } from 'vitest';
import type { MlReport, MlSkip } from '../../../src-shared/ml.js';
import type { MlColumns } from '../../../src-main/ml/columns.js';
import type { MlRunContext } from '../../../src-main/ml/analyze.js';
import { InlineMlRunner, type MlRunner } from '../../../src-main/ml/runner.js';
import { MlScheduler, nextDueAfter, type MlSchedulerSettings } from '../../../src-main/ml/scheduler.js';
import { T0, run } from './fixtures.js';

const HOUR = 3_600_000;

function harness(over: Partial<MlSchedulerSettings> = {}, runner: MlRunner = new InlineMlRunner()) {
  const settings: MlSchedulerSettings = { enabled: true, intervalS: 3600, windowS: 7200, campaign: 'production', wellId: 'W', field: 'F', ...over };
  const reports: MlReport[] = [];
  const skips: MlSkip[] = [];
  const errors: Error[] = [];
  const s = new MlScheduler({ settings: () => settings, runner, onReport: (r) => reports.push(r), onSkip: (k) => skips.push(k), onError: (e) => errors.push(e) });
  return { s, settings, reports, skips, errors };
}

/** The real analysis, answered asynchronously (as the worker answers). */
class AsyncRunner implements MlRunner {
  readonly inline = new InlineMlRunner();
  run(w: MlColumns, ctx: MlRunContext): Promise<MlReport> {
    return new Promise((resolve) => setTimeout(() => resolve(this.inline.run(w, ctx)), 5));
  }
  async dispose(): Promise<void> {}
}

describe('ML scheduler (data time)', () => {
  it('counts intervals from the first packet', () => {
    expect(nextDueAfter(T0, 3600, T0)).toBe(T0 + HOUR);
    expect(nextDueAfter(T0 + HOUR, 3600, T0)).toBe(T0 + 2 * HOUR);
    expect(nextDueAfter(T0 + HOUR + 10_000, 3600, T0 + 10_000)).toBe(T0 + 2 * HOUR + 10_000);
    expect(nextDueAfter(T0 + 5 * 60_000, 900, T0)).toBe(T0 + 15 * 60_000);
  });

  it('triggers at the same offsets whatever time origin the recording was given', () => {
    const a = harness();
    const b = harness();
    const shift = 1_234_567_000;
    for (const x of run(3 * 3600 + 10)) {
      a.s.observe(x);
      b.s.observe({ ...x, timeMs: x.timeMs + shift });
    }
    expect(b.reports.map((r) => r.timeMs - shift)).toEqual(a.reports.map((r) => r.timeMs));
    const strip = (r: MlReport) => JSON.stringify(r.result);
    expect(b.reports.map(strip)).toEqual(a.reports.map(strip));
  });

  it('runs hourly on packet time over the last 2 h, whatever the replay speed', () => {
    const h = harness();
    for (const x of run(3 * 3600 + 10)) h.s.observe(x);
    expect(h.reports.map((r) => r.timeMs)).toEqual([T0 + HOUR, T0 + 2 * HOUR, T0 + 3 * HOUR]);
    expect(h.reports.map((r) => r.counts.collected)).toEqual([3601, 7200, 7200]);
    expect(h.reports.every((r) => r.trigger === 'schedule' && r.result.status === 'success')).toBe(true);
  });

  it('skips with a reason when the window holds under 100 drilling packets', () => {
    const h = harness();
    for (const x of run(3700, (i) => (i < 3550 ? { rigState: 'Connection' } : {}))) h.s.observe(x);
    expect(h.reports).toEqual([]);
    expect(h.skips).toHaveLength(1);
    expect(h.skips[0]).toMatchObject({ timeMs: T0 + HOUR, trigger: 'schedule', drillingSamples: 51 });
    expect(h.skips[0].reason).toContain('too little drilling data: 51 drilling packets in the last 120 min, 100 needed');
  });

  it('does nothing on schedule when disabled, and follows an interval change', () => {
    const off = harness({ enabled: false });
    for (const x of run(2 * 3600 + 5)) off.s.observe(x);
    expect(off.reports).toEqual([]);
    const h = harness({ intervalS: 1800 });
    for (const x of run(3600 + 5)) h.s.observe(x);
    expect(h.reports.map((r) => (r.timeMs - T0) / 60_000)).toEqual([30, 60]);
  });

  it('run now analyses at the newest sample; before any data it skips', async () => {
    const h = harness();
    expect(await h.s.runNow()).toMatchObject({ trigger: 'manual', drillingSamples: 0 });
    for (const x of run(1200)) h.s.observe(x);
    const r = (await h.s.runNow()) as MlReport;
    expect(r).toMatchObject({ trigger: 'manual', timeMs: T0 + 1_199_000 });
    expect(r.result.status).toBe('success');
  });

  it('ignores samples that go back in time', () => {
    const h = harness();
    const xs = run(10);
    for (const x of xs) h.s.observe(x);
    h.s.observe({ ...xs[0], timeMs: T0 - 1000 });
    expect(h.s.lastTimeMs).toBe(T0 + 9000);
  });

  it('asynchronous runs report in order and idle() waits for them', async () => {
    const h = harness({}, new AsyncRunner());
    for (const x of run(3 * 3600 + 10)) h.s.observe(x);
    expect(h.s.busy).toBe(true);
    await h.s.idle();
    expect(h.s.busy).toBe(false);
    expect(h.reports.map((r) => r.timeMs)).toEqual([T0 + HOUR, T0 + 2 * HOUR, T0 + 3 * HOUR]);
    // Same reports as inline: the worker path changes when, never what.
    const inline = harness();
    for (const x of run(3 * 3600 + 10)) inline.s.observe(x);
    expect(JSON.stringify(h.reports)).toBe(JSON.stringify(inline.reports));
  });

  it('a failing run is reported, not thrown into the packet loop', async () => {
    // A stand-in that fails: a crashed worker cannot be provoked on demand.
    const broken: MlRunner = { run: () => Promise.reject(new Error('worker gone')), dispose: async () => {} };
    const h = harness({}, broken);
    for (const x of run(3600 + 5)) h.s.observe(x);
    await h.s.idle();
    expect(h.errors.map((e) => e.message)).toEqual(['worker gone']);
  });
});
