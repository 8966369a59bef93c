import { describe, expect, it } from 'vitest';
import { thresholdsFor } from '../../../src-main/physics/thresholds.js';
import { defaultConfig } from '../../../src-shared/config.js';
import {
  CampaignController,
  InvalidWeightsError,
  weightsFor,
} from '../../../src-main/config/campaign-controller.js';
import { ConfigStore, type ConfigUpdateEvent } from '../../../src-main/config/config-store.js';
import { mergeConfig } from '../../../src-main/config/merge.js';

describe('mergeConfig', () => {
  it('deep-merges one key and keeps the rest', () => {
    const r = mergeConfig(defaultConfig(), { thresholds: { well_control: { flow_imbalance_warning_gpm: 12 } } });
    expect(r.ok).toBe(true);
    expect(r.config?.thresholds.well_control.flow_imbalance_warning_gpm).toBe(12);
    expect(r.config?.thresholds.well_control.flow_imbalance_critical_gpm).toBe(20);
  });

  it('validates the merged result (a cross-field rule broken by an update)', () => {
    const r = mergeConfig(defaultConfig(), { thresholds: { well_control: { flow_imbalance_warning_gpm: 25 } } });
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => e.key)).toEqual(['thresholds.well_control.flow_imbalance_critical_gpm']);
  });

  it('rejects a non-object update', () => {
    expect(mergeConfig(defaultConfig(), 42).ok).toBe(false);
  });
});

describe('ConfigStore', () => {
  it('applies a valid update, reports the diff and tells listeners', () => {
    const store = new ConfigStore(defaultConfig());
    const events: ConfigUpdateEvent[] = [];
    store.onChange((e) => events.push(e));
    const r = store.update({ advisory: { critical_cooldown_seconds: 45 } }, 'engineer', 1_000);
    expect(r.ok).toBe(true);
    expect(r.changes).toEqual([{ key: 'advisory.critical_cooldown_seconds', before: 30, after: 45 }]);
    expect(store.get().advisory.critical_cooldown_seconds).toBe(45);
    expect(events).toHaveLength(1);
    expect(events[0].actor).toBe('engineer');
    expect(events[0].timeMs).toBe(1_000);
  });

  it('keeps the old config on a rejected update and does not notify', () => {
    const store = new ConfigStore(defaultConfig());
    let calls = 0;
    store.onChange(() => calls++);
    const r = store.update({ well: { bit_diameter_inches: 99 } }, 'x', 0);
    expect(r.ok).toBe(false);
    expect(r.errors[0].key).toBe('well.bit_diameter_inches');
    expect(store.get().well.bit_diameter_inches).toBe(8.5);
    expect(calls).toBe(0);
  });
});

describe('campaigns', () => {
  it('switches by any accepted name and records who and when', () => {
    const c = new CampaignController();
    const seen: string[] = [];
    c.onSwitch((ch) => seen.push(`${ch.from}->${ch.to}`));
    const r = c.switch('P&A', 'company man', 5_000);
    expect(r.ok).toBe(true);
    expect(c.get()).toBe('plug_abandonment');
    expect(c.history()).toEqual([{ timeMs: 5_000, actor: 'company man', from: 'production', to: 'plug_abandonment' }]);
    expect(c.switch('prod', 'driller', 6_000).ok).toBe(true);
    expect(seen).toEqual(['production->plug_abandonment', 'plug_abandonment->production']);
  });

  it('same campaign is a no-op; an unknown name is a clear error', () => {
    const c = new CampaignController('production');
    const same = c.switch('drilling', 'x', 1);
    expect(same.ok && same.change).toBeNull();
    const bad = c.switch('workover', 'x', 2);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/unknown campaign "workover"/);
    expect(c.history()).toEqual([]);
  });

  it('weights differ by campaign and sum to 1', () => {
    const cfg = defaultConfig();
    const prod = weightsFor(cfg, 'production');
    const pa = weightsFor(cfg, 'plug_abandonment');
    expect(prod.wellControl).toBe(0.3);
    expect(pa.wellControl).toBe(0.4);
    for (const w of [prod, pa]) {
      expect(w.mse + w.hydraulic + w.wellControl + w.formation + w.stuckPipe).toBeCloseTo(1, 9);
    }
  });

  it('weightsFor throws InvalidWeightsError naming the section', () => {
    const cfg = defaultConfig();
    cfg.campaign.production.weight_mse = 0.5;
    expect(() => weightsFor(cfg, 'production')).toThrow(InvalidWeightsError);
    expect(() => weightsFor(cfg, 'production')).toThrow(/campaign\.production: .*sum 1\.3/);
  });

  it('campaign thresholds: P&A is tighter on flow and looser on MSE', () => {
    const cfg = defaultConfig();
    expect(thresholdsFor(cfg, 'plug_abandonment').flowImbalanceWarningGpm).toBe(5);
    expect(thresholdsFor(cfg, 'production').flowImbalanceWarningGpm).toBe(10);
    expect(thresholdsFor(cfg, 'plug_abandonment').mseEfficiencyPoorPercent).toBe(30);
  });
});
