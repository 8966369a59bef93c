// The fleet upload queue on disk (confirmed AMBER/RED events waiting for the hub). Fleet checks
// (the hub client's link, library sync) join the same list through EnginePorts.healthChecks or
// engine.registerHealthCheck.
import type { QueueHealth } from '../../fleet/upload-queue.js';
import { noActionNeeded, type CheckResult, type HealAction, type HealthCheck } from '../health-check.js';

export class FleetQueueCheck implements HealthCheck {
  readonly name = 'fleet-queue';

  constructor(private readonly queue: { health(): QueueHealth }) {}

  check(): CheckResult {
    const h = this.queue.health();
    return { status: h.status, reason: h.detail };
  }

  async heal(): Promise<HealAction> {
    return noActionNeeded('events stay queued on disk until the hub takes them');
  }
}
