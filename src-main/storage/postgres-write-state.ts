// What PostgresStore's health says: the last failed write (an advisory kept in memory, a
// metrics flush) until one of the same kind succeeds, and whether the server's disk is full.
import type { StorageHealth } from './persistence.js';

/** PostgreSQL's disk_full error code. */
const DISK_FULL = '53100';

export class PostgresWriteState {
  private lastError: string | null = null;
  private diskFull = false;

  /** Server, database and schema, for messages. */
  constructor(private readonly place: string) {}

  get isDiskFull(): boolean {
    return this.diskFull;
  }

  ok(): void {
    this.lastError = null;
    this.diskFull = false;
  }

  failed(what: string, e: unknown): void {
    this.lastError = `${what}: ${(e as Error).message}`;
    if ((e as { code?: string }).code === DISK_FULL) this.diskFull = true;
  }

  /** Whether the last failure was of this kind ('advisory', 'metrics'). */
  lastFailureWas(prefix: string): boolean {
    return this.lastError?.startsWith(prefix) ?? false;
  }

  /** Health of an open store with `pending` advisories kept in memory. */
  health(pending: number): StorageHealth {
    if (this.lastError) {
      return {
        status: pending > 0 || this.diskFull ? 'unhealthy' : 'degraded',
        detail: `PostgreSQL ${this.place}: ${this.lastError}${pending ? ` (${pending} advisories kept in memory, retried)` : ''}`,
        diskFull: this.diskFull,
        pendingAdvisories: pending,
      };
    }
    return { status: 'healthy', detail: `PostgreSQL ${this.place}`, diskFull: false, pendingAdvisories: 0 };
  }
}
