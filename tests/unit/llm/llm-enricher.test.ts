import { describe, expect, it } from 'vitest';
import { defaultConfig, type WellConfig } from '../../../src-shared/config.js';
import type { EnrichmentOutcome } from '../../../src-main/llm/enricher.js';
import { createLlmEnricher } from '../../../src-main/llm/create-llm-enricher.js';
import { LlmEnricher } from '../../../src-main/llm/llm-enricher.js';
import type { LlmLogEntry } from '../../../src-main/llm/llm-log.js';
import { makeRequest, T0 } from './fixtures.js';
import { GOOD_ANSWER, ManualBackend, NeverAnsweringBackend, OUT_OF_RANGE_ANSWER } from './stand-in-backends.js';

function cfg(llm: Partial<WellConfig['llm']> = {}): WellConfig {
  const c = defaultConfig();
  return { ...c, llm: { ...c.llm, ...llm } };
}

function collect(e: LlmEnricher): EnrichmentOutcome[] {
  const out: EnrichmentOutcome[] = [];
  e.onOutcome((o) => out.push(o));
  return out;
}

const tick = () => new Promise((r) => setImmediate(r));
async function until(cond: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('LlmEnricher', () => {
  it('no model -> template-only status, submit returns and nothing comes back', async () => {
    const e = createLlmEnricher(cfg(), { modelsDir: '/nonexistent/models' });
    const out = collect(e);
    expect(e.status()).toMatchObject({ mode: 'template-only', model: null, device: null });
    expect(e.status().detail).toContain('template-only');
    expect(() => e.submit(makeRequest('kick'), T0)).not.toThrow();
    await tick();
    await tick();
    expect(out).toEqual([]);
    await e.dispose();
  });

  it('a good answer enriches; an out-of-range answer falls back with the reason', async () => {
    const backend = new ManualBackend();
    const e = new LlmEnricher({ config: cfg(), modelPath: '/m.gguf', createBackend: () => backend, log: () => {} });
    const out = collect(e);
    e.submit(makeRequest('kick', 'production', { id: 'ADV-00000001' }), T0);
    await until(() => backend.pending.length === 1);
    expect(e.status()).toMatchObject({ mode: 'llm', model: 'manual-stand-in', device: 'cuda' });
    backend.answer(GOOD_ANSWER);
    await until(() => out.length === 1);
    expect(out[0]).toMatchObject({ kind: 'enriched', advisoryId: 'ADV-00000001', text: { model: 'manual-stand-in', diagnosis: 'Influx likely.' } });

    e.submit(makeRequest('kick', 'production', { id: 'ADV-00000002' }), T0 + 1000);
    await until(() => backend.pending.length === 1);
    backend.answer(OUT_OF_RANGE_ANSWER);
    await until(() => out.length === 2);
    expect(out[1]).toEqual({ kind: 'fallback', advisoryId: 'ADV-00000002', reason: 'parameter rpm to 900 outside 0-250 rpm' });
    await e.dispose();
  });

  it('time limit: a never-answering backend (hung stand-in) gives a fallback within the limit, logged', async () => {
    const backend = new NeverAnsweringBackend();
    const logs: LlmLogEntry[] = [];
    const e = new LlmEnricher({ config: cfg({ timeout_cpu_s: 0.3 }), modelPath: '/m.gguf', createBackend: () => backend, log: (l) => logs.push(l) });
    const out = collect(e);
    const t = performance.now();
    e.submit(makeRequest('kick'), T0);
    await until(() => out.length === 1);
    const elapsed = performance.now() - t;
    console.log(`hung backend -> fallback after ${elapsed.toFixed(0)} ms (limit 300 ms)`);
    expect(out[0]).toEqual({ kind: 'fallback', advisoryId: makeRequest('kick').advisory.id, reason: 'no answer within the 0.3 s cpu time limit' });
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(800);
    expect(logs.some((l) => l.level === 'warn' && l.message.includes('time limit'))).toBe(true);
    await e.dispose();
  });

  it('after max_consecutive_failures the enricher switches to template mode until it is retried', async () => {
    const backend = new NeverAnsweringBackend();
    const e = new LlmEnricher({ config: cfg({ timeout_cpu_s: 0.05, max_consecutive_failures: 2 }), modelPath: '/m.gguf', createBackend: () => backend, log: () => {} });
    const out = collect(e);
    e.submit(makeRequest('kick', 'production', { id: 'ADV-0000000a' }), T0);
    await until(() => out.length === 1);
    expect(e.status().mode).toBe('llm');
    e.submit(makeRequest('kick', 'production', { id: 'ADV-0000000b' }), T0 + 1);
    await until(() => out.length === 2);
    expect(e.status().mode).toBe('template-only');
    expect(e.status().detail).toContain('2 consecutive LLM failures');
    e.submit(makeRequest('kick', 'production', { id: 'ADV-0000000c' }), T0 + 2);
    await new Promise((r) => setTimeout(r, 120));
    expect(out).toHaveLength(2);
    expect(backend.calls).toHaveLength(2);
    expect(e.needsRetry()).toBe(true); // what the self-healer looks for
    const st = await e.retry();
    expect(st.mode).toBe('llm');
    expect(e.needsRetry()).toBe(false);
    e.submit(makeRequest('kick', 'production', { id: 'ADV-0000000d' }), T0 + 3);
    await until(() => out.length === 3);
    expect(out[2].advisoryId).toBe('ADV-0000000d');
    await e.dispose();
  });

  it('a higher-risk request pre-empts a queued lower one; the queue runs highest risk first', async () => {
    const backend = new ManualBackend();
    const logs: LlmLogEntry[] = [];
    const e = new LlmEnricher({ config: cfg(), modelPath: '/m.gguf', createBackend: () => backend, log: (l) => logs.push(l), queueCapacity: 1 });
    const out = collect(e);
    e.submit(makeRequest('mse-inefficiency', 'production', { id: 'ADV-run00001', risk: 'Elevated' }), T0);
    await until(() => backend.pending.length === 1);
    expect(e.runningAdvisoryId()).toBe('ADV-run00001');
    e.submit(makeRequest('stick-slip', 'production', { id: 'ADV-low00001', risk: 'Elevated', timeMs: T0 + 1000 }), T0 + 1000);
    expect(e.queuedAdvisoryIds()).toEqual(['ADV-low00001']);
    e.submit(makeRequest('kick', 'production', { id: 'ADV-crit0001', risk: 'Critical', timeMs: T0 + 2000 }), T0 + 2000);
    expect(e.queuedAdvisoryIds()).toEqual(['ADV-crit0001']);
    // A lower-risk newcomer does not displace the Critical one.
    e.submit(makeRequest('founder', 'production', { id: 'ADV-low00002', risk: 'Low', timeMs: T0 + 3000 }), T0 + 3000);
    expect(e.queuedAdvisoryIds()).toEqual(['ADV-crit0001']);
    await tick();
    expect(out).toEqual([
      { kind: 'fallback', advisoryId: 'ADV-low00001', reason: 'pre-empted by Critical-risk advisory ADV-crit0001' },
      { kind: 'fallback', advisoryId: 'ADV-low00002', reason: 'not run: 1 advisories of equal or higher risk already waiting' },
    ]);
    backend.answer(GOOD_ANSWER);
    await until(() => backend.pending.length === 1);
    expect(e.runningAdvisoryId()).toBe('ADV-crit0001');
    expect(backend.pending[0].prompt.user).toContain('TRIGGER: kick');
    backend.answer(GOOD_ANSWER);
    await until(() => out.length === 4);
    expect(out.slice(2).map((o) => [o.kind, o.advisoryId])).toEqual([
      ['enriched', 'ADV-run00001'],
      ['enriched', 'ADV-crit0001'],
    ]);
    await e.dispose();
  });

  it('drops stale requests: at submit, and when they would run after waiting too long', async () => {
    const backend = new ManualBackend();
    let mono = 0;
    const e = new LlmEnricher({ config: cfg({ relevance_s: 300 }), modelPath: '/m.gguf', createBackend: () => backend, log: () => {}, monotonicMs: () => mono });
    const out = collect(e);
    // Already 301 s old when submitted.
    e.submit(makeRequest('kick', 'production', { id: 'ADV-old00001', timeMs: T0 }), T0 + 301_000);
    await tick();
    expect(out).toEqual([{ kind: 'fallback', advisoryId: 'ADV-old00001', reason: 'stale: advisory 301 s old, relevance 300 s' }]);
    expect(backend.pending).toHaveLength(0);

    // 40 s old when queued; stale by the time the running one finishes 270 s later (310 s).
    e.submit(makeRequest('kick', 'production', { id: 'ADV-run00002', timeMs: T0 + 400_000 }), T0 + 400_000);
    await until(() => backend.pending.length === 1);
    e.submit(makeRequest('gas', 'production', { id: 'ADV-wait0001', timeMs: T0 + 360_000 }), T0 + 400_000);
    mono += 270_000;
    backend.answer(GOOD_ANSWER);
    await until(() => out.length === 3);
    expect(out[1]).toMatchObject({ kind: 'enriched', advisoryId: 'ADV-run00002' });
    expect(out[2]).toEqual({ kind: 'fallback', advisoryId: 'ADV-wait0001', reason: 'stale: advisory 310 s old, relevance 300 s' });
    expect(backend.pending).toHaveLength(0);
    await e.dispose();
  });

  it('a backend that fails to load -> status with the reason, template-only, a fallback for the asked advisory', async () => {
    const backend = new ManualBackend('invalid GGUF magic');
    const e = new LlmEnricher({ config: cfg(), modelPath: '/bad.gguf', createBackend: () => backend, log: () => {} });
    const out = collect(e);
    expect(() => e.submit(makeRequest('kick'), T0)).not.toThrow();
    await until(() => out.length === 1);
    expect(out[0]).toMatchObject({ kind: 'fallback', reason: 'model failed to load: invalid GGUF magic' });
    expect(e.status()).toMatchObject({ mode: 'template-only', model: 'bad.gguf' });
    expect(e.status().detail).toContain('invalid GGUF magic');
    e.submit(makeRequest('kick', 'production', { id: 'ADV-after001' }), T0 + 1);
    await tick();
    expect(out).toHaveLength(1);
    expect(backend.loads).toBe(1);
    await e.dispose();
  });

  it('ignores requests that are not Confirmed and survives a throwing listener', async () => {
    const backend = new ManualBackend();
    const logs: LlmLogEntry[] = [];
    const e = new LlmEnricher({ config: cfg(), modelPath: '/m.gguf', createBackend: () => backend, log: (l) => logs.push(l) });
    e.onOutcome(() => {
      throw new Error('listener boom');
    });
    const out = collect(e);
    const uncertain = makeRequest('kick');
    uncertain.verification = { ...uncertain.verification, status: 'Uncertain' };
    e.submit(uncertain, T0);
    await tick();
    expect(backend.pending).toHaveLength(0);
    e.submit(makeRequest('kick'), T0);
    await until(() => backend.pending.length === 1);
    backend.answer(GOOD_ANSWER);
    await until(() => out.length === 1);
    expect(out[0].kind).toBe('enriched');
    expect(logs.some((l) => l.message.includes('listener boom'))).toBe(true);
    await e.dispose();
  });
});
