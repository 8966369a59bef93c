import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src-shared/config.js';
import { readTextFileOrNull } from '../../../src-main/config/config-file.js';
import { loadConfig } from '../../../src-main/config/load.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sairen-cfg-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const load = (env: Record<string, string | undefined>) => loadConfig({ env, cwd: dir, readFile: readTextFileOrNull });

describe('loadConfig hierarchy', () => {
  it('no files -> built-in defaults, no errors', () => {
    const r = load({});
    expect(r.source).toBe('defaults');
    expect(r.path).toBeNull();
    expect(r.errors).toEqual([]);
    expect(r.config).toEqual(defaultConfig());
  });

  it('./well_config.toml is used when SAIREN_CONFIG is not set', () => {
    writeFileSync(join(dir, 'well_config.toml'), '[well]\nname = "CWD-1"\n');
    const r = load({});
    expect(r.source).toBe('cwd');
    expect(r.path).toBe(join(dir, 'well_config.toml'));
    expect(r.config.well.name).toBe('CWD-1');
  });

  it('SAIREN_CONFIG wins over ./well_config.toml', () => {
    writeFileSync(join(dir, 'well_config.toml'), '[well]\nname = "CWD-1"\n');
    const envFile = join(dir, 'other.toml');
    writeFileSync(envFile, '[well]\nname = "ENV-1"\n[thresholds.well_control]\nflow_imbalance_warning_gpm = 8\n');
    const r = load({ SAIREN_CONFIG: envFile });
    expect(r.source).toBe('env');
    expect(r.config.well.name).toBe('ENV-1');
    expect(r.config.thresholds.well_control.flow_imbalance_warning_gpm).toBe(8);
    expect(r.config.thresholds.well_control.flow_imbalance_critical_gpm).toBe(20);
  });

  it('an invalid file is reported with the key and defaults are used', () => {
    writeFileSync(
      join(dir, 'well_config.toml'),
      '[thresholds.well_control]\nflow_imbalance_warning_gpm = 30\nflow_imbalance_critical_gpm = 20\n',
    );
    const r = load({});
    expect(r.source).toBe('defaults');
    expect(r.config).toEqual(defaultConfig());
    expect(r.errors.map((e) => e.key)).toEqual(['thresholds.well_control.flow_imbalance_critical_gpm']);
    expect(r.warnings.some((w) => /using built-in defaults/.test(w.message))).toBe(true);
  });

  it('a TOML syntax error is reported, not thrown, naming the line and its text', () => {
    writeFileSync(join(dir, 'well_config.toml'), '[well]\nname = "F-7"\nbit_diameter_inches = = 8.5\n');
    const r = load({});
    expect(r.source).toBe('defaults');
    expect(r.errors[0].message).toMatch(/well_config\.toml: TOML syntax error at line 3, column \d+: .* \(in: bit_diameter_inches = = 8\.5\)$/);
  });

  it('a missing SAIREN_CONFIG file is an error, defaults are used', () => {
    const r = load({ SAIREN_CONFIG: join(dir, 'nope.toml') });
    expect(r.source).toBe('defaults');
    expect(r.errors[0].message).toMatch(/SAIREN_CONFIG=.*not found/);
  });

  it('CAMPAIGN env selects the starting campaign; a bad name warns', () => {
    expect(load({ CAMPAIGN: 'pa' }).config.campaign.active).toBe('plug_abandonment');
    const r = load({ CAMPAIGN: 'fishing' });
    expect(r.config.campaign.active).toBe('production');
    expect(r.warnings.map((w) => w.key)).toEqual(['CAMPAIGN']);
  });

  it('a read error other than not-found is reported', () => {
    const r = loadConfig({
      env: {},
      cwd: dir,
      readFile: () => {
        throw new Error('EACCES: permission denied');
      },
    });
    expect(r.source).toBe('defaults');
    expect(r.errors[0].message).toMatch(/cannot read: EACCES/);
  });
});
