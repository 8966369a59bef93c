// A real GGUF (built here: random weights, tiny vocabulary) through the real node-llama-cpp.
// Its words are nonsense; the JSON-schema grammar still forces an answer that parses, and the
// range check decides whether it would be shown.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig, type WellConfig } from '../../../src-shared/config.js';
import type { EnrichmentOutcome } from '../../../src-main/llm/enricher.js';
import { LlmEnricher } from '../../../src-main/llm/llm-enricher.js';
import { NodeLlamaCppBackend } from '../../../src-main/llm/node-llama-cpp-backend.js';
import { ADVISORY_JSON_SCHEMA, CONFIDENCE_STEPS, LlmOutputSchema } from '../../../src-main/llm/output-schema.js';
import { checkParameter, parseContextFor, parseLlmOutput } from '../../../src-main/llm/parse-output.js';
import { buildPrompt } from '../../../src-main/llm/prompt.js';
import { makeTinyGguf, type TinyGgufInfo } from '../../fixtures/gguf/make-tiny-gguf.js';
import { makeRequest, T0 } from '../../unit/llm/fixtures.js';

// Enough tokens for the schema's longest possible answer with one-character tokens.
const MAX_TOKENS = 2600;

function cfg(llm: Partial<WellConfig['llm']> = {}): WellConfig {
  const c = defaultConfig();
  return { ...c, llm: { ...c.llm, max_tokens: MAX_TOKENS, ...llm } };
}

describe('real tiny GGUF through node-llama-cpp', () => {
  let dir: string;
  let model: TinyGgufInfo;
  const backend = new NodeLlamaCppBackend({ gpu: false, threads: 1 });

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sairen-llm-it-'));
    model = makeTinyGguf(dir);
  });
  afterAll(async () => {
    await backend.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('builds a few-hundred-KB llama model that loads on the CPU', async () => {
    console.log(`tiny GGUF: ${model.bytes} bytes, vocab ${model.vocabSize}, ${model.tensorCount} tensors`);
    expect(model.bytes).toBeGreaterThan(100_000);
    expect(model.bytes).toBeLessThan(1_000_000);
    const t = performance.now();
    const loaded = await backend.load(model.path);
    console.log(`load: ${(performance.now() - t).toFixed(0)} ms`);
    expect(loaded).toEqual({ model: 'sairen-tiny-test', device: 'cpu' });
  });

  it('grammar-constrained output parses into the schema; the range check decides what is shown', async () => {
    await backend.load(model.path);
    const req = makeRequest('kick');
    const t = performance.now();
    const raw = await backend.generateJson(buildPrompt(req), ADVISORY_JSON_SCHEMA, {
      maxTokens: MAX_TOKENS,
      temperature: 0.3,
      seed: 7,
      signal: new AbortController().signal,
    });
    console.log(`generation: ${(performance.now() - t).toFixed(0)} ms, ${raw.length} chars: ${raw.slice(0, 300)}`);
    // It parses, with every key and type the JSON schema asks for (numbers may still be
    // non-finite: the grammar allows exponents such as 9e999, which the shape check refuses).
    const json = JSON.parse(raw) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['diagnosis', 'recommendation', 'parameters', 'confidence', 'reasoning']);
    expect(typeof json.diagnosis).toBe('string');
    expect(Array.isArray(json.parameters)).toBe(true);
    expect(CONFIDENCE_STEPS).toContain(json.confidence);

    const ctx = parseContextFor(req, cfg(), 'sairen-tiny-test');
    const verdict = parseLlmOutput(raw, ctx);
    const shape = LlmOutputSchema.safeParse(json);
    console.log(`range check on the real answer: ${verdict.ok ? 'shown' : `refused (${verdict.reason})`}`);
    if (!shape.success) {
      expect(verdict.ok ? '' : verdict.reason).toMatch(/does not match the schema/);
    } else {
      // The verdict agrees with the checks applied one by one.
      const firstProblem = shape.data.parameters.map((p) => checkParameter(p, ctx)).find((r) => r !== null);
      expect(verdict.ok).toBe(firstProblem === undefined);
    }

    // Both paths with the model's own words: values in range -> shown; out of range -> refused.
    const words = {
      diagnosis: String(json.diagnosis),
      recommendation: String(json.recommendation),
      reasoning: String(json.reasoning),
    };
    // Both paths with the model's own words: values put in range -> shown; out of range -> refused.
    const inRange = { ...words, confidence: 0.6, parameters: [{ name: 'rpm' as const, action: 'decrease' as const, from: 120, to: 90, unit: 'rpm' }] };
    const shown = parseLlmOutput(JSON.stringify(inRange), ctx);
    expect(shown.ok).toBe(true);
    if (shown.ok) {
      expect(shown.text.model).toBe('sairen-tiny-test');
      expect(shown.text.diagnosis).toBe(words.diagnosis.trim());
    }
    const outOfRange = { ...inRange, parameters: [{ name: 'rpm' as const, action: 'set' as const, from: null, to: 900, unit: 'rpm' }] };
    expect(parseLlmOutput(JSON.stringify(outOfRange), ctx)).toEqual({ ok: false, reason: 'parameter rpm to 900 outside 0-250 rpm' });
  });

  it('the enricher with the real backend answers every confirmed advisory with an outcome, never a timeout', async () => {
    const e = new LlmEnricher({
      config: cfg({ timeout_cpu_s: 30 }),
      modelPath: model.path,
      createBackend: () => new NodeLlamaCppBackend({ gpu: false, threads: 1 }),
      log: () => {},
      seed: 3,
    });
    const out: EnrichmentOutcome[] = [];
    e.onOutcome((o) => out.push(o));
    const st = await e.start();
    expect(st).toMatchObject({ mode: 'llm', model: 'sairen-tiny-test', device: 'cpu' });
    for (const [i, fault] of (['kick', 'pack-off', 'mse-inefficiency'] as const).entries()) {
      e.submit(makeRequest(fault, 'production', { id: `ADV-real000${i}`, timeMs: T0 + i, risk: 'High' }), T0 + i);
    }
    const end = Date.now() + 45_000;
    while (out.length < 3 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    console.log('real-model outcomes:', out.map((o) => (o.kind === 'enriched' ? `${o.advisoryId} enriched` : `${o.advisoryId} fallback: ${o.reason}`)));
    // Queue capacity 2 holds both waiting requests: all three run.
    expect(out.map((o) => o.advisoryId).sort()).toEqual(['ADV-real0000', 'ADV-real0001', 'ADV-real0002']);
    for (const o of out) {
      if (o.kind === 'fallback') {
        // Only the range/shape check may refuse: the grammar guarantees JSON, the limit is generous.
        expect(o.reason).not.toMatch(/time limit|unparsable|inference failed/);
      } else {
        expect(o.text.model).toBe('sairen-tiny-test');
      }
    }
    await e.dispose();
  });
});
