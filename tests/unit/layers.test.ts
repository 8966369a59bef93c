import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

/** Lints `source` as if it were a file in `folder` and returns the messages eslint gives. */
async function lintProbe(folder: string, source: string): Promise<string> {
  const [result] = await eslint.lintText(source, { filePath: join(process.cwd(), folder, 'lint-probe.ts') });
  return result.messages.map((m) => m.message).join('\n');
}

// The layer rules are lint rules; prove they bite by linting files that break them.
describe('import boundaries (ARCHITECTURE.md)', () => {
  it('rejects electron imported by the engine outside src-main/electron', async () => {
    const out = await lintProbe('src-main', "import { app } from 'electron';\nexport const x = app;\n");
    expect(out).toContain('Only src-main/electron/ may import electron');
  });

  it('rejects node built-ins in the renderer', async () => {
    const out = await lintProbe('src-renderer', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n");
    expect(out).toContain('no Node built-ins');
  });

  it('rejects the renderer importing engine code', async () => {
    const out = await lintProbe('src-renderer', "import { createEngine } from '../../src-main/app/create-engine.js';\nexport const x = createEngine;\n");
    expect(out).toContain('only through src-shared/bridge.ts');
  });

});

describe('the pure core (physics, agents, advisory, ml stages)', () => {
  it('rejects an import from the pipeline or storage', async () => {
    const out = await lintProbe('src-main/physics', "import { PipelineCoordinator } from '../../pipeline/coordinator.js';\nexport const x = PipelineCoordinator;\n");
    expect(out).toContain('imports nothing from the I/O layers');
  });

  it('rejects node built-ins', async () => {
    const out = await lintProbe('src-main/agents', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n");
    expect(out).toContain('The pure core does no I/O');
  });

  it('rejects reading the clock or Math.random', async () => {
    const out = await lintProbe('src-main/advisory', 'export const a = Date.now();\nexport const b = new Date();\nexport const c = Math.random();\n');
    expect(out.match(/reads no clock/g)?.length).toBe(2);
    expect(out).toContain('no Math.random');
  });

  it('accepts a Date built from data time', async () => {
    expect(await lintProbe('src-main/physics', 'export const f = (t: number) => new Date(t).toISOString();\n')).toBe('');
  });
});
