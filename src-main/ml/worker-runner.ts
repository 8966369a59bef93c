// Runs analyses on src-main/ml/worker.ts in a worker_thread, started on first use and kept for
// the next run.
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { MlReport } from '../../src-shared/ml.js';
import type { MlRunContext } from './analyze.js';
import { transferList, type MlColumns } from './columns.js';
import type { MlRunner } from './runner.js';
import type { MlWorkerRequest, MlWorkerResponse } from './worker.js';

interface Pending {
  resolve: (r: MlReport) => void;
  reject: (e: Error) => void;
}

/** The compiled worker.js beside this file, or (running from TypeScript sources) a bootstrap that
 *  registers tsx inside the thread and imports worker.ts: Node 20 does not apply --import hooks
 *  to a worker's entry file. */
function newWorker(): Worker {
  const self = fileURLToPath(import.meta.url);
  if (!self.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url));
  const api = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./worker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`, { eval: true });
}

export class WorkerMlRunner implements MlRunner {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Milliseconds the last analysis took inside the worker. */
  lastAnalysisMs: number | null = null;

  constructor(private readonly log: (line: string) => void = () => {}) {}

  /** Transfers the window's buffers to the worker (the caller's copy is left empty). */
  run(columns: MlColumns, ctx: MlRunContext): Promise<MlReport> {
    const worker = this.started();
    const id = this.nextId++;
    return new Promise<MlReport>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref(); // a run in flight keeps the process alive until its report is back
      worker.postMessage({ id, columns, ctx } satisfies MlWorkerRequest, transferList(columns));
    });
  }

  async dispose(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    this.failAll(new Error('ML worker stopped'));
    if (w) await w.terminate();
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const w = newWorker();
    w.unref(); // an idle analysis thread never keeps the process alive
    w.on('message', (m: MlWorkerResponse) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (this.pending.size === 0) w.unref();
      if (m.ok) {
        this.lastAnalysisMs = m.analysisMs;
        p.resolve(m.report);
      } else p.reject(new Error(m.error));
    });
    w.on('error', (e) => {
      this.log(`ML worker failed: ${e.message}`);
      this.worker = null;
      this.failAll(e);
    });
    w.on('exit', (code) => {
      if (this.worker === w) this.worker = null;
      if (code !== 0) this.failAll(new Error(`ML worker exited with code ${code}`));
    });
    this.worker = w;
    return w;
  }

  private failAll(e: Error): void {
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }
}
