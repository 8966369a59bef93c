// Opening sairen.db: the data directory must take a real write, one engine holds it (instance
// lock), a 0-byte file is set aside, a damaged one is refused, an old one is converted to
// incremental auto-vacuum once, then WAL + synchronous=FULL and the migrations. Any failure
// releases the lock and says which file and why.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DatabaseUnusableError, inspectDatabaseFile } from './database-file.js';
import { acquireInstanceLock, type InstanceLock } from './instance-lock.js';
import { setAsideDamagedFile } from './set-aside.js';
import { migrate } from './migrations.js';
import { describeUpgrade, ensureIncrementalVacuum, type AutoVacuumUpgrade } from './auto-vacuum.js';

export const DB_FILE = 'sairen.db';

export interface SqliteOpenOptions {
  dataDir: string;
  /** Where open says what it did to the file (the auto-vacuum conversion). */
  log?: (line: string) => void;
  /** Test hook: runs on the open connection after migrations (e.g. PRAGMA max_page_count). */
  onOpen?: (db: Database.Database) => void;
}

export interface OpenedDatabase {
  file: string;
  db: Database.Database;
  lock: InstanceLock;
  /** What open did about auto-vacuum (an old database is converted once). */
  autoVacuum: AutoVacuumUpgrade;
  /** Set when a damaged (0-byte) database was renamed aside. */
  setAside: { movedTo: string; reason: string } | null;
}

function ensureWritableDir(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
    // access() passes for root on a read-only mount; a real write does not.
    const probe = path.join(dir, `.sairen-write-test-${process.pid}`);
    fs.writeFileSync(probe, 'ok');
    fs.rmSync(probe, { force: true });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new Error(
      `SAIREN data directory "${dir}" is not writable (${e.code ?? e.message}); ` +
        'choose another data directory or fix its permissions',
      { cause: err },
    );
  }
}

/** Opens (creating if needed) `sairen.db` in dataDir. Throws a readable Error on failure. */
export function openSqliteDatabase(opts: SqliteOpenOptions): OpenedDatabase {
  const dir = path.resolve(opts.dataDir);
  ensureWritableDir(dir);
  const lock = acquireInstanceLock(dir);
  const file = path.join(dir, DB_FILE);
  const state = inspectDatabaseFile(file);
  let setAside: OpenedDatabase['setAside'] = null;
  try {
    if (state.kind === 'damaged') throw new DatabaseUnusableError(file, state.reason);
    // A 0-byte database was truncated: kept aside, and a new one started (said in health and the audit).
    if (state.kind === 'empty') setAside = { movedTo: setAsideDamagedFile(file, Date.now(), ['-wal', '-shm']), reason: 'it was empty (0 bytes)' };
  } catch (err) {
    lock.release();
    throw err;
  }
  try {
    const db = new Database(file);
    // Pruned pages go back to the disk (incremental_vacuum after a budget prune); a database made
    // without auto-vacuum is converted once, when the disk has room for it.
    const autoVacuum = ensureIncrementalVacuum(db, file);
    const vacuumNote = describeUpgrade(autoVacuum, file);
    if (vacuumNote) opts.log?.(vacuumNote);
    db.pragma('journal_mode = WAL');
    db.pragma('journal_size_limit = 33554432'); // the WAL shrinks back to 32 MB after a checkpoint
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    opts.onOpen?.(db);
    return { file, db, lock, autoVacuum, setAside };
  } catch (err) {
    lock.release();
    // Unreadable (malformed, not a database, no permission): the engine runs without recording.
    throw new DatabaseUnusableError(file, (err as Error).message.replace(/\.$/, ''));
  }
}
