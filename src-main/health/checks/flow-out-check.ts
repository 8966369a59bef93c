// Whether flow-based kick and loss detection is live: flow out from a meter, from the paddle's
// percent once calibrated at this pump rate, or not at all (pits only). Learning a new pump rate
// is normal operation, a mode with its own blue banner; no usable flow out is a warning, said once
// it has lasted a few seconds (a packet missing its flow-out item is not a lost sensor). The
// seconds learned count up, so the detail is volatile: the status push carries it.
import { flowOutHealthText, flowOutSeverity, type FlowOutStatus } from '../../../src-shared/flow-out.js';
import { degraded, healthy, noActionNeeded, type CheckResult, type HealAction, type HealthCheck } from '../health-check.js';

/** No usable flow out for this long (wall clock) before the warning shows. */
export const PITS_ONLY_AFTER_MS = 10_000;

export class FlowOutCheck implements HealthCheck {
  readonly name = 'flow-out';
  readonly volatileDetail = true;
  private lastUsable: CheckResult | null = null;
  private pitsOnlySinceMs: number | null = null;

  constructor(
    private readonly clock: () => number,
    /** The last analysed packet's flow-out status (undefined before the first). */
    private readonly flowOut: () => FlowOutStatus | null | undefined,
  ) {}

  check(): CheckResult {
    const f = this.flowOut();
    if (!f) return healthy('no packet analysed yet');
    const text = flowOutHealthText(f);
    const severity = flowOutSeverity(f);
    if (severity !== 'warning') {
      this.pitsOnlySinceMs = null;
      this.lastUsable = severity === 'info' ? { ...degraded(text, { flowOutLearning: true }), mode: true } : healthy(text);
      return this.lastUsable;
    }
    const now = this.clock();
    this.pitsOnlySinceMs ??= now;
    if (this.lastUsable && now - this.pitsOnlySinceMs < PITS_ONLY_AFTER_MS) return this.lastUsable;
    return degraded(text, { pitsOnly: true });
  }

  async heal(): Promise<HealAction> {
    return noActionNeeded('the paddle is calibrated by itself at steady pumps; a missing or under-reading flow-out sensor needs a person');
  }
}
