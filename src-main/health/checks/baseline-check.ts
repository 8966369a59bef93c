// Baseline learning: learning is a mode (its own banner, left out of the overall status); a
// baseline_state.json that has become unreadable or corrupt is a fault. At start such a file makes
// learning restart (audited, in createEngine); here the damaged file is set aside (never
// overwritten: it may be wanted) and, when the engine holds a locked baseline in memory, written
// again from it, so a damaged file never costs the crew hours of shadow mode.
import { existsSync } from 'node:fs';
import type { BaselineFile } from '../../baseline/baseline-file.js';
import type { BaselineLearner } from '../../baseline/learner.js';
import { setAsideDamagedFile } from '../../storage/set-aside.js';
import { degraded, fallbackActivated, healthy, manualIntervention, unhealthy, type CheckResult, type HealAction, type HealthCheck } from '../health-check.js';

export interface BaselineCheckDeps {
  clock: () => number;
  baseline: Pick<BaselineLearner, 'isLearning' | 'snapshot'>;
  file: Pick<BaselineFile, 'path' | 'load' | 'save'> | null;
}

export class BaselineCheck implements HealthCheck {
  readonly name = 'baseline';
  private fileProblem: string | null = null;

  constructor(private readonly d: BaselineCheckDeps) {}

  async probe(): Promise<void> {
    const f = this.d.file;
    this.fileProblem = f && existsSync(f.path) ? f.load().warning : null;
  }

  check(): CheckResult {
    const learning = this.d.baseline.isLearning();
    if (this.fileProblem) return unhealthy(this.fileProblem, { baselineLearning: learning });
    if (learning) return { ...degraded('learning the rig baseline (shadow mode: only critical well control alerts)', { baselineLearning: true }), mode: true };
    return healthy('baseline locked');
  }

  async heal(): Promise<HealAction> {
    const f = this.d.file;
    if (!f || !this.fileProblem) return fallbackActivated('nothing to repair');
    let kept: string;
    try {
      kept = setAsideDamagedFile(f.path, this.d.clock());
    } catch (e) {
      return manualIntervention(`${f.path} is damaged and cannot be moved aside (${(e as Error).message}); move it away by hand`);
    }
    const problem = this.fileProblem;
    this.fileProblem = null;
    if (this.d.baseline.isLearning()) return fallbackActivated(`${problem}; damaged file kept as ${kept}; learning from the live data (reset to learning)`);
    const err = f.save(this.d.baseline.snapshot());
    if (err) return manualIntervention(`${problem}; damaged file kept as ${kept}, but the learned baseline could not be written again: ${err}`);
    return fallbackActivated(`${problem}; damaged file kept as ${kept} and written again from the locked baseline in memory (no relearning needed)`);
  }
}
