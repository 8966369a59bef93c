import { describe, expect, it } from 'vitest';
import type { LiveStatus } from '../../../src-shared/status.js';
import { SelfHealer } from '../../../src-main/health/self-healer.js';
import type { NewAuditEntry } from '../../../src-main/storage/persistence.js';

// A stand-in enricher: only the failure switch matters here (the real one is tested in tests/unit/llm).
function enricherStub() {
  const s = { down: true, retries: 0 };
  const status = (): LiveStatus['llm'] =>
    s.down
      ? { mode: 'template-only', model: 'qwen', device: 'cpu', detail: 'template mode after 3 consecutive LLM failures' }
      : { mode: 'llm', model: 'qwen', device: 'cpu', detail: 'ready' };
  return {
    s,
    enricher: {
      needsRetry: () => s.down,
      status,
      retry: async () => {
        s.retries++;
        s.down = false;
        return status();
      },
    },
  };
}

describe('self-healer', () => {
  it('retries a failure-switched LLM only after the cool-off, and audits it', async () => {
    let now = 1_000_000;
    const audits: NewAuditEntry[] = [];
    const { s, enricher } = enricherStub();
    const healer = new SelfHealer({ clock: () => now, enricher, audit: async (e) => audits.push(e), llmRetryAfterMs: 600_000 });
    expect(await healer.check()).toBeNull(); // first sighting starts the cool-off
    now += 599_000;
    expect(await healer.check()).toBeNull();
    expect(s.retries).toBe(0);
    now += 2_000;
    expect(await healer.check()).toMatch(/retried the LLM after 601 s/);
    expect(s.retries).toBe(1);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actor: 'self-healer', kind: 'llm-mode' });
    expect(await healer.check()).toBeNull(); // healthy again: nothing to do
  });

  it('forgets the cool-off when the model comes back by itself (the user re-enabled it)', async () => {
    let now = 0;
    const { s, enricher } = enricherStub();
    const healer = new SelfHealer({ clock: () => now, enricher, audit: async () => {}, llmRetryAfterMs: 1000 });
    await healer.check();
    s.down = false;
    now += 500;
    await healer.check();
    s.down = true;
    now += 600; // 1100 ms since the first sighting, but only 0 since the new one
    expect(await healer.check()).toBeNull();
    expect(s.retries).toBe(0);
  });
});
