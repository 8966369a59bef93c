// The ML stages' purity is a lint rule (eslint.config.js); prove it bites on files that break it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function lintMl(source: string): string {
  const dir = mkdtempSync(join(process.cwd(), 'src-main/ml', '.lint-probe-'));
  const file = join(dir, 'probe.ts');
  writeFileSync(file, source);
  try {
    execFileSync('npx', ['eslint', '--no-warn-ignored', file], { encoding: 'utf8', stdio: 'pipe' });
    return '';
  } catch (e) {
    return String((e as { stdout?: string }).stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('ML stages are pure (lint)', () => {
  it('rejects a clock, randomness and I/O in src-main/ml, accepts a date taken from the data', () => {
    const out = lintMl(
      "import { readFileSync } from 'node:fs';\nimport { MemoryStore } from '../../storage/memory-store.js';\n" +
        'export const a = Date.now();\nexport const b = new Date();\nexport const c = Math.random();\nexport const d = [readFileSync, MemoryStore];\n' +
        'export const iso = (ms: number): string => new Date(ms).toISOString();\n',
    );
    expect(out).toContain('ML stages read no clock');
    expect(out).toContain('no Math.random');
    expect(out).toContain('no Node built-ins');
    expect(out).toContain("nothing from the engine's I/O edges");
    expect(out).not.toMatch(/^\s*7:/m); // line 7, new Date(ms), is fine
  });
});
