import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkConfigFile } from '../../../src-main/cli/check-config.js';
import { parseHeadlessArgs } from '../../../src-main/cli/headless-args.js';

const dir = mkdtempSync(join(tmpdir(), 'sairen-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function check(toml: string): { code: number; lines: string[] } {
  const path = join(dir, `c${Math.random().toString(36).slice(2)}.toml`);
  writeFileSync(path, toml);
  const lines: string[] = [];
  return { code: checkConfigFile(path, (l) => lines.push(l)), lines };
}

describe('--check-config', () => {
  it('is parsed as its own mode', () => {
    const r = parseHeadlessArgs(['--check-config', 'well_config.toml']);
    expect(r.ok && r.options.checkConfig).toBe('well_config.toml');
  });

  it('accepts the shipped defaults', () => {
    const lines: string[] = [];
    expect(checkConfigFile('resources/well_config.default.toml', (l) => lines.push(l))).toBe(0);
    expect(lines.at(-1)).toContain('valid (0 warnings)');
  });

  it('names each broken key once, with the rule, and exits 1', () => {
    const r = check('[thresholds.well_control]\nflow_imbalance_critical_gpm = 5\n[well]\nbit_diameter_inches = 50\n');
    expect(r.code).toBe(1);
    expect(r.lines).toContain('error   thresholds.well_control.flow_imbalance_critical_gpm: must be >= thresholds.well_control.flow_imbalance_warning_gpm (5 < 10)');
    expect(r.lines.some((l) => l.startsWith('error   well.bit_diameter_inches: must be within 2 to 36 in'))).toBe(true);
    expect(r.lines.at(-1)).toContain('NOT valid (2 errors)');
  });

  it('reports a TOML syntax error and a missing file without a stack trace', () => {
    expect(check('this = = not toml').lines.join('\n')).toMatch(/TOML syntax error at line 1, column \d+/);
    const lines: string[] = [];
    expect(checkConfigFile(join(dir, 'missing.toml'), (l) => lines.push(l))).toBe(1);
    expect(lines[0]).toContain('cannot read the file');
  });
});
