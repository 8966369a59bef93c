// The ML engine's worker thread: the pure stages run here so the packet loop never waits on an
// analysis. One message in (a window as typed columns + the run context), one report out.
import { parentPort } from 'node:worker_threads';
import { analyzeWindow, type MlRunContext } from './analyze.js';
import { unpackSamples, type MlColumns } from './columns.js';

export interface MlWorkerRequest {
  id: number;
  columns: MlColumns;
  ctx: MlRunContext;
}

export type MlWorkerResponse =
  | { id: number; ok: true; report: ReturnType<typeof analyzeWindow>; analysisMs: number }
  | { id: number; ok: false; error: string };

parentPort?.on('message', (req: MlWorkerRequest) => {
  try {
    const t0 = performance.now();
    const report = analyzeWindow(unpackSamples(req.columns), req.ctx);
    parentPort?.postMessage({ id: req.id, ok: true, report, analysisMs: performance.now() - t0 } satisfies MlWorkerResponse);
  } catch (e) {
    parentPort?.postMessage({ id: req.id, ok: false, error: (e as Error).message } satisfies MlWorkerResponse);
  }
});
