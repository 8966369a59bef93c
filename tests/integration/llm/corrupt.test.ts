// Corrupt model files through the real node-llama-cpp: the reason is shown and advisories keep
// coming from templates. (The hot path while the model generates is `npm run bench:llm`.)
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig, type WellConfig } from '../../../src-shared/config.js';
import type { EnrichmentOutcome } from '../../../src-main/llm/enricher.js';
import { LlmEnricher } from '../../../src-main/llm/llm-enricher.js';
import { NodeLlamaCppBackend } from '../../../src-main/llm/node-llama-cpp-backend.js';
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
