// Issue 15, the record, on real SQLite files: each metric tier keeps its own retention; over the
// data-directory cap the oldest raw metrics go first (rollups, advisories and audit stay) and the
// file gives the space back; while disk space is low raw metrics and tickets are not written but
// advisories and rollups are; the structure check (PRAGMA quick_check in a worker) finds a damaged
// index; health says the database size and the days each tier covers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { StorageCheck } from '../../../src-main/health/checks/storage-check.js';
import { quickCheck } from '../../../src-main/storage/integrity-probe.js';
import { directoryBytes } from '../../../src-main/storage/storage-budget.js';
import { DB_FILE, SqliteStore } from '../../../src-main/storage/sqlite-store.js';
import { makeAdvisory, makeTicket } from '../../unit/storage/fixtures.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);
const MB = 1024 * 1024;
const CHANNELS = ['ropFtHr', 'wobKlbf', 'rpm', 'torqueKftLbf', 'sppPsi', 'flowInGpm', 'flowOutGpm', 'pitVolumeBbl', 'holeDepthFt', 'msePsi'];
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

function open(opts: Partial<Parameters<typeof SqliteStore.open>[0]> = {}): { store: SqliteStore; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sairen-storage-health-'));
  const store = SqliteStore.open({ dataDir: dir, metricsFlushMs: 0, ...opts });
  cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  cleanup.push(() => store.dispose());
  return { store, dir };
}

async function fill(store: SqliteStore, fromMs: number, toMs: number, stepMs: number): Promise<void> {
  for (let t = fromMs; t < toMs; t += stepMs) {
    store.recordMetrics({ timeMs: t, values: Object.fromEntries(CHANNELS.map((c, i) => [c, i * 10 + ((t / stepMs) % 7)])) });
    if ((t - fromMs) / stepMs % 5000 === 4999) await store.flushMetrics();
  }
  await store.flushMetrics();
}

