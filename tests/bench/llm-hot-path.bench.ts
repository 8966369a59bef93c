// `npm run bench:llm`: the per-packet work and timer lateness of a 1 ms loop standing in for
// packet handling, before, during and after the real tiny GGUF model generates on the CPU.
// Prints figures; asserts nothing (speed is measured here, not in tests).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeLlamaCppBackend } from '../../src-main/llm/node-llama-cpp-backend.js';
import { ADVISORY_JSON_SCHEMA } from '../../src-main/llm/output-schema.js';
import { buildPrompt } from '../../src-main/llm/prompt.js';
import { makeTinyGguf } from '../fixtures/gguf/make-tiny-gguf.js';
import { makeRequest } from '../unit/llm/fixtures.js';

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

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sairen-llm-bench-'));
  const goodPath = makeTinyGguf(dir).path;
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
  rmSync(dir, { recursive: true, force: true });
}

await main();
