// The LLM explainer: no model file, or the model switched off in Settings, is a normal way to run
// (templates, with their own banner); a model that failed to load or kept failing or timing out
// is degraded: advisories come from templates (the fallback, already on) and the model is
// re-probed after health.llm_retry_after_s in template mode, the wait doubling after each failed
// re-probe up to 8 times it, so one bad minute does not cost a whole shift and a broken file is
// not reloaded every pass.
import type { LiveStatus } from '../../../src-shared/status.js';
import type { AdvisoryEnricher } from '../../llm/enricher.js';
import { degraded, fallbackActivated, healthy, noActionNeeded, reconnected, type CheckResult, type HealAction, type HealthCheck } from '../health-check.js';

export interface LlmCheckDeps {
  clock: () => number;
  enricher: Pick<AdvisoryEnricher, 'needsRetry' | 'retry' | 'status'>;
  retryAfterMs: () => number;
}

const MAX_WAIT_FACTOR = 8;

export class LlmCheck implements HealthCheck {
  readonly name = 'llm';
  readonly healsDegraded = true;
  private downSinceMs: number | null = null;
  private failedProbes = 0;

  constructor(private readonly d: LlmCheckDeps) {}

  check(): CheckResult {
    const llm: LiveStatus['llm'] = this.d.enricher.status();
    if (llm.mode === 'llm') return healthy(`${llm.model ?? 'model'}: ${llm.detail}`);
    const flags = { templateOnly: true };
    const chosen = llm.model === null || llm.detail.startsWith('LLM disabled');
    if (chosen) return healthy(`template-only: ${llm.detail}`, flags);
    return degraded(`template-only: ${llm.detail}`, flags);
  }

  async heal(): Promise<HealAction> {
    if (!this.d.enricher.needsRetry()) return fallbackActivated('advisories from templates');
    const now = this.d.clock();
    this.downSinceMs ??= now;
    const waitMs = this.waitMs();
    const downMs = now - this.downSinceMs;
    if (downMs < waitMs) return fallbackActivated(`advisories from templates; the model is re-probed after ${Math.round(waitMs / 1000)} s in template mode`);
    const after = await this.d.enricher.retry();
    if (after.mode === 'llm') {
      this.reset();
      return reconnected(`model ${after.model ?? ''} back after ${Math.round(downMs / 1000)} s in template mode (${after.detail})`);
    }
    this.failedProbes++;
    this.downSinceMs = now;
    return fallbackActivated(`re-probe failed (${after.detail}); advisories from templates, next re-probe in ${Math.round(this.waitMs() / 1000)} s`);
  }

  async recover(): Promise<HealAction | null> {
    // Back by itself (the user re-enabled or changed the model): the next outage starts afresh.
    this.reset();
    return noActionNeeded('model answering again');
  }

  private waitMs(): number {
    const base = this.d.retryAfterMs();
    return Math.min(base * 2 ** this.failedProbes, base * MAX_WAIT_FACTOR);
  }

  private reset(): void {
    this.downSinceMs = null;
    this.failedProbes = 0;
  }
}
