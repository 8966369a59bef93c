// The record: the database is writable (the store's own outcome of every write: disk full, write
// errors), structurally sound (PRAGMA quick_check in a worker, on a slow cadence), and within its
// budget (storage.max_data_dir_mb: the oldest metrics are pruned first). The detail says how big
// the record is and how many days each metric tier covers.
import type { StartupNotice, StorageUsage } from '../../../src-shared/health.js';
import { quickCheck, type IntegrityResult } from '../../storage/integrity-probe.js';
import type { PersistenceLayer } from '../../storage/persistence.js';
import { directoryBytes } from '../../storage/storage-budget.js';
import { degraded, fallbackActivated, healthy, manualIntervention, noActionNeeded, unhealthy, type CheckResult, type HealAction, type HealthCheck } from '../health-check.js';
import type { HealthLog } from '../self-healer.js';

export interface StorageCheckDeps {
  clock: () => number;
  storage: Pick<PersistenceLayer, 'health' | 'enforceBudget' | 'databaseFile'>;
  dataDir: string | null;
  /** Boot found the database unusable: the engine runs on memory (NOT RECORDING). */
  notRecording: StartupNotice | null;
  capBytes: () => number;
  integrityIntervalMs: () => number;
  integrityTimeoutMs: () => number;
  log?: HealthLog;
}

const MB = 1024 * 1024;
const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);

export function usageText(u: StorageUsage): string {
  const days = (d: number) => (d >= 10 ? d.toFixed(0) : d.toFixed(1));
  const dir = u.dataDirBytes === null ? '' : `; data directory ${Math.round(u.dataDirBytes / MB)} MB of ${u.capBytes === null ? '?' : Math.round(u.capBytes / MB)} MB cap`;
  return `database ${Math.round(u.databaseBytes / MB)} MB, metrics: raw ${days(u.rawDays)} days, 1-min ${days(u.oneMinDays)} days, 10-min ${days(u.tenMinDays)} days${dir}`;
}

export class StorageCheck implements HealthCheck {
  readonly name = 'storage';
  readonly volatileDetail = true;
  private integrity: (IntegrityResult & { atMs: number }) | null = null;
  private lastPrune: string | null = null;

  constructor(private readonly d: StorageCheckDeps) {}

  async probe(): Promise<void> {
    if (this.d.notRecording) return;
    if (this.d.dataDir) {
      const r = this.d.storage.enforceBudget(this.d.capBytes(), directoryBytes(this.d.dataDir));
      if (r.detail) {
        this.lastPrune = `${r.detail} at ${hhmm(this.d.clock())} UTC`;
        this.d.log?.('warn', r.detail, { component: this.name });
      }
    }
    const file = this.d.storage.databaseFile();
    const now = this.d.clock();
    if (file && this.integrityDue(now)) {
      const r = await quickCheck(file, this.d.integrityTimeoutMs());
      this.integrity = { ...r, atMs: now };
      if (r.kind !== 'ok') this.d.log?.(r.kind === 'damaged' ? 'error' : 'warn', `database structure check: ${this.integrityText()}`, { component: this.name });
    }
  }

  check(): CheckResult {
    if (this.d.notRecording) return unhealthy(`NOT RECORDING: ${this.d.notRecording.summary}`, { notRecording: true });
    const h = this.d.storage.health();
    if (this.integrity?.kind === 'damaged') return unhealthy(`database structure damaged (${this.integrityText()}); ${h.detail}`);
    const parts = [h.detail];
    if (h.usage) parts.push(usageText(h.usage));
    if (this.integrity) parts.push(`structure ${this.integrityText()}`);
    if (this.lastPrune) parts.push(this.lastPrune);
    const detail = parts.join('; ');
    if (h.diskFull) return unhealthy(detail, { diskLow: true });
    if (h.status === 'degraded' || this.integrity?.kind === 'failed') return degraded(detail);
    return healthy(detail);
  }

  async heal(): Promise<HealAction> {
    if (this.d.notRecording) return manualIntervention(this.d.notRecording.summary);
    const file = this.d.storage.databaseFile() ?? 'the database';
    if (this.integrity?.kind === 'damaged') {
      return manualIntervention(`stop SAIREN, move ${file} aside (keep it: it holds the record so far) and start again: a new database is made`);
    }
    const h = this.d.storage.health();
    if (h.diskFull) {
      return fallbackActivated(`metrics dropped while the disk is full; ${h.pendingAdvisories} advisories kept in memory, shown, and written when space returns`);
    }
    return noActionNeeded(h.detail);
  }

  /** A check that could not run is tried again within 5 minutes; a finished one after the interval. */
  private integrityDue(now: number): boolean {
    if (this.integrity === null) return true;
    const every = this.d.integrityIntervalMs();
    return now - this.integrity.atMs >= (this.integrity.kind === 'failed' ? Math.min(every, 300_000) : every);
  }

  private integrityText(): string {
    const r = this.integrity;
    if (!r) return 'not checked yet';
    const at = `checked ${hhmm(r.atMs)} UTC in ${(r.elapsedMs / 1000).toFixed(1)} s`;
    if (r.kind === 'ok') return `ok (${at})`;
    if (r.kind === 'damaged') return `quick_check: ${r.problems.slice(0, 3).join('; ')} (${at})`;
    if (r.kind === 'timed-out') return `check did not finish within ${(r.elapsedMs / 1000).toFixed(0)} s (not counted as damage)`;
    return `check could not run: ${r.message}`;
  }
}
