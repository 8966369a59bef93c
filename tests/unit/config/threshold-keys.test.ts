// Every documented threshold key does what its name says: changing it changes the limit the
// engine applies (thresholdsFor), or the classification or physics it names, or validation
// says it has no effect. A new key that does none of these fails here.
import { describe, expect, it } from 'vitest';
import { defaultConfig, type WellConfig } from '../../../src-shared/config.js';
import type { Campaign } from '../../../src-shared/campaign.js';
import { makePacket, type WitsPacket } from '../../../src-shared/wits.js';
import { OperationClassifier } from '../../../src-main/acquisition/operation.js';
import { RigStateClassifier } from '../../../src-main/acquisition/rig-state.js';
import { mergeConfig } from '../../../src-main/config/merge.js';
import { NO_EFFECT_KEYS } from '../../../src-main/config/no-effect.js';
import { validateConfig } from '../../../src-main/config/validate.js';
import { detectKick, emptyDetectorInputs } from '../../../src-main/physics/detectors.js';
import { PhysicsEngine } from '../../../src-main/physics/engine.js';
import { HistoryBuffer, type HistoryEntry } from '../../../src-main/physics/history.js';
import { thresholdsFor } from '../../../src-main/physics/thresholds.js';
import { createRng } from '../../../src-main/simulator/prng.js';

type Leaf = { key: string; value: number };

function leaves(obj: unknown, prefix: string): Leaf[] {
  if (typeof obj === 'number') return [{ key: prefix, value: obj }];
  if (!obj || typeof obj !== 'object') return [];
  return Object.entries(obj).flatMap(([k, v]) => leaves(v, `${prefix}.${k}`));
}

function patchFor(key: string, value: number): Record<string, unknown> {
  return key.split('.').reduceRight<unknown>((inner, k) => ({ [k]: inner }), value) as Record<string, unknown>;
}

/** The config with `key` moved off its default in a direction validation accepts. */
function perturbed(key: string, value: number): WellConfig {
  const candidates = [value * 1.3, value * 0.7, value + 2, value - 1, value + 0.05, value - 0.05];
  for (const v of candidates) {
    const r = mergeConfig(defaultConfig(), patchFor(key, v));
    if (r.ok && r.config) return r.config;
  }
  throw new Error(`no valid change found for ${key}`);
}

/**
 * Seeded probe packets across drilling, tripping, circulating and idle ranges: runs of 6
 * packets with the same readings and a steady bit speed, so classifiers that need agreeing
 * packets or a moving bit see them.
 */
function probes(): WitsPacket[] {
  const rng = createRng(7);
  const u = (a: number, b: number) => a + (b - a) * rng.next();
  const out: WitsPacket[] = [];
  let t = 1_700_000_000_000;
  for (let run = 0; run < 800; run++) {
    const hole = u(5000, 10_000);
    let bit = hole - (rng.next() < 0.5 ? 0 : u(0, 300));
    const speedFtPerS = rng.next() < 0.4 ? u(-1.5, 1.5) : 0;
    const v = {
      ropFtHr: u(-5, 120), wobKlbf: u(0, 40), rpm: rng.next() < 0.4 ? u(0, 8) : u(0, 200), torqueKftLbf: u(0, 30), hookLoadKlbf: u(0, 400),
      sppPsi: u(0, 4000), flowInGpm: rng.next() < 0.3 ? u(0, 150) : u(0, 800), mudWeightInPpg: u(9, 14),
    };
    for (let i = 0; i < 6; i++) {
      t += 1000;
      bit += speedFtPerS;
      out.push(makePacket(t, { ...v, bitDepthFt: bit, holeDepthFt: Math.max(hole, bit) }));
    }
  }
  return out;
}

const PROBES = probes();

function rigStates(c: WellConfig): string[] {
  const k = new RigStateClassifier(c.thresholds.rig_state);
  return PROBES.map((p) => k.classify({ ...p }));
}

function operations(c: WellConfig, campaign: Campaign): string[] {
  const k = new OperationClassifier(c.thresholds.operation_detection, campaign);
  return PROBES.map((p) => k.classify({ ...p, rigState: 'Drilling' }));
}

function physics(c: WellConfig): string {
  const engine = new PhysicsEngine();
  const history = new HistoryBuffer<HistoryEntry>(60);
  const th = thresholdsFor(c, 'production');
  const out: unknown[] = [];
  for (const p of PROBES.slice(0, 200)) {
    const packet = { ...p, rigState: 'Drilling' as const, ecdPpg: null };
    const r = engine.analyze(packet, history, { config: c, thresholds: th, operation: 'ProductionDrilling' });
    out.push([r.metrics.dxc, r.metrics.ecdPpg, r.metrics.ecdMarginPpg, r.metrics.fractureGradientPpg]);
  }
  return JSON.stringify(out);
}

