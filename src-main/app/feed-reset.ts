// What belongs to a feed is forgotten when the feed changes: averages, trends, the history
// window, the tactical back-off, the composer's cooldown, the advisory on screen. The learned
// rig baseline is kept only when the person switching says it is the same rig.
import type { BaselineLearner } from '../baseline/learner.js';
import type { BaselineFile } from '../baseline/baseline-file.js';
import type { PipelineCoordinator } from '../pipeline/coordinator.js';
import type { NewAuditEntry } from '../storage/persistence.js';
import type { AdvisoryPublisher } from './advisory-publisher.js';
import type { AlarmPublisher } from './alarm-publisher.js';

export interface FeedResetDeps {
  coordinator: PipelineCoordinator;
  advisories: AdvisoryPublisher;
  alarms: AlarmPublisher;
  baseline: BaselineLearner;
  baselineFile: BaselineFile | null;
  audit: (e: NewAuditEntry) => Promise<unknown>;
  clock: () => number;
  log: (line: string) => void;
}

export class FeedReset {
  constructor(private readonly d: FeedResetDeps) {}

  /** A different feed. `sameRig` keeps the learned baseline (audited either way). */
  async newFeed(sameRig: boolean, actor: string): Promise<void> {
    const lastDataMs = this.d.coordinator.packet?.timeMs ?? this.d.clock();
    this.d.coordinator.resetFeed();
    this.d.advisories.clear();
    if (sameRig) return;
    // This rig's active alarms are over: cleared for the record, still waiting for acknowledgement.
    await this.d.alarms.publish(this.d.coordinator.events.feedChanged(lastDataMs, actor));
    this.d.baseline.reset();
    const err = this.d.baselineFile?.save(this.d.baseline.snapshot());
    if (err) this.d.log(err);
    await this.d.audit({
      timeMs: this.d.clock(),
      actor,
      kind: 'baseline-reset',
      summary: 'data source changed to another rig: baseline learning restarted (shadow mode)',
    });
  }

  /** The same feed read differently (channel map, units, null values): old averages are wrong. */
  rewired(): void {
    this.d.coordinator.resetFeed();
  }
}
