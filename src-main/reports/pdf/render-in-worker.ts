// Renders a report PDF in a worker thread so the packet loop never waits on it. Run from
// TypeScript source the worker is started through a small tsx bootstrap; compiled, directly.
// If a worker cannot be started at all (a packaging problem), the PDF is rendered here
// instead and the log says why: a slower export beats none.
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

export function renderPdfInWorker(input: PdfInput, onProgress: PdfProgress, log: (line: string) => void = () => {}): Promise<RenderedPdf> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = startWorker();
    } catch (e) {
      log(`report worker not started (${(e as Error).message}); rendering on the main thread`);
      renderReportPdf(input, onProgress).then(resolve, reject);
      return;
    }
    let answered = false;
    let heard = false;
    const finish = (fn: () => void) => {
      if (answered) return;
      answered = true;
      void worker.terminate();
      fn();
    };
    worker.on('message', (m: WorkerReply) => {
      heard = true;
      if (m.type === 'progress') onProgress(m.fraction, m.detail);
      else if (m.type === 'done') finish(() => resolve({ bytes: m.bytes, pages: m.pages }));
      else finish(() => reject(new Error(m.message)));
    });
    worker.on('error', (e) => {
      if (heard) return finish(() => reject(e));
      // It died before saying anything: it could not load. Render here instead.
      finish(() => {
        log(`report worker failed to start (${e.message}); rendering on the main thread`);
        renderReportPdf(input, onProgress).then(resolve, reject);
      });
    });
    worker.on('exit', (code) => {
      if (!answered) finish(() => reject(new Error(`report worker exited with code ${code} before finishing`)));
    });
    worker.postMessage(input);
  });
}
