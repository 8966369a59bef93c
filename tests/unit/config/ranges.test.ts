// Issue 9 item 7: every numeric key has a physical range with its unit in the shared schema,
// so the API, the Bridge, Settings and --check-config refuse the same values; safety limits
// (feed timeout, well-control thresholds, cooldowns) have hard maximums.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src-shared/config.js';
import { createEngine } from '../../../src-main/app/create-engine.js';
import { checkConfigFile } from '../../../src-main/cli/check-config.js';
import { validateConfig } from '../../../src-main/config/validate.js';
import { MemoryStore } from '../../../src-main/storage/memory-store.js';

const DEFAULT_TOML = new URL('../../../resources/well_config.default.toml', import.meta.url);

function setAt(key: string, value: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let node = out;
  const parts = key.split('.');
  for (const p of parts.slice(0, -1)) node = (node[p] = {}) as Record<string, unknown>;
  node[parts[parts.length - 1]] = value;
  return out;
}

function numericKeys(obj: unknown, prefix = ''): string[] {
  if (typeof obj === 'number') return [prefix];
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return [];
  return Object.entries(obj).flatMap(([k, v]) => numericKeys(v, prefix ? `${prefix}.${k}` : k));
}

const refusal = (key: string, value: number) => validateConfig(setAt(key, value)).errors.find((e) => e.key === key)?.message ?? null;

describe('physical ranges in the schema', () => {
  it.each([
    ['thresholds.well_control.flow_imbalance_warning_gpm', -5],
    ['thresholds.well_control.pit_gain_warning_bbl', -2],
    ['campaign.production.flow_imbalance_warning', -1],
    ['acquisition.feed_timeout_s', 1e9],
    ['acquisition.feed_timeout_s', -1],
    ['advisory.critical_cooldown_seconds', 1e300],
    ['storage.metrics_retention_days', -1],
    ['storage.metrics_retention_days', 0],
    ['storage.metrics_flush_ms', 0],
    ['storage.metrics_flush_ms', -5],
  ])('%s = %d is refused, naming the range and its unit', (key, value) => {
    expect(refusal(key, value)).toMatch(new RegExp(`^${key.replace(/\./g, '\\.')}: must be (a whole number )?within -?[\\d.]+ to [\\d.]+ \\S`));
  });

  it('hard maximums on the safety limits', () => {
    expect(refusal('acquisition.feed_timeout_s', 301)).toMatch(/within 2 to 300 s/);
    expect(refusal('advisory.critical_cooldown_seconds', 601)).toMatch(/within 0 to 600 s/);
    expect(refusal('thresholds.well_control.flow_imbalance_critical_gpm', 100_000)).toMatch(/within 1 to 200 gpm/);
    expect(refusal('thresholds.well_control.pit_gain_critical_bbl', 51)).toMatch(/within 0.5 to 50 bbl/);
    expect(refusal('acquisition.feed_timeout_s', 300)).toBeNull();
  });

  it('every numeric key has a range both ways (no key accepts ±1e15)', () => {
    const keys = numericKeys(defaultConfig());
    expect(keys.length).toBeGreaterThan(120);
    const unranged = keys.filter((k) => refusal(k, 1e15) === null || refusal(k, -1e15) === null);
    expect(unranged).toEqual([]);
  });

  it('the default TOML states each numeric key\'s range with its unit, as the schema does', () => {
    const lines = fs.readFileSync(DEFAULT_TOML, 'utf8').split('\n');
    let section = '';
    const wrong: string[] = [];
    lines.forEach((line, i) => {
      const h = /^\[([a-z_.]+)\]$/.exec(line);
      if (h) section = h[1];
      const m = /^([a-z_0-9]+)\s*=\s*-?[\d.]/.exec(line);
      if (!m) return;
      const key = `${section}.${m[1]}`;
      const stated = / within (.+?) \(got/.exec(refusal(key, 1e15) ?? '')?.[1];
      if (!stated || !lines[i - 1].includes(`Range ${stated}.`)) wrong.push(`${key}: schema says ${stated}; comment: ${lines[i - 1]}`);
    });
    expect(wrong).toEqual([]);
  });

  it('--check-config fails a file with metrics_retention_days = -1, naming the key', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sairen-range-'));
    try {
      const file = path.join(dir, 'well_config.toml');
      fs.writeFileSync(file, '[storage]\nmetrics_retention_days = -1\n');
      const out: string[] = [];
      expect(checkConfigFile(file, (l) => out.push(l))).toBe(1);
      expect(out.join('\n')).toMatch(/storage\.metrics_retention_days: must be within 1 to 3650 days \(got -1\)/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the engine (API, Bridge, Settings) refuses the same values and changes nothing', async () => {
    const engine = createEngine(defaultConfig(), { storage: new MemoryStore(), healthIntervalMs: 0 });
    await engine.start();
    try {
      const r = await engine.call('applyConfig', { config: { acquisition: { feed_timeout_s: 1e9 }, advisory: { critical_cooldown_seconds: 1e300 } }, actor: 'CM' });
      expect(r.ok && r.value.applied).toBe(false);
      expect(r.ok && r.value.errors.map((e) => e.key).sort()).toEqual(['acquisition.feed_timeout_s', 'advisory.critical_cooldown_seconds']);
      expect(engine.config().acquisition.feed_timeout_s).toBe(30);
    } finally {
      await engine.dispose();
    }
  });

  it('reports the rules between keys in the same pass as a key out of range', () => {
    const v = validateConfig({ well: { bit_diameter_inches: 50 }, baseline_learning: { critical_sigma: 2 } });
    expect(v.errors.map((e) => e.key).sort()).toEqual(['baseline_learning.critical_sigma', 'well.bit_diameter_inches']);
  });
});
