// Issue 9 item 11: an acknowledgement and its audit entry are one SQLite transaction, so there
// is never one without the other: not when the audit write fails, not after kill -9.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src-shared/config.js';
import { createEngine } from '../../../src-main/app/create-engine.js';
import { SqliteStore } from '../../../src-main/storage/sqlite-store.js';
import { makeAdvisory } from '../../unit/storage/fixtures.js';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'sairen-ack-'));
  cleanup.push(() => fs.rmSync(d, { recursive: true, force: true }));
  return d;
}

/** Every acknowledgement has its audit entry (after.id) and every acknowledgement audit entry its acknowledgement. */
async function pairs(store: SqliteStore): Promise<{ acks: number; orphanAcks: string[]; orphanAudits: string[] }> {
  const acks = await store.listAcknowledgements({ limit: 1_000_000 });
  const audits = await store.listAudit({ kind: 'acknowledgement', limit: 1_000_000 });
  const audited = new Set(audits.map((e) => (e.after as { id: string }).id));
  const stored = new Set(acks.map((k) => k.id));
  return {
    acks: acks.length,
    orphanAcks: acks.filter((k) => !audited.has(k.id)).map((k) => k.id),
    orphanAudits: [...audited].filter((id) => !stored.has(id)),
  };
}

describe('acknowledgement and audit entry together', () => {
  it('when the audit entry cannot be written, the acknowledgement is not stored either', async () => {
    const dir = tempDir();
    const storage = SqliteStore.open({
      dataDir: dir,
      metricsFlushMs: 0,
      // The audit table refuses writes (as a failing disk or a bug would): the pair must fail whole.
      onOpen: (db) => db.exec("CREATE TEMP TRIGGER audit_refuses BEFORE INSERT ON main.audit BEGIN SELECT RAISE(ABORT, 'audit write failed'); END"),
    });
    const engine = createEngine(defaultConfig(), { storage, healthIntervalMs: 0 });
    await engine.start();
    cleanup.push(async () => {
      await engine.dispose();
      await storage.dispose();
    });
    const a = makeAdvisory({ timeMs: Date.UTC(2025, 0, 1) });
    await storage.saveAdvisory(a);
    const r = await engine.call('acknowledge', { advisoryId: a.id, actor: 'JD', action: 'flow check' });
    expect(r.ok).toBe(false);
    expect(await storage.listAcknowledgements({})).toEqual([]);
  });

  it('kill -9 while acknowledging, three times: never an acknowledgement without its audit entry', async () => {
    const dir = tempDir();
    let confirmed = 0;
    for (let run = 0; run < 3; run++) {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'ack-child.ts'), dir], { stdio: ['ignore', 'pipe', 'pipe'] });
      cleanup.push(() => void child.kill('SIGKILL'));
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      // Every "ack" line is printed after its transaction committed: all of them, including the
      // ones still in the pipe when the kill lands, must be in the file. Counted once, at close.
      let lines = 0;
      await new Promise<void>((resolve, reject) => {
        // Killed at a different point each run, in the middle of the write loop.
        const killAt = 150 + run * 97;
        child.stdout.on('data', (c: Buffer) => {
          lines += c.toString().split('\n').filter((l) => l.startsWith('ack ')).length;
          if (lines >= killAt) {
            child.kill('SIGKILL');
            resolve();
          }
        });
        child.on('exit', (code) => (code === null ? resolve() : reject(new Error(`child exited ${code}: ${stderr}`))));
      });
      await new Promise((r) => child.once('close', r));
      confirmed += lines;
    }
    expect(confirmed).toBeGreaterThanOrEqual(150 + 247 + 344);
    const store = SqliteStore.open({ dataDir: dir, metricsFlushMs: 0 });
    cleanup.push(() => store.dispose());
    const p = await pairs(store);
    expect(p.acks).toBeGreaterThanOrEqual(confirmed);
    expect(p.orphanAcks).toEqual([]);
    expect(p.orphanAudits).toEqual([]);
  });
});
