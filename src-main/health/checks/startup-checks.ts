// What boot found that stays true while the engine runs: the configuration file was rejected
// (running on built-in defaults) and damaged files were set aside.
import type { StartupNotice } from '../../../src-shared/health.js';
import { degraded, healthy, manualIntervention, noActionNeeded, type CheckResult, type HealAction, type HealthCheck } from '../health-check.js';

export class ConfigCheck implements HealthCheck {
  readonly name = 'config';
  readonly healsDegraded = true;

  constructor(
    private readonly rejected: StartupNotice | null,
    /** Where the running configuration came from ('built-in defaults' or the file). */
    private readonly source: string,
  ) {}

  check(): CheckResult {
    if (this.rejected) return degraded(this.rejected.summary, { configRejected: true });
    return healthy(`configuration from ${this.source}`);
  }

  async heal(): Promise<HealAction> {
    const file = this.rejected?.file ?? 'the configuration file';
    return manualIntervention(`fix ${file} (npm run headless -- --check-config ${file} names each problem) and restart; safe built-in defaults meanwhile`);
  }
}

export class FilesCheck implements HealthCheck {
  readonly name = 'files';

  constructor(private readonly setAside: readonly StartupNotice[]) {}

  check(): CheckResult {
    if (this.setAside.length === 0) return healthy('no damaged files');
    return degraded(this.setAside.map((n) => n.summary).join(' '), { fileSetAside: true });
  }

  async heal(): Promise<HealAction> {
    return noActionNeeded('the damaged files are kept aside, nothing was overwritten');
  }
}
