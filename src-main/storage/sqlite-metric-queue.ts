// SqliteStore's write-behind buffer: 1 Hz samples, packet counts and rig-state minutes wait in
// memory and are written in one transaction per flush (one sync to disk per tick, not per
// packet). While the disk is full they are dropped, except one batch every probe period.
import type Database from 'better-sqlite3';
import { ONE_MIN_MS, bucketStart } from './metric-buckets.js';
import type { MetricSample } from './persistence.js';
import type { SqliteMetrics } from './sqlite-metrics.js';
import type { SqliteReportQueries } from './sqlite-report-queries.js';
import { isFull, type SqliteWriteGuard } from './sqlite-write-guard.js';

export class SqliteMetricQueue {
  private samples: MetricSample[] = [];
  private packets = new Map<number, number>();
  /** "minuteMs|state" -> packets. */
  private rigStates = new Map<string, number>();

  constructor(
    private readonly db: Database.Database,
    private readonly metrics: SqliteMetrics,
    private readonly reportQueries: SqliteReportQueries,
    private readonly guard: SqliteWriteGuard,
  ) {}

  record(sample: MetricSample): void {
    if (this.guard.metricsHeldBack()) {
      this.guard.dropSamples(1); // disk full: metrics are the first thing we stop writing
      return;
    }
    this.samples.push(sample);
  }

  recordPackets(timeMs: number, packets: number): void {
    if (this.guard.isDiskFull || !Number.isFinite(packets)) return;
    const m = bucketStart(timeMs, ONE_MIN_MS);
    this.packets.set(m, (this.packets.get(m) ?? 0) + packets);
  }

  recordRigState(timeMs: number, rigState: string): void {
    if (this.guard.isDiskFull) return;
    const key = `${bucketStart(timeMs, ONE_MIN_MS)}|${rigState}`;
    this.rigStates.set(key, (this.rigStates.get(key) ?? 0) + 1);
  }

  /** Writes what is queued; `rawPaused` (disk space low) keeps only the rollups and counts. */
  flush(rawPaused: boolean): void {
    if (this.guard.metricsHeldBack()) {
      this.guard.dropSamples(this.samples.length);
      this.samples = [];
      this.packets.clear();
      this.rigStates.clear();
      return;
    }
    this.guard.probing();
    const batch = this.samples;
    const packets = this.packets;
    const states = this.rigStates;
    if (batch.length === 0 && packets.size === 0 && states.size === 0) return;
    this.samples = [];
    this.packets = new Map();
    this.rigStates = new Map();
    try {
      this.db.transaction(() => {
        this.metrics.write(batch, packets, rawPaused);
        this.reportQueries.writeRigStates(states); // minute counts, small: kept while disk space is low
      })();
      if (this.guard.isDiskFull) this.guard.clearDiskFull();
    } catch (err) {
      this.metrics.loadChannelIds(); // the rollback may have undone new channel rows
      if (isFull(err)) {
        this.guard.dropSamples(batch.length);
        this.guard.raiseDiskFull(`metrics flush: ${(err as Error).message}`);
      } else {
        this.guard.noteError(`metrics flush failed: ${(err as Error).message}`);
      }
    }
  }
}
