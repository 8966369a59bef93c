// SqliteStore's writes and what health says about them. A write that hits SQLITE_FULL raises the
// disk-full flag: metrics are dropped (one batch every probeMs goes through to test for space),
// advisories are kept in memory and retried, and the flag clears on the first write that lands
// with no advisory left waiting. Any other failed write is the last error health shows.
import type { StorageUsage } from '../../src-shared/health.js';
import { StorageFullError, type StorageHealth } from './persistence.js';

export const isFull = (err: unknown): boolean => (err as { code?: string } | null)?.code === 'SQLITE_FULL';

export class SqliteWriteGuard {
  private diskFull = false;
  private diskFullSinceMs = 0;
  private lastProbeMs = 0;
  private droppedSamples = 0;
  private lastError: string | null = null;

  constructor(
    private readonly file: string,
    /** While the disk is full, how often one metrics batch is let through to probe for space. */
    private readonly probeMs: number,
    /** Advisories kept in memory, waiting for space. */
    private readonly pendingAdvisories: () => number,
  ) {}

  get isDiskFull(): boolean {
    return this.diskFull;
  }

  /** Runs a durable write; SQLITE_FULL raises the disk-full flag and a StorageFullError. */
  write<T>(what: string, fn: () => T, queued = false): T {
    try {
      const out = fn();
      if (this.diskFull && this.pendingAdvisories() === 0) this.clearDiskFull();
      return out;
    } catch (err) {
      if (!isFull(err)) throw err;
      this.raiseDiskFull(`${what}: ${(err as Error).message}`);
      throw new StorageFullError(
        `disk full: could not write ${what} to ${this.file}` + (queued ? ' (kept in memory, will retry)' : ''),
        queued,
      );
    }
  }

  raiseDiskFull(detail: string): void {
    if (!this.diskFull) {
      this.diskFull = true;
      this.diskFullSinceMs = Date.now();
      this.lastProbeMs = Date.now();
    }
    this.lastError = detail;
  }

  clearDiskFull(): void {
    this.diskFull = false;
    this.lastError = null;
  }

  /** A failed write that was not a full disk (health shows it as degraded). */
  noteError(detail: string): void {
    this.lastError = detail;
  }

  /** Disk full and no probe due: metrics are not written (they are the first thing to go). */
  metricsHeldBack(): boolean {
    return this.diskFull && Date.now() - this.lastProbeMs < this.probeMs;
  }

  /** A metrics batch is let through as the probe for space. */
  probing(): void {
    if (this.diskFull) this.lastProbeMs = Date.now();
  }

  dropSamples(n: number): void {
    this.droppedSamples += n;
  }

  /** Health of an open store. */
  health(usage: StorageUsage | null): StorageHealth {
    const u = usage ? { usage } : {};
    if (this.diskFull) {
      const pending = this.pendingAdvisories();
      return {
        status: 'unhealthy',
        detail:
          `disk full since ${new Date(this.diskFullSinceMs).toISOString()}: metrics not written (${this.droppedSamples} samples dropped), ` +
          `${pending} advisories kept in memory and retried (${this.lastError ?? 'SQLITE_FULL'})`,
        diskFull: true,
        pendingAdvisories: pending,
        ...u,
      };
    }
    if (this.lastError) return { status: 'degraded', detail: this.lastError, diskFull: false, pendingAdvisories: 0, ...u };
    return { status: 'healthy', detail: `SQLite ${this.file} (WAL)`, diskFull: false, pendingAdvisories: 0, ...u };
  }
}
