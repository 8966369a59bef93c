// The self-healer's checks that need no network or database: the LLM (template mode, re-probe
// after a cool-off that doubles), the disk (non-critical writes paused under the limit, resumed
// above twice it), the baseline file (set aside, rewritten from memory or learning again), and the
// monitor that assembles them (since when, last heal, flags, overall without modes).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LiveStatus } from '../../../src-shared/status.js';
import { BaselineFile } from '../../../src-main/baseline/baseline-file.js';
import { BaselineCheck } from '../../../src-main/health/checks/baseline-check.js';
import { DiskCheck } from '../../../src-main/health/checks/disk-check.js';
import { FeedActivity } from '../../../src-main/health/checks/feed-check.js';
import { LlmCheck } from '../../../src-main/health/checks/llm-check.js';
import { degraded, healthy, type CheckResult } from '../../../src-main/health/health-check.js';
import { HealthMonitor } from '../../../src-main/health/health-monitor.js';
import { SelfHealer } from '../../../src-main/health/self-healer.js';
import type { NewAuditEntry } from '../../../src-main/storage/persistence.js';

const MB = 1024 * 1024;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

// A stand-in enricher: only the failure switch matters here (the real one is tested in tests/unit/llm).
function enricherStub() {
  const s = { down: true, retries: 0, retryWorks: true };
  const status = (): LiveStatus['llm'] =>
    s.down
      ? { mode: 'template-only', model: 'qwen', device: 'cpu', detail: 'template mode after 3 consecutive LLM failures' }
      : { mode: 'llm', model: 'qwen', device: 'cpu', detail: 'ready' };
  return {
    s,
    enricher: {
      needsRetry: () => s.down,
      status,
      retry: async () => {
        s.retries++;
        s.down = !s.retryWorks;
        return status();
      },
    },
  };
}

describe('LLM check', () => {
  it('template mode after failures is degraded; the model is re-probed only after the cool-off, and the heal is audited', async () => {
    const now = { t: 1_000_000 };
    const audits: NewAuditEntry[] = [];
    const { s, enricher } = enricherStub();
    const healer = new SelfHealer({ clock: () => now.t, audit: async (e) => audits.push(e), intervalMs: () => 30_000 });
    healer.register(new LlmCheck({ clock: () => now.t, enricher, retryAfterMs: () => 600_000 }));
    const [first] = await healer.runPass(); // first sighting starts the cool-off
    expect(first.result).toMatchObject({ status: 'degraded', flags: { templateOnly: true } });
    expect(first.heal).toMatchObject({ action: 'FallbackActivated', detail: expect.stringContaining('re-probed after 600 s') });
    now.t += 599_000;
    await healer.runPass();
    expect(s.retries).toBe(0);
    now.t += 2_000;
    const [probe] = await healer.runPass();
    expect(s.retries).toBe(1);
    expect(probe.heal).toMatchObject({ action: 'Reconnected', detail: expect.stringMatching(/^model qwen back after 601 s in template mode/) });
    expect(audits.map((a) => [a.actor, a.kind])).toEqual([
      ['self-healer', 'self-heal'],
      ['self-healer', 'self-heal'],
    ]);
    const [after] = await healer.runPass();
    expect(after.result.status).toBe('healthy');
    expect(after.heal).toBeNull();
  });

  it('a failed re-probe doubles the wait, up to 8 times the setting', async () => {
    let now = 0;
    const { s, enricher } = enricherStub();
    s.retryWorks = false;
    const check = new LlmCheck({ clock: () => now, enricher, retryAfterMs: () => 1000 });
    const waits: string[] = [];
    for (let i = 0; i < 40; i++) {
      const h = await check.heal();
      if (h.detail.startsWith('re-probe failed')) waits.push(/next re-probe in (\d+) s/.exec(h.detail)![1]);
      now += 1000;
    }
    expect(waits.slice(0, 4)).toEqual(['2', '4', '8', '8']);
  });

  it('no model file, or the model switched off, is a normal way to run (healthy, template banner)', () => {
    const check = new LlmCheck({
      clock: () => 0,
      enricher: { needsRetry: () => false, retry: async () => ({ mode: 'template-only', model: null, device: null, detail: '' }), status: () => ({ mode: 'template-only', model: null, device: null, detail: 'no model file: template-only mode' }) },
      retryAfterMs: () => 1000,
    });
    expect(check.check()).toMatchObject({ status: 'healthy', flags: { templateOnly: true } });
  });
});

