// The self-healer (DOMAIN.md §13): every 30 s it looks for components that can be brought back
// without a person. The feed heals through its own reconnect loop and storage through its
// disk-full probe; what is left here is the LLM, switched to templates after repeated
// failures, which is retried after a cool-off so one bad minute does not cost a whole shift.
import type { LiveStatus } from '../../src-shared/status.js';
import type { AdvisoryEnricher } from '../llm/enricher.js';
import type { NewAuditEntry } from '../storage/persistence.js';

export interface SelfHealerDeps {
  clock: () => number;
  enricher: Pick<AdvisoryEnricher, 'needsRetry' | 'retry' | 'status'>;
  audit: (e: NewAuditEntry) => Promise<unknown>;
  /** How long the LLM stays in template mode before a retry. */
  llmRetryAfterMs?: number;
  log?: (line: string) => void;
}

export class SelfHealer {
  private llmDownSinceMs: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private busy = false;

  constructor(private readonly d: SelfHealerDeps) {}

  start(intervalMs = 30_000): void {
    if (this.timer || intervalMs <= 0) return;
    this.timer = setInterval(() => void this.check(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One pass; returns what it did (for tests and logs). */
  async check(): Promise<string | null> {
    if (this.busy) return null;
    const now = this.d.clock();
    if (!this.d.enricher.needsRetry()) {
      this.llmDownSinceMs = null;
      return null;
    }
    this.llmDownSinceMs ??= now;
    if (now - this.llmDownSinceMs < (this.d.llmRetryAfterMs ?? 10 * 60_000)) return null;
    this.busy = true;
    try {
      const downForS = Math.round((now - this.llmDownSinceMs) / 1000);
      const before: LiveStatus['llm'] = this.d.enricher.status();
      const after = await this.d.enricher.retry();
      this.llmDownSinceMs = null;
      const summary = `self-healer retried the LLM after ${downForS} s in template mode: ${after.mode} (${after.detail})`;
      this.d.log?.(summary);
      await this.d.audit({ timeMs: now, actor: 'self-healer', kind: 'llm-mode', summary, before, after });
      return summary;
    } finally {
      this.busy = false;
    }
  }
}
