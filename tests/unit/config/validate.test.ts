import { readFileSync } from 'node:fs';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src-shared/config.js';
import { validateConfig } from '../../../src-main/config/validate.js';

const DEFAULT_TOML = new URL('../../../resources/well_config.default.toml', import.meta.url);

function errorKeys(input: unknown): string[] {
  return validateConfig(input).errors.map((e) => e.key);
}

describe('validateConfig', () => {
  it('accepts the defaults with no errors and no warnings', () => {
    const v = validateConfig({});
    expect(v.ok).toBe(true);
    expect(v.errors).toEqual([]);
    expect(v.warnings).toEqual([]);
    expect(v.config).toEqual(defaultConfig());
  });

  it('the shipped default TOML parses to exactly defaultConfig()', () => {
    const raw = parse(readFileSync(DEFAULT_TOML, 'utf8'));
    const v = validateConfig(raw);
    expect(v.errors).toEqual([]);
    expect(v.config).toEqual(defaultConfig());
  });

  it('the shipped default TOML documents every key with a comment on the line above', () => {
    const lines = readFileSync(DEFAULT_TOML, 'utf8').split('\n');
    const undocumented = lines
      .map((l, i) => ({ l, prev: lines[i - 1] ?? '' }))
      .filter(({ l }) => /^[a-z_0-9]+\s*=/.test(l))
      .filter(({ prev }) => !prev.startsWith('#'))
      .map(({ l }) => l);
    expect(undocumented).toEqual([]);
  });

  it('rejects an unknown key with its dotted name', () => {
    const v = validateConfig({ thresholds: { well_control: { flow_imbalance_bogus_gpm: 3 } } });
    expect(v.ok).toBe(false);
    expect(v.config).toBeNull();
    expect(v.errors[0].key).toBe('thresholds.well_control.flow_imbalance_bogus_gpm');
    expect(v.errors[0].message).toMatch(/unknown key/);
  });

  it('keeps the pit windows usable: rate window 20-900 s, gain window not shorter than it', () => {
    expect(errorKeys({ physics: { pit_rate_window_s: 5 } })).toEqual(['physics.pit_rate_window_s']);
    expect(errorKeys({ physics: { pit_rate_window_s: 120, pit_gain_window_s: 60 } })).toEqual(['physics.pit_gain_window_s']);
    expect(errorKeys({ physics: { pit_rate_window_s: 120, pit_gain_window_s: 900 } })).toEqual([]);
  });

  it('keeps recall and fleet queue sizes whole and within range', () => {
    expect(errorKeys({ knowledge: { recall_capacity: 50 } })).toEqual(['knowledge.recall_capacity']);
    expect(errorKeys({ knowledge: { recall_capacity: 2500.5 } })).toEqual(['knowledge.recall_capacity']);
    expect(errorKeys({ knowledge: { recall_capacity: 200_000, recall_enabled: false } })).toEqual(['knowledge.recall_capacity']);
    expect(errorKeys({ fleet: { queue_capacity: 5 } })).toEqual(['fleet.queue_capacity']);
    expect(errorKeys({ knowledge: { recall_capacity: 100 }, fleet: { queue_capacity: 100_000 } })).toEqual([]);
    expect(validateConfig({ knowledge: { recall_capacity: 50 } }).errors[0].message).toBe('knowledge.recall_capacity: must be a whole number within 100 to 100000 episodes (got 50)');
  });

  it('names the key of a wrong type', () => {
    expect(errorKeys({ thresholds: { well_control: { flow_imbalance_critical_gpm: 'high' } } })).toEqual([
      'thresholds.well_control.flow_imbalance_critical_gpm',
    ]);
  });

  const pairCases: [string, unknown, string][] = [
    ['flow', { thresholds: { well_control: { flow_imbalance_critical_gpm: 5 } } }, 'thresholds.well_control.flow_imbalance_critical_gpm'],
    ['pit gain', { thresholds: { well_control: { pit_gain_critical_bbl: 4 } } }, 'thresholds.well_control.pit_gain_critical_bbl'],
    ['pit rate', { thresholds: { well_control: { pit_rate_critical_bbl_hr: 4 } } }, 'thresholds.well_control.pit_rate_critical_bbl_hr'],
    ['gas', { thresholds: { well_control: { gas_units_critical: 50 } } }, 'thresholds.well_control.gas_units_critical'],
    ['h2s', { thresholds: { well_control: { h2s_critical_ppm: 5 } } }, 'thresholds.well_control.h2s_critical_ppm'],
    ['spp', { thresholds: { hydraulics: { spp_deviation_critical_psi: 50 } } }, 'thresholds.hydraulics.spp_deviation_critical_psi'],
    ['torque', { thresholds: { mechanical: { torque_increase_critical: 0.1 } } }, 'thresholds.mechanical.torque_increase_critical'],
    ['stick-slip', { thresholds: { mechanical: { stick_slip_cv_critical: 0.05 } } }, 'thresholds.mechanical.stick_slip_cv_critical'],
    ['founder', { thresholds: { founder: { severity_high: 0.2 } } }, 'thresholds.founder.severity_high'],
    ['campaign flow', { campaign: { plug_abandonment: { flow_imbalance_critical: 3 } } }, 'campaign.plug_abandonment.flow_imbalance_critical'],
  ];
  it.each(pairCases)('critical below warning (%s) names the critical key', (_name, input, key) => {
    const v = validateConfig(input);
    expect(v.ok).toBe(false);
    expect(v.errors.map((e) => e.key)).toEqual([key]);
    expect(v.errors[0].message).toMatch(/must be >=/);
  });

  it('ECD critical must be below warning', () => {
    const v = validateConfig({ thresholds: { hydraulics: { ecd_margin_critical_ppg: 0.5 } } });
    expect(v.errors.map((e) => e.key)).toEqual(['thresholds.hydraulics.ecd_margin_critical_ppg']);
    expect(v.errors[0].message).toMatch(/must be </);
  });

  it('MSE warning must be above poor', () => {
    expect(errorKeys({ thresholds: { mse: { efficiency_poor_percent: 75 } } })).toEqual([
      'thresholds.mse.efficiency_warning_percent',
    ]);
    expect(errorKeys({ campaign: { production: { mse_efficiency_poor: 80 } } })).toEqual([
      'campaign.production.mse_efficiency_warning',
    ]);
  });

  it('weights must sum to 1 within ±0.01', () => {
    const v = validateConfig({ campaign: { plug_abandonment: { weight_mse: 0.3 } } });
    expect(v.errors.map((e) => e.key)).toEqual(['campaign.plug_abandonment']);
    expect(v.errors[0].message).toMatch(/sum to 1.*sum 1\.2/);
    // 1.005 is inside the tolerance.
    expect(validateConfig({ campaign: { plug_abandonment: { weight_mse: 0.105 } } }).ok).toBe(true);
  });

  it('ensemble weights must sum to 1, and differing from production weights warns', () => {
    expect(errorKeys({ ensemble_weights: { mse: 0.5 } })).toEqual(['ensemble_weights']);
    const v = validateConfig({ ensemble_weights: { mse: 0.25, formation: 0.1 } });
    expect(v.ok).toBe(true);
    expect(v.warnings.map((w) => w.key)).toEqual(['ensemble_weights']);
  });

  it('sigma rules', () => {
    expect(errorKeys({ baseline_learning: { critical_sigma: 2 } })).toEqual(['baseline_learning.critical_sigma']);
    expect(errorKeys({ baseline_learning: { warning_sigma: 0, critical_sigma: 5 } })).toEqual(['baseline_learning.warning_sigma']);
    expect(errorKeys({ baseline_learning: { min_samples_for_lock: 0 } })).toEqual(['baseline_learning.min_samples_for_lock']);
  });

  it('physical ranges: bit, normal mud weight (errors), fracture gradient (warning)', () => {
    expect(errorKeys({ well: { bit_diameter_inches: 1.5 } })).toEqual(['well.bit_diameter_inches']);
    expect(errorKeys({ well: { bit_diameter_inches: 40 } })).toEqual(['well.bit_diameter_inches']);
    expect(errorKeys({ thresholds: { hydraulics: { normal_mud_weight_ppg: 30 } } })).toEqual(['thresholds.hydraulics.normal_mud_weight_ppg']);
    const fg = validateConfig({ thresholds: { hydraulics: { fracture_gradient_ppg: 27 } } });
    expect(fg.ok).toBe(true);
    expect(fg.warnings.map((w) => w.key)).toEqual(['thresholds.hydraulics.fracture_gradient_ppg']);
  });

  it('absent_channels must name real channels; absent_after_s within 60-7200 s', () => {
    expect(validateConfig({ acquisition: { absent_channels: ['flowOutGpm', 'gasUnits'] } }).ok).toBe(true);
    const v = validateConfig({ acquisition: { absent_channels: ['flowOutGpm', 'flow_out'] } });
    expect(v.errors.map((e) => e.key)).toEqual(['acquisition.absent_channels.1']);
    expect(v.errors[0].message).toMatch(/"flow_out" is not a channel name/);
    expect(validateConfig({ acquisition: { absent_after_s: 10 } }).errors.map((e) => e.message)).toEqual(['acquisition.absent_after_s: must be within 60 to 7200 s (got 10)']);
    expect(validateConfig({ acquisition: { absent_channels: 'flowOutGpm' } }).ok).toBe(false);
  });

  it('[trip]: the pipe is a pipe (ID < OD), critical limits at or beyond their warning, ranges from the schema', () => {
    expect(validateConfig({ trip: { pipe_od_in: 3.5, pipe_id_in: 2.764, pipe_closed_end: true } }).ok).toBe(true);
    const v = validateConfig({ trip: { pipe_od_in: 4, pipe_id_in: 4.5, gain_warning_bbl: 3, gain_critical_bbl: 2, loss_warning_bbl: 6, loss_critical_bbl: 5 } });
    expect(v.errors.map((e) => e.key)).toEqual(['trip.pipe_id_in', 'trip.gain_critical_bbl', 'trip.loss_critical_bbl']);
    expect(validateConfig({ trip: { transfer_rate_bbl_min: 0 } }).errors.map((e) => e.message)).toEqual(['trip.transfer_rate_bbl_min: must be within 1 to 100 bbl/min (got 0)']);
  });

  it('channel_overrides must name real channels', () => {
    expect(validateConfig({ acquisition: { channel_overrides: { '0150': 'ecdPpg' } } }).ok).toBe(true);
    const v = validateConfig({ acquisition: { channel_overrides: { '0150': 'ecd' } } });
    expect(v.errors.map((e) => e.key)).toEqual(['acquisition.channel_overrides.0150']);
    expect(v.errors[0].message).toMatch(/not a channel name/);
  });

  it('a non-loopback server with an empty token warns', () => {
    const v = validateConfig({ server: { host: '0.0.0.0' } });
    expect(v.ok).toBe(true);
    expect(v.warnings.map((w) => w.key)).toEqual(['server.token']);
    expect(validateConfig({ server: { host: '0.0.0.0', token: 's3cret' } }).warnings).toEqual([]);
  });

  it('collects several errors at once and never throws on garbage', () => {
    const v = validateConfig({
      well: { bit_diameter_inches: 50 },
      baseline_learning: { critical_sigma: 1 },
    });
    expect(v.errors.map((e) => e.key).sort()).toEqual(['baseline_learning.critical_sigma', 'well.bit_diameter_inches']);
    expect(validateConfig('nonsense').ok).toBe(false);
    expect(validateConfig(null).ok).toBe(true);
  });
});