describe('every threshold key has an effect (or says it has none)', () => {
  const base = defaultConfig();
  const keys = [
    ...leaves(base.thresholds, 'thresholds'),
    ...leaves(base.campaign.plug_abandonment, 'campaign.plug_abandonment'),
  ];
  const baseline = {
    limits: { production: JSON.stringify(thresholdsFor(base, 'production')), pa: JSON.stringify(thresholdsFor(base, 'plug_abandonment')) },
    rig: JSON.stringify(rigStates(base)),
    op: JSON.stringify([operations(base, 'production'), operations(base, 'plug_abandonment')]),
    physics: physics(base),
  };

  for (const { key, value } of keys) {
    if (key.includes('.weight_')) continue; // weights: the orchestrator tests cover them
    it(key, () => {
      const c = perturbed(key, value);
      const effects: string[] = [];
      if (JSON.stringify(thresholdsFor(c, 'production')) !== baseline.limits.production) effects.push('production limits');
      if (JSON.stringify(thresholdsFor(c, 'plug_abandonment')) !== baseline.limits.pa) effects.push('P&A limits');
      if (key.startsWith('thresholds.rig_state.') && JSON.stringify(rigStates(c)) !== baseline.rig) effects.push('rig state');
      if (key.startsWith('thresholds.operation_detection.') && JSON.stringify([operations(c, 'production'), operations(c, 'plug_abandonment')]) !== baseline.op) {
        effects.push('operation');
      }
      if (key.startsWith('thresholds.hydraulics.') && physics(c) !== baseline.physics) effects.push('physics');
      const warned = validateConfig(c).warnings.some((w) => w.key === key && /no effect/.test(w.message));
      if (key in NO_EFFECT_KEYS) {
        expect(warned, `${key} is listed as having no effect: validation must say so`).toBe(true);
        expect(effects, `${key} is listed as having no effect but changed: ${effects.join(', ')}`).toEqual([]);
      } else {
        expect(effects.length, `${key} changed nothing the engine applies`).toBeGreaterThan(0);
      }
    });
  }
});

describe('the global flow-imbalance key reaches the kick detector (it used to be shadowed)', () => {
  const kickInputs = { ...emptyDetectorInputs(), pumpsSteady: true, flowBalanceGpm: 12, pitGainBbl: 6 };

  it('production: the global warning decides', () => {
    expect(detectKick(kickInputs, thresholdsFor(defaultConfig(), 'production'))).not.toBeNull();
    const raised = mergeConfig(defaultConfig(), { thresholds: { well_control: { flow_imbalance_warning_gpm: 15, flow_imbalance_critical_gpm: 25 } } });
    expect(raised.ok).toBe(true);
    expect(thresholdsFor(raised.config!, 'production').flowImbalanceWarningGpm).toBe(15);
    expect(detectKick(kickInputs, thresholdsFor(raised.config!, 'production'))).toBeNull();
    expect(raised.warnings.filter((w) => /no effect/.test(w.message))).toEqual([]);
  });

  it('P&A overrides it with its own tighter key, and validation says the global key has no effect there', () => {
    const r = mergeConfig(defaultConfig(), { campaign: { active: 'plug_abandonment' }, thresholds: { well_control: { flow_imbalance_warning_gpm: 15, flow_imbalance_critical_gpm: 25 } } });
    expect(r.ok).toBe(true);
    expect(thresholdsFor(r.config!, 'plug_abandonment').flowImbalanceWarningGpm).toBe(5);
    expect(r.warnings.map((w) => w.key)).toContain('thresholds.well_control.flow_imbalance_warning_gpm');
  });

  it('a production override, when set, wins over the global key', () => {
    const r = mergeConfig(defaultConfig(), { campaign: { production: { flow_imbalance_warning: 8 } } });
    expect(r.ok).toBe(true);
    expect(thresholdsFor(r.config!, 'production').flowImbalanceWarningGpm).toBe(8);
  });

  it('an override pair that crosses the global one is refused, naming the key', () => {
    const r = mergeConfig(defaultConfig(), { campaign: { production: { flow_imbalance_warning: 30 } } });
    expect(r.ok).toBe(false);
    expect(r.errors[0].key).toBe('thresholds.well_control.flow_imbalance_critical_gpm');
  });

  it('learned limits go over the configured ones', () => {
    const t = thresholdsFor(defaultConfig(), 'production', { sppDeviationWarningPsi: 42 });
    expect(t.sppDeviationWarningPsi).toBe(42);
    expect(t.sppDeviationCriticalPsi).toBe(200);
  });
});
