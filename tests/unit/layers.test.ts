import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The layer rules are lint rules; prove they bite by linting a file that breaks one.
describe('import boundaries (ARCHITECTURE.md)', () => {
  it('rejects electron imported by the engine outside src-main/electron', () => {
    const dir = mkdtempSync(join(process.cwd(), 'src-main/.lint-probe-'));
    const file = join(dir, 'probe.ts');
    writeFileSync(file, "import { app } from 'electron';\nexport const x = app;\n");
    try {
      let out = '';
      try {
        execFileSync('npx', ['eslint', '--no-warn-ignored', file], { encoding: 'utf8', stdio: 'pipe' });
      } catch (e) {
        out = String((e as { stdout?: string }).stdout);
      }
      expect(out).toContain('Only src-main/electron/ may import electron');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects node built-ins in the renderer', () => {
    mkdirSync(join(process.cwd(), 'src-renderer'), { recursive: true });
    const dir = mkdtempSync(join(process.cwd(), 'src-renderer/.lint-probe-'));
    const file = join(dir, 'probe.ts');
    writeFileSync(file, "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n");
    try {
      let out = '';
      try {
        execFileSync('npx', ['eslint', '--no-warn-ignored', file], { encoding: 'utf8', stdio: 'pipe' });
      } catch (e) {
        out = String((e as { stdout?: string }).stdout);
      }
      expect(out).toContain('no Node built-ins');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
