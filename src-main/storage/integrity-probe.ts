// PRAGMA quick_check on its own read-only connection in a worker thread, so a multi-gigabyte
// database is checked without holding up the packet loop, and bounded in time: past the limit the
// answer is "did not finish" (the thread is stopped; SQLite ends the scan at its next step).
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export type IntegrityResult =
  | { kind: 'ok'; elapsedMs: number }
  | { kind: 'damaged'; problems: string[]; elapsedMs: number }
  | { kind: 'timed-out'; elapsedMs: number }
  | { kind: 'failed'; message: string; elapsedMs: number };

// Plain CommonJS so the thread needs no TypeScript loader; the driver's path comes from here.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
let db;
try {
  const Database = require(workerData.driver);
  db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  const rows = db.pragma('quick_check(' + workerData.maxProblems + ')', { simple: false });
  parentPort.postMessage({ ok: true, lines: rows.map((r) => String(Object.values(r)[0])) });
} catch (e) {
  parentPort.postMessage({ ok: false, message: e && e.message ? e.message : String(e) });
} finally {
  try { db && db.close(); } catch {}
}
`;

const driver = createRequire(import.meta.url).resolve('better-sqlite3');

export function quickCheck(file: string, timeoutMs: number, maxProblems = 10): Promise<IntegrityResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let settled = false;
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver, maxProblems } });
    const finish = (r: IntegrityResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(r);
    };
    const timer = setTimeout(() => finish({ kind: 'timed-out', elapsedMs: elapsed() }), timeoutMs);
    worker.on('message', (m: { ok: true; lines: string[] } | { ok: false; message: string }) => {
      if (!m.ok) return finish({ kind: 'failed', message: m.message, elapsedMs: elapsed() });
      if (m.lines.length === 1 && m.lines[0] === 'ok') return finish({ kind: 'ok', elapsedMs: elapsed() });
      finish({ kind: 'damaged', problems: m.lines, elapsedMs: elapsed() });
    });
    worker.on('error', (e) => finish({ kind: 'failed', message: e.message, elapsedMs: elapsed() }));
    worker.on('exit', (code) => finish({ kind: 'failed', message: `check thread exited (${code})`, elapsedMs: elapsed() }));
  });
}
