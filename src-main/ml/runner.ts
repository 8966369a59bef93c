// How an analysis runs: in a worker thread (live: the packet loop never waits) or inline (replays
// and tests: the report lands at the trigger packet, so advisories after it are reproducible).
import type { MlReport, MlSample } from '../../src-shared/ml.js';
import { analyzeWindow, type MlRunContext } from './analyze.js';

export interface MlRunner {
  /** A report now (inline) or later (worker). */
  run(window: readonly MlSample[], ctx: MlRunContext): MlReport | Promise<MlReport>;
  dispose(): Promise<void>;
}

export class InlineMlRunner implements MlRunner {
  run(window: readonly MlSample[], ctx: MlRunContext): MlReport {
    return analyzeWindow(window, ctx);
  }

  async dispose(): Promise<void> {}
}
