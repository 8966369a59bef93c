// Corrupt model files through the real node-llama-cpp, and the hot path measured while the
// real tiny model generates.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig, type WellConfig } from '../../../src-shared/config.js';
import type { EnrichmentOutcome } from '../../../src-main/llm/enricher.js';
import { LlmEnricher } from '../../../src-main/llm/llm-enricher.js';
import { NodeLlamaCppBackend } from '../../../src-main/llm/node-llama-cpp-backend.js';
import { ADVISORY_JSON_SCHEMA } from '../../../src-main/llm/output-schema.js';
import { buildPrompt } from '../../../src-main/llm/prompt.js';
import { makeTinyGguf } from '../../fixtures/gguf/make-tiny-gguf.js';
import { makeRequest, T0 } from '../../unit/llm/fixtures.js';

function cfg(llm: Partial<WellConfig['llm']> = {}): WellConfig {
  const c = defaultConfig();
  return { ...c, llm: { ...c.llm, ...llm } };
}

let dir: string;
let goodPath: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sairen-llm-corrupt-'));
  goodPath = makeTinyGguf(dir).path;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('corrupt model file', () => {
  const cases: [string, () => Buffer][] = [
    ['random bytes', () => {
      const b = Buffer.alloc(64 * 1024);
      let x = 12345;
      for (let i = 0; i < b.length; i++) {
        x = (x * 1103515245 + 12345) >>> 0;
        b[i] = x >>> 24;
      }
      return b;
    }],
    ['truncated GGUF (header intact, tensor data cut)', () => {
      const full = readFileSync(goodPath);
      return full.subarray(0, Math.floor(full.length * 0.6));
    }],
  ];

  for (const [name, bytes] of cases) {
    it(`${name}: status gives the reason, template-only, submit never throws`, async () => {
      const path = join(dir, `${name.split(' ')[0]}.gguf`);
      writeFileSync(path, bytes());
      const e = new LlmEnricher({
        config: cfg(),
        modelPath: path,
        createBackend: () => new NodeLlamaCppBackend({ gpu: false, threads: 1 }),
        log: () => {},
      });
      const out: EnrichmentOutcome[] = [];
      e.onOutcome((o) => out.push(o));
      const st = await e.start();
      console.log(`${name}: ${st.detail}`);
      expect(st.mode).toBe('template-only');
      expect(st.detail).toMatch(/^model failed to load: .+/);
      expect(st.detail).toMatch(name.startsWith('random') ? /GGUF magic/ : /not within the file bounds/);
      expect(() => e.submit(makeRequest('kick'), T0)).not.toThrow();
      await new Promise((r) => setTimeout(r, 50));
      expect(out.every((o) => o.kind === 'fallback')).toBe(true);
      expect(e.status().mode).toBe('template-only');
      await e.dispose();
    });
  }
});

/**
 * A 1 ms timer loop standing in for packet handling: each tick does synchronous work of the
 * size of one packet's physics and records how long that work took (the per-packet latency the
 * pipeline measures) and how late the tick fired (event-loop responsiveness).
 */
async function packetLoop(durationMs: number): Promise<{ work: number[]; late: number[] }> {
  const work: number[] = [];
  const late: number[] = [];
  const end = performance.now() + durationMs;
  let expected = performance.now() + 1;
  let sink = 0;
  await new Promise<void>((resolve) => {
    const step = (): void => {
      const start = performance.now();
      late.push(start - expected);
      for (let i = 0; i < 20_000; i++) sink += Math.sqrt(i * start);
      const now = performance.now();
      work.push(now - start);
      if (now >= end) {
        resolve();
        return;
      }
      expected = now + 1;
      setTimeout(step, 1);
    };
    setTimeout(step, 1);
  });
  if (sink === -1) console.log(sink);
  return { work, late };
}

function p99(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.99))];
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

describe('hot path while the real model generates', () => {
  it('per-packet p99 with inference running stays within 10 % (or 0.5 ms) of without', async () => {
    const backend = new NodeLlamaCppBackend({ gpu: false, threads: 1 });
    await backend.load(goodPath);
    const prompt = buildPrompt(makeRequest('kick'));
    const ac = new AbortController();
    let generations = 0;
    let generating = true;
    const generateLoop = async (): Promise<void> => {
      while (generating) {
        await backend
          .generateJson(prompt, ADVISORY_JSON_SCHEMA, { maxTokens: 2600, temperature: 0.3, signal: ac.signal, seed: generations })
          .catch(() => undefined);
        generations++;
      }
    };

    const before = await packetLoop(1500);
    const gen = generateLoop();
    await new Promise((r) => setTimeout(r, 100)); // let the first prompt evaluation start
    const during = await packetLoop(1500);
    generating = false;
    ac.abort();
    await gen;
    const after = await packetLoop(1500);
    await backend.dispose();

    const fmt = (x: number) => x.toFixed(3);
    console.log(
      `per-packet work p99: before ${fmt(p99(before.work))} ms, during inference ${fmt(p99(during.work))} ms, after ${fmt(p99(after.work))} ms\n` +
        `tick lateness p99: ${fmt(p99(before.late))} / ${fmt(p99(during.late))} / ${fmt(p99(after.late))} ms; ` +
        `mean ${fmt(mean(before.late))} / ${fmt(mean(during.late))} / ${fmt(mean(after.late))} ms; ` +
        `ticks ${before.work.length}/${during.work.length}/${after.work.length}; generations during run: ${generations}`,
    );
    expect(generations).toBeGreaterThanOrEqual(1);
    const base = Math.max(p99(before.work), p99(after.work));
    expect(p99(during.work)).toBeLessThanOrEqual(Math.max(base * 1.1, base + 0.5));
    // The loop is never starved: no tick waits anywhere near a packet period (1 s at 1 Hz).
    expect(p99(during.late)).toBeLessThan(50);
  });
});
