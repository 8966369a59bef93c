// The pure-core lint rule (eslint.config.js) covers the ML stages: prove it bites in src-main/ml,
// and that the worker thread, its runner and the scheduler (the I/O edge) are outside it.
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();
async function lint(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: join(process.cwd(), 'src-main/ml', file) });
  return result.messages.map((m) => `${m.line}: ${m.message}`);
}

describe('ML stages are pure (lint)', () => {
  it('rejects a clock, randomness and I/O in a stage, accepts a date taken from the data', async () => {
    const out = await lint(
      'probe-stage.ts',
      "import { readFileSync } from 'node:fs';\nimport { MemoryStore } from '../storage/memory-store.js';\n" +
        'export const a = Date.now();\nexport const b = new Date();\nexport const c = Math.random();\nexport const d = [readFileSync, MemoryStore];\n' +
        'export const iso = (ms: number): string => new Date(ms).toISOString();\n',
    );
    const text = out.join('\n');
    expect(text).toContain('reads no clock');
    expect(text).toContain('no Math.random');
    expect(text).toContain('no Node built-ins');
    expect(text).toContain('imports nothing from the I/O layers');
    expect(out.filter((m) => m.startsWith('7:'))).toEqual([]);
  });

  it('the worker thread and its runner may use worker_threads and time the analysis', async () => {
    const src = "import { Worker } from 'node:worker_threads';\nexport const w = Worker;\nexport const t = performance.now();\n";
    expect(await lint('worker-runner.ts', src)).toEqual([]);
  });
});
