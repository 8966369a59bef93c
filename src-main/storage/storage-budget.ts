// The storage budget: the data directory stays under storage.max_data_dir_mb. Over it, the oldest
// metrics go first (raw 1 Hz rows by the hour, then the rollups), never an advisory, event,
// acknowledgement or audit entry, down to 90 % of the cap so the pruning does not run on every
// pass. Freed pages are reused before the file grows; a database made with auto_vacuum
// INCREMENTAL also hands them back to the disk.
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import type { StorageUsage } from '../../src-shared/health.js';
import type { MetricTier, SqliteMetrics } from './sqlite-metrics.js';

export interface BudgetResult {
  /** The data directory as measured, less what the pruning gave back to the disk. */
  dataDirBytes: number;
  /** What went, when something did (the last step). */
  pruned: { tier: MetricTier; rows: number; beforeMs: number } | null;
  /** Steps taken in this call. */
  steps: number;
  /** Raw rows deleted in this call. */
  rawRows: number;
  /** One line for the log and health when something was pruned. */
  detail: string | null;
}

/** Target after pruning, as a share of the cap. */
const TARGET_SHARE = 0.9;
/** Longest one call spends deleting (the engine thread is shared with the packet loop). */
const MAX_PRUNE_MS = 250;
const DAY_MS = 86_400_000;
const MB = 1024 * 1024;

const pragma = (db: Database.Database, name: string): number => db.pragma(name, { simple: true }) as number;

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/** Bytes of free pages in the database (reused before it grows). */
const freeBytes = (db: Database.Database): number => pragma(db, 'freelist_count') * pragma(db, 'page_size');

function databaseUsage(db: Database.Database, file: string, metrics: SqliteMetrics): Omit<StorageUsage, 'dataDirBytes' | 'capBytes' | 'prunedRawRows'> {
  const days = (tier: MetricTier) => {
    const s = metrics.span(tier);
    return s ? Math.round(((s.newestMs - s.oldestMs) / DAY_MS) * 100) / 100 : 0;
  };
  const spans = (['raw', '1min', '10min'] as const).map((t) => metrics.span(t)).filter((s) => s !== null);
  return {
    databaseBytes: sizeOf(file) + sizeOf(`${file}-wal`),
    freeBytes: freeBytes(db),
    rawDays: days('raw'),
    oneMinDays: days('1min'),
    tenMinDays: days('10min'),
    oldestMs: spans.length ? Math.min(...spans.map((s) => s.oldestMs)) : null,
    newestMs: spans.length ? Math.max(...spans.map((s) => s.newestMs)) : null,
  };
}

/**
 * Prunes the oldest metrics while the data directory (counting the database's live pages) is over
 * the cap; one call stops after MAX_PRUNE_MS and the next health pass goes on from there.
 */
function keepUnderBudget(db: Database.Database, file: string, metrics: SqliteMetrics, capBytes: number, dataDirBytes: number): BudgetResult {
  // The database's live pages, not its file sizes: the log holds copies of pages (some past the
  // end of the main file), so file sizes over- or under-count until a checkpoint.
  const otherBytes = dataDirBytes - sizeOf(file) - sizeOf(`${file}-wal`);
  const used = () => otherBytes + (pragma(db, 'page_count') - pragma(db, 'freelist_count')) * pragma(db, 'page_size');
  if (used() <= capBytes) return { dataDirBytes, pruned: null, steps: 0, rawRows: 0, detail: null };
  const target = capBytes * TARGET_SHARE;
  const started = performance.now();
  let last: BudgetResult['pruned'] = null;
  let steps = 0;
  let rows = 0;
  let rawRows = 0;
  while (used() > target && performance.now() - started < MAX_PRUNE_MS) {
    const step = metrics.pruneOldest();
    if (!step) break;
    last = step;
    rows += step.rows;
    if (step.tier === 'raw') rawRows += step.rows;
    steps++;
  }
  // Hand the freed pages back to the disk where the database allows it (auto_vacuum INCREMENTAL):
  // the file shrinks, and the log of the deletes is folded in and emptied.
  if (steps > 0) {
    if (pragma(db, 'auto_vacuum') === 2) db.pragma('incremental_vacuum');
    db.pragma('wal_checkpoint(TRUNCATE)');
    dataDirBytes = otherBytes + sizeOf(file) + sizeOf(`${file}-wal`);
  }
  const detail = last
    ? `storage over its ${Math.round(capBytes / MB)} MB cap: pruned ${rows.toLocaleString('en-US')} metric rows (oldest ${last.tier} up to ${new Date(last.beforeMs).toISOString()})`
    : `storage over its ${Math.round(capBytes / MB)} MB cap and no metrics left to prune`;
  return { dataDirBytes, pruned: last, steps, rawRows, detail };
}

/** SqliteStore's budget: each enforce() prunes if needed and refreshes the usage health shows. */
export class SqliteBudget {
  private lastUsage: StorageUsage | null = null;
  /** Raw rows pruned since the store opened. */
  private prunedRawRows = 0;

  constructor(
    private readonly db: Database.Database,
    private readonly file: string,
    private readonly metrics: SqliteMetrics,
  ) {}

  /** As of the last enforce(); null before it. */
  get usage(): StorageUsage | null {
    return this.lastUsage;
  }

  enforce(capBytes: number, dataDirBytes: number): BudgetResult {
    const r = keepUnderBudget(this.db, this.file, this.metrics, capBytes, dataDirBytes);
    this.prunedRawRows += r.rawRows;
    this.lastUsage = { ...databaseUsage(this.db, this.file, this.metrics), dataDirBytes: r.dataDirBytes, capBytes, prunedRawRows: this.prunedRawRows };
    return r;
  }
}

/** Everything under a directory, bytes (the data directory is a handful of folders). */
export function directoryBytes(dir: string): number {
  let total = 0;
  const walk = (d: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = `${d}/${e.name}`;
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) total += sizeOf(p);
    }
  };
  walk(dir);
  return total;
}
