// How an analysis runs: in a worker thread (live: the packet loop never waits) or inline (replays
// and tests: the report lands at the trigger packet, so advisories after it are reproducible).
import type { MlReport } from '../../src-shared/ml.js';
import { analyzeWindow, type MlRunContext } from './analyze.js';
import { unpackSamples, type MlColumns } from './columns.js';

export interface MlRunner {
  /** A report now (inline) or later (worker). The runner may take over the window's buffers. */
  run(window: MlColumns, ctx: MlRunContext): MlReport | Promise<MlReport>;
  dispose(): Promise<void>;
}

export class InlineMlRunner implements MlRunner {
  run(window: MlColumns, ctx: MlRunContext): MlReport {
    return analyzeWindow(unpackSamples(window), ctx);
  }

  async dispose(): Promise<void> {}
}
