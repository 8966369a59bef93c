// The LLM layer inside the running engine: a confirmed advisory is published at once from the
// template and enriched later (same id) by a real tiny GGUF through node-llama-cpp; a corrupt
// model file shows in health with its reason while advisories keep coming from templates.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Advisory } from '../../src-shared/advisory.js';
import { defaultConfig, type WellConfig } from '../../src-shared/config.js';
import { makePacket } from '../../src-shared/wits.js';
import { createLlmEnricher } from '../../src-main/llm/create-llm-enricher.js';
import { createEngine } from '../../src-main/app/create-engine.js';
import type { Engine } from '../../src-main/app/engine.js';
import { createSimulation } from '../../src-main/simulator/index.js';
import { MemoryStore } from '../../src-main/storage/memory-store.js';
import { makeTinyGguf } from '../fixtures/gguf/make-tiny-gguf.js';

function config(modelPath: string): WellConfig {
  const c = defaultConfig();
  // One-character tokens in the tiny vocabulary: give the grammar room for a whole answer.
  return { ...c, llm: { ...c.llm, model_path: modelPath, max_tokens: 2600, timeout_cpu_s: 120 } };
}

/** Feeds the kick scenario up to a few minutes after onset; returns the advisory events. */
function feedKick(engine: Engine): Advisory[] {
  const events: Advisory[] = [];
  engine.on('advisory', (a) => events.push(a));
  const sim = createSimulation({ scenario: 'kick', seed: 1 });
  const onset = Date.parse(sim.groundTruth().faults[0].onset);
  for (const s of sim) {
    if (s.timeMs > onset + 150_000) break;
    engine.ingest(makePacket(s.timeMs, s.values));
  }
  return events;
}

async function until<T>(what: string, f: () => T | undefined, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = f();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('engine with the LLM layer', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sairen-engine-llm-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('publishes the template advisory at once, then enriches the same id from the real model', async () => {
    const model = makeTinyGguf(dir);
    const cfg = config(model.path);
    const storage = new MemoryStore();
    const enricher = createLlmEnricher(cfg, { seed: 3 });
    const engine = createEngine(cfg, { storage, enricher, healthIntervalMs: 0 });
    await engine.start();
    try {
      const events = feedKick(engine);
      const first = await until('a template advisory', () => events[0], 5000);
      expect(first.source).toBe('template');
      expect(first.llm).toBeNull();
      // The model answers (parsed and range-checked) or is refused with a reason; either way the
      // same advisory id comes back, with the template text kept.
      const second = await until('the enriched advisory', () => events.find((e) => e.id === first.id && (e.llm !== null || e.llmFallbackReason !== null)), 90_000);
      expect(second.template.recommendation).toBe(first.template.recommendation);
      if (second.source === 'llm') {
        expect(second.llm?.model).toBe('sairen-tiny-test');
        expect(second.llm?.recommendation.length).toBeGreaterThan(0);
      } else {
        expect(second.llmFallbackReason).toMatch(/\S/);
      }
      const stored = await storage.getAdvisory(first.id);
      expect(stored?.source).toBe(second.source);
      expect(engine.status().llm.model).toBe('sairen-tiny-test');
      console.log(`[engine-llm] ${first.id}: ${second.source === 'llm' ? 'enriched by the model' : `template kept: ${second.llmFallbackReason}`}`);
    } finally {
      await engine.dispose();
    }
  }, 120_000);

  it('a corrupt model file shows in health with the reason; advisories still come from templates', async () => {
    const bad = join(dir, 'corrupt.gguf');
    writeFileSync(bad, Buffer.from('GGUF this is not a model'.repeat(40)));
    const cfg = config(bad);
    const enricher = createLlmEnricher(cfg);
    const engine = createEngine(cfg, { storage: new MemoryStore(), enricher, healthIntervalMs: 0 });
    await engine.start();
    try {
      await enricher.start();
      const res = await engine.call('getHealth', {});
      expect(res.ok).toBe(true);
      const llm = res.ok ? res.value.components.find((c) => c.name === 'llm') : undefined;
      expect(llm?.status).toBe('degraded');
      expect(llm?.detail).toMatch(/failed to load/);
      expect(res.ok && res.value.flags.templateOnly).toBe(true);
      const events = feedKick(engine);
      const first = await until('a template advisory', () => events[0], 5000);
      expect(first.source).toBe('template');
      expect(first.fault).toBe('kick');
    } finally {
      await engine.dispose();
    }
  }, 60_000);
});
