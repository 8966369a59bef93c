// Issue 15: a database made before auto-vacuum was set (auto_vacuum NONE) kept its size after
// pruning. Opening it now switches it to INCREMENTAL with a one-time VACUUM when the disk has room
// (about twice the file), so the storage budget's prune gives the space back; without the room it
// is skipped and said, and the file is left as it was. Real SQLite files throughout.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureIncrementalVacuum } from '../../../src-main/storage/auto-vacuum.js';
import { directoryBytes } from '../../../src-main/storage/storage-budget.js';
import { DB_FILE, SqliteStore } from '../../../src-main/storage/sqlite-store.js';
import { makeAdvisory } from '../../unit/storage/fixtures.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);
const CHANNELS = ['ropFtHr', 'wobKlbf', 'rpm', 'torqueKftLbf', 'sppPsi', 'flowInGpm', 'flowOutGpm', 'pitVolumeBbl'];
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

const fileBytes = (file: string): number => [file, `${file}-wal`].reduce((n, f) => n + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0);

/** A data directory whose sairen.db holds 3 days of metrics and was made with auto_vacuum NONE. */
async function oldDatabase(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sairen-autovac-'));
  cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  const store = SqliteStore.open({ dataDir: dir, metricsFlushMs: 0 });
  await store.saveAdvisory(makeAdvisory({ timeMs: T0 }));
  for (let t = T0; t < T0 + 3 * DAY; t += 5_000) {
    store.recordMetrics({ timeMs: t, values: Object.fromEntries(CHANNELS.map((c, i) => [c, i * 10 + ((t / 5000) % 7)])) });
    if (((t - T0) / 5000) % 5000 === 4999) await store.flushMetrics();
  }
  await store.dispose();
  // What an install from before auto-vacuum has: the same tables, mode NONE.
  const db = new Database(path.join(dir, DB_FILE));
  db.pragma('auto_vacuum = NONE');
  db.exec('VACUUM');
  db.pragma('wal_checkpoint(TRUNCATE)');
  expect(db.pragma('auto_vacuum', { simple: true })).toBe(0);
  db.close();
  return dir;
}

describe('a database made without auto-vacuum', () => {
  it('is switched to INCREMENTAL at open (once), and a budget prune then shrinks the file', async () => {
    const dir = await oldDatabase();
    const file = path.join(dir, DB_FILE);
    const lines: string[] = [];
    let mode = -1;
    const store = SqliteStore.open({ dataDir: dir, metricsFlushMs: 0, log: (l) => lines.push(l), onOpen: (db) => (mode = db.pragma('auto_vacuum', { simple: true }) as number) });
    cleanup.push(() => store.dispose());
    expect(store.autoVacuum.kind).toBe('converted');
    expect(mode).toBe(2);
    expect(lines).toEqual([expect.stringMatching(/switched to incremental auto-vacuum \(one-time VACUUM, \d+ MB -> \d+ MB, \d+ ms\)/)]);
    const before = fileBytes(file);
    expect(before).toBeGreaterThan(5 * 1024 * 1024);
    const cap = Math.floor(directoryBytes(dir) * 0.6);
    for (let pass = 0, r = store.enforceBudget(cap, directoryBytes(dir)); r.steps > 0 && pass < 50; pass++) r = store.enforceBudget(cap, directoryBytes(dir));
    const after = fileBytes(file);
    // The pruned pages went back to the disk: the file itself is smaller, not just emptier.
    expect(after).toBeLessThanOrEqual(cap);
    expect(after).toBeLessThan(before * 0.7);
    expect((await store.listAdvisories({ limit: 10 })).length).toBe(1);
    await store.dispose();
    // The next open has nothing to do.
    const again = SqliteStore.open({ dataDir: dir, metricsFlushMs: 0, log: (l) => lines.push(l) });
    expect(again.autoVacuum.kind).toBe('not-needed');
    await again.dispose();
    expect(lines).toHaveLength(1);
  });

  it('without room for the rewrite it is skipped and said, and the file is left as it was', async () => {
    const dir = await oldDatabase();
    const file = path.join(dir, DB_FILE);
    const before = fs.readFileSync(file);
    const db = new Database(file);
    cleanup.push(() => void db.close());
    // The free-space figure is injected here (a disk with 10 MB free): the real statfs is used in the test above.
    const r = ensureIncrementalVacuum(db, file, { freeBytes: () => 10 * 1024 * 1024 });
    expect(r).toMatchObject({ kind: 'skipped', reason: expect.stringMatching(/needs about \d+ MB free in .*, 10 MB are; pruned space is reused but not returned to the disk/) });
    expect(db.pragma('auto_vacuum', { simple: true })).toBe(0);
    db.close();
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('a new database gets INCREMENTAL without a VACUUM', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sairen-autovac-new-'));
    cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    let mode = -1;
    const store = SqliteStore.open({ dataDir: dir, metricsFlushMs: 0, onOpen: (db) => (mode = db.pragma('auto_vacuum', { simple: true }) as number) });
    cleanup.push(() => store.dispose());
    expect(store.autoVacuum.kind).toBe('not-needed');
    expect(mode).toBe(2);
  });
});
