import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Lints a throw-away file placed in `folder` and returns what eslint printed. */
function lintProbe(folder: string, source: string): string {
  mkdirSync(join(process.cwd(), folder), { recursive: true });
  const dir = mkdtempSync(join(process.cwd(), folder, '.lint-probe-'));
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

// The layer rules are lint rules; prove they bite by linting files that break them.
describe('import boundaries (ARCHITECTURE.md)', () => {
  it('rejects electron imported by the engine outside src-main/electron', () => {
    const out = lintProbe('src-main', "import { app } from 'electron';\nexport const x = app;\n");
    expect(out).toContain('Only src-main/electron/ may import electron');
  });

  it('rejects node built-ins in the renderer', () => {
    const out = lintProbe('src-renderer', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n");
    expect(out).toContain('no Node built-ins');
  });

  it('rejects the renderer importing engine code', () => {
    const out = lintProbe('src-renderer', "import { createEngine } from '../../src-main/app/create-engine.js';\nexport const x = createEngine;\n");
    expect(out).toContain('only through src-shared/bridge.ts');
  });
});
