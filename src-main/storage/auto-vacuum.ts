// A database made before auto_vacuum was set (mode NONE) keeps its size after pruning: the freed
// pages are reused but never handed back to the disk. SQLite changes that mode only with a VACUUM,
// which rewrites the whole file, so it is done once, at open, and only when the disk has room for
// it: the rewritten copy (temporary file) plus the journal or write-ahead log it goes through,
// about twice the database. Without that room it is skipped and said; the next open tries again.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';

export type AutoVacuumUpgrade =
  | { kind: 'not-needed' }
  | { kind: 'converted'; beforeBytes: number; afterBytes: number; tookMs: number }
  | { kind: 'skipped'; reason: string };

/** SQLite's auto_vacuum values: 0 NONE, 1 FULL, 2 INCREMENTAL. */
const NONE = 0;
const INCREMENTAL = 2;
/** Kept free on top of the copy and its log, so the rewrite itself never fills the disk. */
const MARGIN_BYTES = 64 * 1024 * 1024;
const MB = 1024 * 1024;

export interface AutoVacuumDeps {
  /** Free bytes of the file system holding a path (statfs; injectable for tests). */
  freeBytes?: (dir: string) => number;
  now?: () => number;
}

function statFree(dir: string): number {
  const s = fs.statfsSync(dir);
  return s.bavail * s.bsize;
}

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/**
 * Sets auto_vacuum INCREMENTAL: on a new (empty) database the pragma alone does it; on an older
 * one made with NONE, a one-time VACUUM does, when there is room. Call before journal_mode = WAL
 * is set on a new file; an old file keeps the journal mode it has.
 */
export function ensureIncrementalVacuum(db: Database.Database, file: string, deps: AutoVacuumDeps = {}): AutoVacuumUpgrade {
  const mode = db.pragma('auto_vacuum', { simple: true }) as number;
  db.pragma('auto_vacuum = INCREMENTAL'); // takes effect now on an empty file, at the next VACUUM otherwise
  const hasTables = (db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").pluck().get() as number) > 0;
  if (mode !== NONE || !hasTables) return { kind: 'not-needed' };
  const beforeBytes = sizeOf(file) + sizeOf(`${file}-wal`);
  const short = lackOfRoom(path.dirname(file), beforeBytes, deps.freeBytes ?? statFree);
  if (short) return { kind: 'skipped', reason: `the one-time VACUUM that lets pruning shrink the file needs ${short}; pruned space is reused but not returned to the disk` };
  const now = deps.now ?? (() => performance.now());
  const t0 = now();
  db.exec('VACUUM');
  if ((db.pragma('auto_vacuum', { simple: true }) as number) !== INCREMENTAL) return { kind: 'skipped', reason: 'VACUUM did not change auto_vacuum' };
  db.pragma('wal_checkpoint(TRUNCATE)');
  return { kind: 'converted', beforeBytes, afterBytes: sizeOf(file) + sizeOf(`${file}-wal`), tookMs: Math.round(now() - t0) };
}

/** What is missing for the rewrite, or null when there is room: the copy goes to SQLite's temporary directory, the log next to the database. */
function lackOfRoom(dir: string, dbBytes: number, free: (dir: string) => number): string | null {
  const tmp = os.tmpdir();
  const need = (bytes: number, where: string): string | null => {
    const have = free(where);
    return have >= bytes ? null : `about ${Math.ceil(bytes / MB)} MB free in ${where}, ${Math.floor(have / MB)} MB are`;
  };
  if (sameFileSystem(dir, tmp)) return need(2 * dbBytes + MARGIN_BYTES, dir);
  return need(dbBytes + MARGIN_BYTES, dir) ?? need(dbBytes + MARGIN_BYTES, tmp);
}

function sameFileSystem(a: string, b: string): boolean {
  try {
    return fs.statSync(a).dev === fs.statSync(b).dev;
  } catch {
    return true; // unknown: count the copy against the data directory's room as well
  }
}

/** One line for the log, or null when nothing was done or needed. */
export function describeUpgrade(u: AutoVacuumUpgrade, file: string): string | null {
  if (u.kind === 'converted') {
    return `database ${file} switched to incremental auto-vacuum (one-time VACUUM, ${Math.round(u.beforeBytes / MB)} MB -> ${Math.round(u.afterBytes / MB)} MB, ${u.tookMs} ms): pruning now returns space to the disk`;
  }
  return u.kind === 'skipped' ? `database ${file} left without auto-vacuum: ${u.reason}` : null;
}