describe('disk check', () => {
  function disk(freeMb: { v: number }) {
    const calls: (string | null)[] = [];
    const check = new DiskCheck({ dataDir: '/data', lowBytes: () => 500 * MB, reduceWrites: (r) => calls.push(r), freeBytes: () => freeMb.v * MB });
    return { check, calls };
  }

  it('under the limit: unhealthy, non-critical writes paused; they stay paused until twice the limit is free', async () => {
    const free = { v: 5000 };
    const { check, calls } = disk(free);
    const healer = new SelfHealer({ clock: () => 0, audit: async () => undefined, intervalMs: () => 1000 });
    healer.register(check);
    expect((await healer.runPass())[0].result).toMatchObject({ status: 'healthy', reason: '5000 MB free in /data' });
    free.v = 400;
    const [low] = await healer.runPass();
    expect(low.result).toMatchObject({ status: 'unhealthy', flags: { diskLow: true } });
    expect(low.heal).toMatchObject({ action: 'FallbackActivated', detail: expect.stringContaining('advisories, events, acknowledgements and audit still written') });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatch(/^disk space low \(400 MB free in \/data\)$/);
    free.v = 700; // between the limit and twice it: still paused, no flapping
    const [mid] = await healer.runPass();
    expect(mid.result).toMatchObject({ status: 'degraded', reason: expect.stringContaining('paused'), flags: { writesReduced: true } });
    expect(calls).toHaveLength(1);
    free.v = 1200;
    const [back] = await healer.runPass();
    expect(back.heal).toMatchObject({ action: 'Reconnected' });
    expect(calls).toEqual([calls[0], null]);
    expect(check.check().flags).toMatchObject({ writesReduced: false });
  });
});

describe('baseline check', () => {
  const locked = { schema_version: 2 as const, thresholds: { 'Drilling:mse': { mean: 1, std: 1, warning_sigma: 3, critical_sigma: 5, locked: true, locked_timestamp: 1, sample_count: 100, min: 0, max: 2 } } };

  function setup(learning: boolean) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sairen-baseline-check-'));
    dirs.push(dir);
    const file = new BaselineFile(dir);
    fs.writeFileSync(file.path, '{"schema_version":2,"thresholds":{"Drilling:msePsi":{"mean":'); // cut short
    const check = new BaselineCheck({ clock: () => Date.UTC(2026, 0, 2, 3, 4, 5), baseline: { isLearning: () => learning, snapshot: () => locked }, file });
    return { dir, file, check };
  }

  it('a corrupt file while the baseline is locked in memory: set aside, written again from memory, no relearning', async () => {
    const { dir, file, check } = setup(false);
    await check.probe();
    const c = check.check();
    expect(c).toMatchObject({ status: 'unhealthy', reason: expect.stringContaining('baseline_state.json is not valid JSON') });
    const h = await check.heal();
    expect(h).toMatchObject({ action: 'FallbackActivated', detail: expect.stringContaining('written again from the locked baseline in memory') });
    expect(fs.readdirSync(dir).sort()).toEqual(['baseline_state.json', 'baseline_state.json.corrupt-20260102T030405Z']);
    expect(file.load()).toMatchObject({ state: locked, warning: null });
    await check.probe();
    expect(check.check().status).toBe('healthy');
  });

  it('a corrupt file while learning: set aside, learning goes on (reset to learning); learning is a mode, not a fault', async () => {
    const { dir, check } = setup(true);
    await check.probe();
    expect((await check.heal()).detail).toContain('reset to learning');
    expect(fs.readdirSync(dir)).toEqual(['baseline_state.json.corrupt-20260102T030405Z']);
    await check.probe();
    expect(check.check()).toMatchObject({ status: 'degraded', mode: true, flags: { baselineLearning: true } });
  });
});

describe('health monitor', () => {
  it('components carry since-when and the last heal; overall leaves modes out; a push only on change', async () => {
    let now = 10_000;
    const states: Record<string, CheckResult> = { a: healthy('ok'), b: { ...degraded('learning'), mode: true } };
    const healer = new SelfHealer({ clock: () => now, audit: async () => undefined, intervalMs: () => 1000 });
    for (const name of ['a', 'b']) healer.register({ name, check: () => states[name], heal: async () => ({ action: 'FallbackActivated', detail: `${name} spare on` }) });
    const pushed: string[] = [];
    const monitor = new HealthMonitor({
      clock: () => now,
      healer,
      feedActivity: new FeedActivity(() => now),
      storage: () => ({ status: 'healthy', detail: 'ok', diskFull: false, pendingAdvisories: 0 }),
      onChange: (h) => pushed.push(h.overall),
    });
    let h = monitor.evaluate();
    expect(h.overall).toBe('healthy');
    expect(h.components.map((c) => [c.name, c.status, c.sinceMs])).toEqual([
      ['a', 'healthy', 10_000],
      ['b', 'degraded', 10_000],
    ]);
    now = 20_000;
    monitor.evaluate();
    expect(pushed).toHaveLength(1);
    states.a = { status: 'unhealthy', reason: 'down', flags: { feedOffline: true } };
    await healer.runPass();
    h = monitor.evaluate();
    expect(h.overall).toBe('unhealthy');
    expect(h.flags.feedOffline).toBe(true);
    expect(h.components[0]).toMatchObject({ status: 'unhealthy', sinceMs: 20_000, lastHeal: { action: 'FallbackActivated', detail: 'a spare on', atMs: 20_000 } });
    expect(pushed).toEqual(['healthy', 'unhealthy']);
    expect(h.healer).toMatchObject({ passes: 1, lastPassMs: 20_000 });
  });
});
