// The fleet hub link (issue 18): shown in health, but informational: a rig works the same with
// the hub down for days (events stay queued on disk), so it never lowers the overall status.
// The link retries on its own schedule; there is nothing for the self-healer to do.
import type { ComponentHealth } from '../../../src-shared/health.js';
import { noActionNeeded, type CheckResult, type HealAction, type HealthCheck } from '../health-check.js';

export class FleetLinkCheck implements HealthCheck {
  readonly name = 'fleet';
  readonly volatileDetail = true;

  constructor(private readonly link: { health(): ComponentHealth }) {}

  check(): CheckResult {
    const h = this.link.health();
    return { status: h.status, reason: h.detail, mode: true };
  }

  async heal(): Promise<HealAction> {
    return noActionNeeded('the hub link retries with backoff; events stay queued on disk');
  }
}
