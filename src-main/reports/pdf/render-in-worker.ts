// Renders report PDFs in a worker thread so the packet loop never waits on them. The worker is
// started on the first report and kept for the next ones (starting one loads pdfkit and, run
// from TypeScript source, the tsx loader: seconds on a busy two-core PC). Run from source it
// is started through a small tsx bootstrap; compiled, directly. If a worker cannot be started
// at all (a packaging problem), the PDF is rendered on this thread and the log says why: a
// slower export beats none.
import { Worker } from 'node:worker_threads';
import { renderReportPdf, type PdfInput, type PdfProgress } from './render-pdf.js';
import type { WorkerReply } from './pdf-worker.js';

export interface RenderedPdf {
  bytes: Uint8Array;
  pages: number;
}

function startWorker(): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  if (fromSource) {
    const entry = new URL('./pdf-worker.ts', import.meta.url).href;
    return new Worker(new URL('./pdf-worker-boot.mjs', import.meta.url), { workerData: { entry } });
  }
  return new Worker(new URL('./pdf-worker.js', import.meta.url));
}

interface Job {
  onProgress: PdfProgress;
  resolve: (r: RenderedPdf) => void;
  reject: (e: Error) => void;
}

export class PdfWorker {
  private worker: Worker | null = null;
  /** Whether the current worker has ever answered (it loaded). */
  private loaded = false;
  private job: Job | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private disposed = false;

  constructor(private readonly log: (line: string) => void = () => {}) {}

  /** One PDF at a time; a second call waits for the first. */
  render(input: PdfInput, onProgress: PdfProgress): Promise<RenderedPdf> {
    const run = this.queue.then(() => this.renderNow(input, onProgress));
    this.queue = run.catch(() => undefined);
    return run;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    const w = this.worker;
    this.worker = null;
    await w?.terminate();
  }

  private renderNow(input: PdfInput, onProgress: PdfProgress): Promise<RenderedPdf> {
    if (this.disposed) return Promise.reject(new Error('report renderer closed'));
    let worker: Worker;
    try {
      worker = this.worker ?? this.spawn();
    } catch (e) {
      this.log(`report worker not started (${(e as Error).message}); rendering on the main thread`);
      return renderReportPdf(input, onProgress);
    }
    worker.ref(); // working: keep the process alive until the PDF is back
    return new Promise<RenderedPdf>((resolve, reject) => {
      this.job = { onProgress, resolve, reject };
      worker.postMessage(input);
    })
      .finally(() => worker.unref())
      .catch((e: Error & { notLoaded?: boolean }) => {
      if (!e.notLoaded) throw e;
      this.log(`report worker failed to start (${e.message}); rendering on the main thread`);
      return renderReportPdf(input, onProgress);
    });
  }

  private spawn(): Worker {
    const w = startWorker();
    this.worker = w;
    this.loaded = false;
    w.unref(); // an idle report worker never keeps the process alive (ref'd while rendering)
    w.on('message', (m: WorkerReply) => {
      this.loaded = true;
      const job = this.job;
      if (!job) return;
      if (m.type === 'progress') return job.onProgress(m.fraction, m.detail);
      this.job = null;
      if (m.type === 'done') job.resolve({ bytes: m.bytes, pages: m.pages });
      else job.reject(new Error(m.message));
    });
    const lost = (e: Error) => {
      if (this.worker === w) this.worker = null;
      const job = this.job;
      this.job = null;
      // Died before it ever answered: it could not load (the caller renders here instead).
      if (job) job.reject(Object.assign(e, { notLoaded: !this.loaded }));
    };
    w.on('error', lost);
    w.on('exit', (code) => lost(new Error(`report worker exited with code ${code}`)));
    return w;
  }
}
