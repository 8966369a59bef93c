// Free space where the data lives, measured on every evaluation (one statfs call: a remembered
// figure said "2 MB free" on a disk that had filled since). Under health.disk_low_mb the heal
// stops non-critical writes (raw metrics, tickets, verifications, routine log lines) so what
// matters keeps room: advisories, events, acknowledgements and the audit. They resume once the
// free space is back above twice the limit (no flapping at the edge).
import { statfsSync } from 'node:fs';
import { degraded, fallbackActivated, healthy, reconnected, unhealthy, type CheckResult, type HealAction, type HealthCheck } from '../health-check.js';

export interface DiskCheckDeps {
  dataDir: string | null;
  /** health.disk_low_mb, in bytes. */
  lowBytes: () => number;
  /** Pauses (reason) or resumes (null) the non-critical writes. */
  reduceWrites: (reason: string | null) => void;
  /** Test seam: free bytes of the data directory's file system. */
  freeBytes?: (dir: string) => number;
}

const MB = 1024 * 1024;

export class DiskCheck implements HealthCheck {
  readonly name = 'disk';
  readonly volatileDetail = true;
  private reduced = false;

  constructor(private readonly d: DiskCheckDeps) {}

  check(): CheckResult {
    const dir = this.d.dataDir;
    if (!dir) return healthy('no data directory');
    const flags = { writesReduced: this.reduced };
    let free: number;
    try {
      free = this.d.freeBytes ? this.d.freeBytes(dir) : freeBytesOf(dir);
    } catch (e) {
      return degraded(`cannot check free space: ${(e as Error).message}`, flags);
    }
    const low = this.d.lowBytes();
    const freeMb = Math.round(free / MB);
    const writes = this.reduced ? '; raw metrics, tickets and routine log lines paused' : '';
    const detail = `${freeMb} MB free in ${dir}${writes}`;
    if (free < low) return unhealthy(detail, { ...flags, diskLow: true });
    if (free < 2 * low) return degraded(detail, { ...flags, diskLow: true });
    return healthy(detail, flags);
  }

  async heal(current: CheckResult): Promise<HealAction> {
    const why = `disk space low (${current.reason})`;
    this.d.reduceWrites(why);
    this.reduced = true;
    return fallbackActivated('raw metrics, tickets, verifications and routine log lines paused; advisories, events, acknowledgements and audit still written');
  }

  async recover(): Promise<HealAction | null> {
    if (!this.reduced) return null;
    this.d.reduceWrites(null);
    this.reduced = false;
    return reconnected('free space back above twice the limit: raw metrics, tickets and log lines written again');
  }
}

export function freeBytesOf(dir: string): number {
  const s = statfsSync(dir);
  return s.bavail * s.bsize;
}
