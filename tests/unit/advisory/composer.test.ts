import { describe, expect, it } from 'vitest';
import type { Severity } from '../../../src-shared/advisory.js';
import { thresholdsFor } from '../../../src-main/physics/thresholds.js';
import { defaultConfig } from '../../../src-shared/config.js';
import { Orchestrator, type Consensus } from '../../../src-main/agents/orchestrator.js';
import { AdvisoryComposer, advisoryId } from '../../../src-main/advisory/composer.js';
import { ticket, verification, type TicketOptions } from '../specialists/fixtures.js';

const T0 = 1_700_000_000_000;
const orch = new Orchestrator();

function compose(c: AdvisoryComposer, o: TicketOptions, forceSeverity?: Severity) {
  const t = ticket(o);
  const v = verification(t);
  const consensus: Consensus = orch.vote({ ticket: t, verification: v, recent: [], config: defaultConfig(), campaign: t.campaign });
  if (forceSeverity) consensus.severity = forceSeverity;
  return c.compose({ ticket: t, verification: v, consensus, precedents: [], campaign: t.campaign, thresholds: thresholdsFor(defaultConfig(), t.campaign) });
}

const kickAt = (timeMs: number): TicketOptions => ({ fault: 'kick', severity: 'CRITICAL', timeMs, metrics: { flowBalanceGpm: 30 } });

describe('AdvisoryComposer', () => {
  it('builds a template advisory with confidence 0.70 and the physics verdict and votes', () => {
    const a = compose(new AdvisoryComposer(defaultConfig()), kickAt(T0))!;
    expect(a.id).toMatch(/^ADV-[0-9a-f]{8}$/);
    expect(a.source).toBe('template');
    expect(a.llm).toBeNull();
    expect(a.confidence).toBe(0.7);
    expect(a.severity).toBe('CRITICAL');
    expect(a.riskLevel).toBe('Critical');
    expect(a.category).toBe('WellControl');
    expect(a.votes).toHaveLength(5);
    expect(a.physicsVerdict.status).toBe('Confirmed');
    expect(a.template.recommendation).toMatch(/Flow-check now/);
    expect(a.template.reasoning).toMatch(/Precedents: none/);
  });

  it('ids are stable for the same ticket and time, unique across tickets', () => {
    expect(advisoryId('TKT-1', T0)).toBe(advisoryId('TKT-1', T0));
    expect(advisoryId('TKT-1', T0)).not.toBe(advisoryId('TKT-1', T0 + 1));
    const ids = new Set<string>();
    for (let i = 0; i < 5_000; i++) ids.add(advisoryId(`TKT-${i}`, T0 + i * 1000));
    expect(ids.size).toBe(5_000);
  });

  it('suppresses a second CRITICAL within 30 s but not at 31 s', () => {
    const c = new AdvisoryComposer(defaultConfig());
    expect(compose(c, kickAt(T0))).not.toBeNull();
    expect(compose(c, kickAt(T0 + 29_000))).toBeNull();
    expect(compose(c, kickAt(T0 + 31_000))).not.toBeNull();
  });

  it('a suppressed CRITICAL does not extend the cooldown', () => {
    const c = new AdvisoryComposer(defaultConfig());
    compose(c, kickAt(T0));
    expect(compose(c, kickAt(T0 + 20_000))).toBeNull();
    expect(compose(c, kickAt(T0 + 30_000))).not.toBeNull();
  });

  it('the cooldown limits repeats of one fault: a CRITICAL of another fault passes inside it', () => {
    const c = new AdvisoryComposer(defaultConfig());
    expect(compose(c, { fault: 'mse-inefficiency', timeMs: T0 }, 'CRITICAL')).not.toBeNull();
    const packOff = compose(c, { fault: 'pack-off', timeMs: T0 + 5_000 }, 'CRITICAL');
    expect(packOff).not.toBeNull();
    expect(packOff!.severity).toBe('CRITICAL');
    expect(compose(c, { fault: 'pack-off', timeMs: T0 + 10_000 }, 'CRITICAL')).toBeNull();
    expect(compose(c, { fault: 'mse-inefficiency', timeMs: T0 + 10_000 }, 'CRITICAL')).toBeNull();
  });

  it('does not suppress a HIGH inside the critical cooldown', () => {
    const c = new AdvisoryComposer(defaultConfig());
    compose(c, kickAt(T0));
    const high = compose(c, { fault: 'pack-off', timeMs: T0 + 5_000 }, 'HIGH');
    expect(high).not.toBeNull();
    expect(high!.severity).toBe('HIGH');
    const high2 = compose(c, { fault: 'pack-off', timeMs: T0 + 6_000 }, 'HIGH');
    expect(high2).not.toBeNull();
  });

  it('the cooldown is configurable and follows runtime config changes', () => {
    const cfg = defaultConfig();
    const c = new AdvisoryComposer(() => cfg);
    compose(c, kickAt(T0));
    cfg.advisory.critical_cooldown_seconds = 60;
    expect(compose(c, kickAt(T0 + 45_000))).toBeNull();
    expect(compose(c, kickAt(T0 + 61_000))).not.toBeNull();
  });

  it('quotes precedents in the reasoning', () => {
    const t = ticket(kickAt(T0));
    const v = verification(t);
    const consensus = orch.vote({ ticket: t, verification: v, recent: [], config: defaultConfig(), campaign: 'production' });
    const a = new AdvisoryComposer(defaultConfig()).compose({
      ticket: t,
      verification: v,
      consensus,
      precedents: [{ id: 'KB-1', summary: 'Kick at 10,200 ft, shut in', source: 'static knowledge base' }],
      campaign: 'production',
      thresholds: thresholdsFor(defaultConfig(), 'production'),
    })!;
    expect(a.precedents).toHaveLength(1);
    expect(a.template.reasoning).toMatch(/Precedents: Kick at 10,200 ft, shut in \[static knowledge base\]/);
  });

  it('enrich keeps the id and switches the source to llm', () => {
    const c = new AdvisoryComposer(defaultConfig());
    const a = compose(c, kickAt(T0))!;
    const e = c.enrich(a, {
      diagnosis: 'd',
      recommendation: 'r',
      expectedBenefit: 'b',
      reasoning: 'x',
      model: 'test.gguf',
      parameters: [],
      confidence: 0.85,
    });
    expect(e.id).toBe(a.id);
    expect(e.source).toBe('llm');
    expect(e.llm?.model).toBe('test.gguf');
    expect(e.confidence).toBe(0.85);
    expect(a.source).toBe('template');
  });
});
