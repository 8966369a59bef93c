// SQLite-only behaviour on a real file: pragmas, migrations, append-only triggers, the
// single-instance lock, an unwritable directory, disk full, and kill -9 durability.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../../src-main/storage/instance-lock.js';
import { MIGRATIONS } from '../../../src-main/storage/migrations.js';
import { StorageFullError } from '../../../src-main/storage/persistence.js';
import { DB_FILE, SqliteStore } from '../../../src-main/storage/sqlite-store.js';
import { makeAdvisory } from '../../unit/storage/fixtures.js';

const T0 = Date.UTC(2025, 0, 1);
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'sairen-sqlite-'));
  cleanup.push(() => fs.rmSync(d, { recursive: true, force: true }));
  return d;
}

function openStore(dataDir: string, onOpen?: (db: Database.Database) => void): SqliteStore {
  const s = SqliteStore.open({ dataDir, metricsFlushMs: 0, diskFullProbeMs: 0, onOpen });
  cleanup.push(() => s.dispose());
  return s;
}

describe('SqliteStore on a real file', () => {
  it('runs in WAL mode with synchronous=FULL and applies migrations once across reopen', async () => {
    const dir = tempDir();
    let seen: { journal: unknown; sync: unknown; versions: unknown[] } | null = null;
    const grab = (db: Database.Database) => {
      seen = {
        journal: db.pragma('journal_mode', { simple: true }),
        sync: db.pragma('synchronous', { simple: true }),
        versions: db.prepare('SELECT version FROM schema_migrations').pluck().all(),
      };
    };
    const first = SqliteStore.open({ dataDir: dir, metricsFlushMs: 0, onOpen: grab });
    const a = makeAdvisory({ timeMs: T0 });
    await first.saveAdvisory(a);
    await first.dispose();
    const second = openStore(dir, grab);
    expect(seen).toEqual({ journal: 'wal', sync: 2, versions: MIGRATIONS.map((m) => m.version) });
    expect(await second.getAdvisory(a.id)).toEqual(a);
    expect(fs.existsSync(path.join(dir, DB_FILE))).toBe(true);
  });

  it('has committed an advisory by the time saveAdvisory resolves (visible to another connection)', async () => {
    const dir = tempDir();
    const s = openStore(dir);
    const a = makeAdvisory({ timeMs: T0 });
    await s.saveAdvisory(a);
    const other = new Database(path.join(dir, DB_FILE), { readonly: true });
    try {
      expect(other.prepare('SELECT id FROM advisories').pluck().all()).toEqual([a.id]);
    } finally {
      other.close();
    }
  });

  it('rejects UPDATE and DELETE of audit, acknowledgement and outcome rows with a trigger', async () => {
    let db: Database.Database | null = null;
    const s = openStore(tempDir(), (d) => (db = d));
    await s.appendAudit({ timeMs: T0, actor: 'eng', kind: 'config-change', summary: 'x', before: 1, after: 2 });
    await s.acknowledge({ advisoryId: 'ADV-1', timeMs: T0, actor: 'JD', action: 'flow check', notes: '' });
    const d = db as unknown as Database.Database;
    expect(() => d.exec("UPDATE audit SET actor = 'someone else'")).toThrow(/audit log is append-only: rows cannot be updated/);
    expect(() => d.exec('DELETE FROM audit')).toThrow(/append-only: rows cannot be deleted/);
    expect(() => d.exec("UPDATE acknowledgements SET notes = 'edited'")).toThrow(/acknowledgement record is append-only/);
    expect(() => d.exec('DELETE FROM acknowledgements')).toThrow(/rows cannot be deleted/);
    await s.recordOutcome({ advisoryId: 'ADV-1', timeMs: T0, actor: 'JD', outcome: { kind: 'FalsePositive' }, notes: '' });
    expect(() => d.exec("UPDATE advisory_outcomes SET kind = 'Resolved'")).toThrow(/outcome record is append-only/);
    expect(() => d.exec('DELETE FROM advisory_outcomes')).toThrow(/rows cannot be deleted/);
    expect((await s.listAudit({}))[0].actor).toBe('eng');
    expect(await s.listAcknowledgements({})).toHaveLength(1);
  });

  it('refuses an unwritable data directory with a message naming the path', () => {
    const dir = tempDir();
    const file = path.join(dir, 'not-a-dir');
    fs.writeFileSync(file, 'x');
    const bad = path.join(file, 'data'); // a path under a regular file cannot be created, even as root
    expect(() => SqliteStore.open({ dataDir: bad, metricsFlushMs: 0 })).toThrow(
      new RegExp(`data directory "${bad.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}" is not writable`),
    );
  });

  it('refuses a second instance on the same data directory, naming the PID that holds it', async () => {
    const dir = tempDir();
    openStore(dir);
    expect(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
    expect(() => SqliteStore.open({ dataDir: dir, metricsFlushMs: 0 })).toThrow(
      new RegExp(`in use by another SAIREN instance \\(PID ${process.pid}\\)`),
    );
  });

  it('names another live process holding the lock, and takes over a stale lock from a dead PID', async () => {
    const dir = tempDir();
    const lock = path.join(dir, LOCK_FILE);
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    cleanup.push(() => void sleeper.kill('SIGKILL'));
    fs.writeFileSync(lock, `${sleeper.pid}\n`);
    expect(() => SqliteStore.open({ dataDir: dir, metricsFlushMs: 0 })).toThrow(new RegExp(`\\(PID ${sleeper.pid}\\)`));

    const dead = spawnSync(process.execPath, ['-e', 'process.pid']);
    fs.writeFileSync(lock, `${dead.pid}\n`);
    const s = openStore(dir);
    expect(fs.readFileSync(lock, 'utf8').trim()).toBe(String(process.pid));
    await s.dispose();
    expect(fs.existsSync(lock)).toBe(false);
  });

  it('on disk full stops metrics, keeps advisories in memory, flags health, and recovers', async () => {
    const dir = tempDir();
    let db: Database.Database | null = null;
    const s = openStore(dir, (d) => {
      db = d;
      const pages = d.pragma('page_count', { simple: true }) as number;
      d.pragma(`max_page_count = ${pages + 4}`); // a few pages of head-room, then SQLITE_FULL
    });
    for (let i = 0; i < 5000; i++) s.recordMetrics({ timeMs: T0 + i * 1000, values: { flowBalanceGpm: i, sppPsi: 3000 + i } });
    await s.flushMetrics();
    expect(s.health()).toMatchObject({ status: 'unhealthy', diskFull: true });
    expect(s.health().detail).toMatch(/disk full/);

    const a = makeAdvisory({ timeMs: T0, template: { diagnosis: 'x'.repeat(20_000), recommendation: 'r', expectedBenefit: 'b', reasoning: 'q' } });
    const err = await s.saveAdvisory(a).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageFullError);
    expect((err as StorageFullError).queued).toBe(true);
    expect((err as Error).message).toMatch(/kept in memory, will retry/);
    expect(await s.getAdvisory(a.id)).toEqual(a);
    expect((await s.listAdvisories({})).map((x) => x.id)).toEqual([a.id]);
    expect(s.health().pendingAdvisories).toBe(1);

    (db as unknown as Database.Database).pragma('max_page_count = 1000000'); // space freed
    await s.flushMetrics(); // the timer tick retries pending advisories first
    expect(s.health()).toMatchObject({ status: 'healthy', diskFull: false, pendingAdvisories: 0 });
    await s.dispose();
    const reopened = openStore(dir);
    expect(await reopened.getAdvisory(a.id)).toEqual(a);
  });

  it('keeps every advisory, acknowledgement and audit entry it confirmed across kill -9', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'durability-child.ts'), dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    cleanup.push(() => void child.kill('SIGKILL'));
    const confirmed: string[] = [];
    let buffered = '';
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        confirmed.push(...lines);
        if (confirmed.length >= 300) {
          child.kill('SIGKILL'); // mid-write: no shutdown hook runs
          resolve();
        }
      });
      child.on('exit', (code) => (code === null ? resolve() : reject(new Error(`child exited ${code}: ${stderr}`))));
    });
    await new Promise((r) => child.once('close', r));

    const check = new Database(path.join(dir, DB_FILE));
    try {
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      check.close();
    }
    const s = openStore(dir); // takes over the dead child's lock
    const ids = new Set((await s.listAdvisories({ limit: 1000 })).map((a) => a.id));
    const acks = new Set((await s.listAcknowledgements({ limit: 1000 })).map((k) => k.id));
    const audit = new Set((await s.listAudit({ limit: 5000 })).map((e) => String(e.seq)));
    const missing = confirmed.filter((line) => {
      const [kind, id] = line.split(' ');
      return kind === 'advisory' ? !ids.has(id) : kind === 'ack' ? !acks.has(id) : !audit.has(id);
    });
    expect(confirmed.length).toBeGreaterThanOrEqual(300);
    expect(missing).toEqual([]);
  });
});