describe('metric tiers and the storage budget', () => {
  it('each tier keeps its own retention, counted back from the newest sample', async () => {
    const { store, dir } = open({ metricsRetentionDays: 1, rollup1minRetentionDays: 3, rollup10minRetentionDays: 10 });
    await fill(store, T0, T0 + 20 * DAY, 600_000); // one sample per 10 min for 20 days
    store.enforceBudget(1_000_000 * MB, directoryBytes(dir));
    const u = store.usage()!;
    expect(u.rawDays).toBeLessThanOrEqual(1);
    expect(u.rawDays).toBeGreaterThan(0.9);
    expect(u.oneMinDays).toBeLessThanOrEqual(3);
    expect(u.oneMinDays).toBeGreaterThan(2.9);
    expect(u.tenMinDays).toBeLessThanOrEqual(10);
    expect(u.tenMinDays).toBeGreaterThan(9.9);
    expect(u.newestMs).toBe(T0 + 20 * DAY - 600_000);
    // A run-time change of a retention applies from the next flush.
    store.setRetention({ rawDays: 1, oneMinDays: 1, tenMinDays: 2 });
    await fill(store, T0 + 20 * DAY, T0 + 20 * DAY + 120_000, 60_000);
    store.enforceBudget(1_000_000 * MB, directoryBytes(dir));
    expect(store.usage()!.tenMinDays).toBeLessThanOrEqual(2);
  });

  it('over the cap: the oldest raw metrics go first, rollups and records stay, the file gives the space back', async () => {
    const { store, dir } = open();
    for (let i = 0; i < 20; i++) await store.saveAdvisory(makeAdvisory({ timeMs: T0 + i * 3_600_000 }));
    await store.appendAudit({ timeMs: T0, actor: 'JD', kind: 'config-change', summary: 'kept' });
    await fill(store, T0, T0 + 3 * DAY, 5_000); // 3 days, a sample every 5 s
    const before = directoryBytes(dir);
    store.enforceBudget(1_000_000 * MB, before);
    const u0 = store.usage()!;
    expect(u0.rawDays).toBeGreaterThan(2.9);
    const cap = Math.floor(before * 0.6);
    const r = store.enforceBudget(cap, before);
    expect(r.detail).toMatch(/storage over its \d+ MB cap: pruned [\d,]+ metric rows \(oldest raw up to /);
    expect(r.rawRows).toBeGreaterThan(0);
    // One call deletes for at most 250 ms; the next health passes go on until under the cap.
    let rawRows = r.rawRows;
    for (let pass = 0, last = r; last.steps > 0 && pass < 50; pass++) {
      last = store.enforceBudget(cap, directoryBytes(dir));
      rawRows += last.rawRows;
    }
    const u1 = store.usage()!;
    expect(u1.rawDays).toBeLessThan(u0.rawDays);
    expect(u1.rawDays).toBeGreaterThanOrEqual(1); // the newest day of raw is the last to go
    expect(u1.oneMinDays).toBe(u0.oneMinDays);
    expect(u1.tenMinDays).toBe(u0.tenMinDays);
    expect(u1.prunedRawRows).toBe(rawRows);
    // A new database hands pruned pages back (auto_vacuum INCREMENTAL): the directory shrank under the cap.
    const after = directoryBytes(dir);
    expect(after).toBeLessThanOrEqual(cap);
    expect((await store.listAdvisories({ limit: 100 })).length).toBe(20);
    expect((await store.listAudit({})).map((a) => a.summary)).toEqual(['kept']);
    // Within the cap now: nothing more goes.
    expect(store.enforceBudget(cap, after).steps).toBe(0);
  });

  it('while disk space is low: no raw metrics or tickets, but advisories, audit and the 1-minute trend go on', async () => {
    const { store } = open();
    store.reduceWrites('disk space low (400 MB free)');
    await store.saveTicket(makeTicket({ id: 'TKT-low' }));
    const adv = makeAdvisory({ timeMs: T0 });
    await store.saveAdvisory(adv);
    await fill(store, T0, T0 + 600_000, 1000);
    const raw = await store.queryMetrics(['sppPsi'], T0, T0 + 300_000, 1000);
    expect(raw[0]).toMatchObject({ resolution: 'raw', points: [] });
    const trend = await store.queryMetrics(['sppPsi'], T0, T0 + 10 * 3_600_000, 100);
    expect(trend[0].points.length).toBeGreaterThan(0);
    expect(await store.getAdvisory(adv.id)).not.toBeNull();
    const db = new Database(store.file, { readonly: true });
    cleanup.push(() => void db.close());
    expect(db.prepare("SELECT COUNT(*) FROM tickets WHERE id = 'TKT-low'").pluck().get()).toBe(0);
    store.reduceWrites(null);
    await fill(store, T0 + 600_000, T0 + 660_000, 1000);
    expect((await store.queryMetrics(['sppPsi'], T0 + 600_000, T0 + 660_000, 1000))[0].points.length).toBe(60);
  });
});

describe('structure check and the storage component', () => {
  /** A real database with an index, then garbage written over the index's pages. */
  async function damagedIndex(dir: string): Promise<string> {
    const file = path.join(dir, 'damaged.db');
    const db = new Database(file);
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT); CREATE INDEX t_v ON t(v);');
    const put = db.prepare('INSERT INTO t (v) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 20_000; i++) put.run(`value-${(i * 7919) % 20_000}`);
    })();
    const root = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 't_v'").pluck().get() as number;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(pageSize - 200, 0x41), 0, pageSize - 200, (root - 1) * pageSize + 100);
    fs.closeSync(fd);
    return file;
  }

  it('quick_check in a worker finds a damaged index; a sound file is ok', async () => {
    const { store, dir } = open();
    expect(await quickCheck(store.file, 30_000)).toMatchObject({ kind: 'ok' });
    const bad = await damagedIndex(dir);
    const r = await quickCheck(bad, 30_000);
    expect(r.kind).toBe('damaged');
  });

  it('the storage component says the size, the days per tier and the structure; damage needs a person', async () => {
    const { store, dir } = open();
    await fill(store, T0, T0 + 2 * DAY, 60_000);
    let file = store.file;
    const check = new StorageCheck({
      clock: () => Date.UTC(2026, 0, 3, 12),
      storage: { health: () => store.health(), enforceBudget: (c, d) => store.enforceBudget(c, d), databaseFile: () => file },
      dataDir: dir,
      notRecording: null,
      capBytes: () => 8192 * MB,
      integrityIntervalMs: () => 0,
      integrityTimeoutMs: () => 30_000,
    });
    await check.probe();
    const ok = check.check();
    expect(ok.status).toBe('healthy');
    expect(ok.reason).toMatch(/^SQLite .*sairen\.db \(WAL\); database \d+ MB, metrics: raw 2\.0 days, 1-min 2\.0 days, 10-min 2\.0 days; data directory \d+ MB of 8192 MB cap; structure ok \(checked 12:00 UTC in [\d.]+ s\)$/);
    expect(store.health().usage).toMatchObject({ rawDays: expect.any(Number), capBytes: 8192 * MB });
    file = await damagedIndex(dir);
    await check.probe();
    const bad = check.check();
    expect(bad).toMatchObject({ status: 'unhealthy', reason: expect.stringMatching(/^database structure damaged \(quick_check: /) });
    expect(await check.heal()).toMatchObject({ action: 'ManualInterventionRequired', detail: expect.stringContaining('move') });
    expect(fs.existsSync(path.join(dir, DB_FILE))).toBe(true);
  });
});
