// The report worker thread: renders one PDF per message, off the packet loop, and posts
// progress while it works. Everything it needs comes in the message (model, charts, fonts).
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { renderReportPdf, type PdfInput } from './render-pdf.js';

// On Linux a thread's nice value is its own: lowering it here (pid 0 = this thread) lets the
// packet loop's thread win the CPU on a busy two-core cabin PC. Elsewhere it would lower the
// whole process, so it is left alone.
if (process.platform === 'linux') {
  try {
    os.setPriority(0, 10);
  } catch {
    // not permitted: render at normal priority
  }
}

export type WorkerReply =
  | { type: 'progress'; fraction: number; detail: string }
  | { type: 'done'; bytes: Uint8Array; pages: number }
  | { type: 'error'; message: string };

const port = parentPort;
if (port) {
  port.on('message', (input: PdfInput) => {
    const post = (m: WorkerReply, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);
    renderReportPdf(input, (fraction, detail) => post({ type: 'progress', fraction, detail }))
      .then(({ bytes, pages }) => {
        // A view into a larger (pooled) buffer cannot be transferred alone: copy it out.
        const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
        post({ type: 'done', bytes: own, pages }, [own.buffer as ArrayBuffer]);
      })
      .catch((e: unknown) => post({ type: 'error', message: e instanceof Error ? e.message : String(e) }));
  });
}
