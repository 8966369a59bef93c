// The self-healer's contract (build plan §2.2): every registered check is probed, checked and, when
// down, healed; nothing a check does can make a pass throw or hang; each heal is remembered with
// its time, audited once when it changed something, and undone by recover() once healthy again.
import { describe, expect, it } from 'vitest';
import { degraded, fallbackActivated, healthy, noActionNeeded, reconnected, unhealthy, type CheckResult, type HealthCheck } from '../../../src-main/health/health-check.js';
import { SelfHealer } from '../../../src-main/health/self-healer.js';
import type { NewAuditEntry } from '../../../src-main/storage/persistence.js';

function healer(now = { t: 1_000 }, stepTimeoutMs = 200) {
  const audits: NewAuditEntry[] = [];
  const logs: string[] = [];
  const h = new SelfHealer({
    clock: () => now.t,
    audit: async (e) => audits.push(e),
    log: (level, message) => logs.push(`${level} ${message}`),
    intervalMs: () => 50,
    stepTimeoutMs,
  });
  return { h, audits, logs, now };
}

/** A check whose state and heal a test sets. */
function settable(name: string, opts: Partial<HealthCheck> = {}) {
  const s = { result: healthy('fine') as CheckResult, heals: 0, recovers: 0 };
  const check: HealthCheck = {
    name,
    check: () => s.result,
    heal: async () => {
      s.heals++;
      return fallbackActivated('switched to the spare');
    },
    recover: async () => {
      s.recovers++;
      return reconnected('back on the main');
    },
    ...opts,
  };
  return { s, check };
}

describe('self-healer', () => {
  it('heals an unhealthy component, remembers the action and when, audits it once, and recovers it once healthy', async () => {
    const { h, audits, now } = healer();
    const { s, check } = settable('pump');
    h.register(check);
    expect((await h.runPass())[0]).toMatchObject({ name: 'pump', heal: null });

    s.result = unhealthy('no pressure');
    now.t = 2_000;
    const [first] = await h.runPass();
    expect(first.heal).toEqual({ action: 'FallbackActivated', detail: 'switched to the spare' });
    expect(h.lastHeal('pump')).toEqual({ action: 'FallbackActivated', detail: 'switched to the spare', atMs: 2_000 });
    now.t = 3_000;
    await h.runPass(); // the same heal again: its time moves on, no second audit entry
    expect(s.heals).toBe(2);
    expect(h.lastHeal('pump')?.atMs).toBe(3_000);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actor: 'self-healer', kind: 'self-heal', summary: 'pump: FallbackActivated: switched to the spare' });

    s.result = healthy('fine');
    const [back] = await h.runPass();
    expect(back.heal).toEqual({ action: 'Reconnected', detail: 'back on the main' });
    expect(s.recovers).toBe(1);
    await h.runPass();
    expect(s.recovers).toBe(1); // only once per fallback
    expect(audits.map((a) => a.summary)).toEqual(['pump: FallbackActivated: switched to the spare', 'pump: Reconnected: back on the main']);
  });

  it('leaves a degraded component alone unless its check asks for heals when degraded', async () => {
    const { h } = healer();
    const plain = settable('a');
    const eager = settable('b', { healsDegraded: true });
    plain.s.result = degraded('slow');
    eager.s.result = degraded('slow');
    h.register(plain.check);
    h.register(eager.check);
    await h.runPass();
    expect(plain.s.heals).toBe(0);
    expect(eager.s.heals).toBe(1);
  });

  it('never throws: a failing check, probe or heal becomes a state or a manual-intervention heal', async () => {
    const { h, logs } = healer();
    h.register({ name: 'throws', check: () => { throw new Error('boom'); }, heal: async () => { throw new Error('cannot'); } });
    h.register({ name: 'probe', check: () => healthy('never read'), probe: async () => { throw new Error('no route'); }, heal: async () => noActionNeeded('nothing') });
    h.register({ name: 'hangs', check: () => unhealthy('stuck'), heal: () => new Promise(() => undefined) });
    const out = await h.runPass();
    expect(out.map((o) => [o.name, o.result.status, o.result.reason])).toEqual([
      ['throws', 'unhealthy', 'health check failed: boom'],
      ['probe', 'unhealthy', 'health probe failed: no route'],
      ['hangs', 'unhealthy', 'stuck'],
    ]);
    expect(h.lastHeal('throws')).toMatchObject({ action: 'ManualInterventionRequired', detail: 'heal failed: cannot' });
    expect(h.lastHeal('hangs')).toMatchObject({ action: 'ManualInterventionRequired', detail: expect.stringMatching(/hangs heal did not finish within/) });
    expect(logs.some((l) => l.startsWith('warn health: throws unhealthy'))).toBe(true);
    expect(h.current(h.checks()[1]).reason).toBe('health probe failed: no route');
  });

  it('a probe that hangs is abandoned after the step limit', async () => {
    const { h } = healer(undefined, 100);
    h.register({ name: 'slow', check: () => healthy('ok'), probe: () => new Promise(() => undefined), heal: async () => noActionNeeded('') });
    const started = performance.now();
    const [r] = await h.runPass();
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(r.result.reason).toMatch(/slow probe did not finish within/);
  });

  it('runs passes on its cadence, never two at once, and stops', async () => {
    const { h } = healer();
    let running = 0;
    let most = 0;
    let passes = 0;
    h.register({
      name: 'count',
      check: () => healthy('ok'),
      probe: async () => {
        running++;
        most = Math.max(most, running);
        await new Promise((r) => setTimeout(r, 80));
        running--;
        passes++;
      },
      heal: async () => noActionNeeded(''),
    });
    const both = Promise.all([h.runPass(), h.runPass()]);
    await both;
    expect(passes).toBe(1); // the second caller got the running pass
    h.start();
    await new Promise((r) => setTimeout(r, 600));
    await h.stop();
    const after = passes;
    expect(after).toBeGreaterThanOrEqual(3);
    expect(most).toBe(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(passes).toBe(after);
    expect(h.summary()).toMatchObject({ intervalS: 0.1, passes: after });
  });

  it('takes checks in and out by name; a second check with a taken name is refused', async () => {
    const { h } = healer();
    const off = h.register(settable('fleet-hub').check);
    expect(() => h.register(settable('fleet-hub').check)).toThrow(/already registered/);
    expect(h.checks().map((c) => c.name)).toEqual(['fleet-hub']);
    off();
    expect(h.checks()).toEqual([]);
  });
});
