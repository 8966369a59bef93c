// Uploaded events. The id is the primary key, so an upload is idempotent on every instance at
// once: the first insert wins, any repeat (retry, second instance, lost response) is a duplicate.
import type pg from 'pg';
import { stableStringify, type FleetEvent, type FleetOutcome } from '../../src-shared/fleet.js';
import { zstdCompress } from '../zstd.js';

export interface RecentEvent {
  id: string;
  rigId: string;
  timeMs: number;
  category: string;
  fault: string;
  risk: string;
  depthFt: number | null;
  outcome: FleetOutcome;
  receivedMs: number;
}

export class EventStore {
  constructor(private readonly pool: pg.Pool) {}

  /**
   * true = stored now, false = already there (duplicate). Touches the rig's last-seen time.
   * `compressed` is the upload as received when the rig sent zstd (it is kept as is).
   */
  async insert(e: FleetEvent, uploadBytes: number, nowMs: number, compressed: Buffer | null): Promise<boolean> {
    const body = compressed ?? zstdCompress(stableStringify(e));
    const r = await this.pool.query(
      `WITH ins AS (
         INSERT INTO events (id, rig_id, time_ms, category, fault, risk, depth_ft, outcome, notes, body, upload_bytes, received_ms)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (id) DO NOTHING RETURNING id),
       seen AS (UPDATE rigs SET last_seen_ms = GREATEST(COALESCE(last_seen_ms, 0), $12) WHERE rig_id = $2)
       SELECT COUNT(*)::int AS n FROM ins`,
      [e.id, e.rigId, Math.round(e.timeMs), e.category, e.fault, e.riskLevel, e.depthFt, JSON.stringify(e.outcome), e.notes, body, uploadBytes, nowMs],
    );
    return r.rows[0].n === 1;
  }

  async owner(id: string): Promise<string | null> {
    const r = await this.pool.query<{ rig_id: string }>('SELECT rig_id FROM events WHERE id = $1', [id]);
    return r.rows[0]?.rig_id ?? null;
  }

  /** A new outcome for an event: stored, and the curator looks at the event again. */
  async setOutcome(id: string, outcome: FleetOutcome, notes: string | undefined): Promise<boolean> {
    const r = await this.pool.query(
      'UPDATE events SET outcome = $2, notes = COALESCE($3, notes), curated = false WHERE id = $1',
      [id, JSON.stringify(outcome), notes ?? null],
    );
    return r.rowCount === 1;
  }

  async recent(limit: number): Promise<RecentEvent[]> {
    const r = await this.pool.query(
      `SELECT id, rig_id, time_ms, category, fault, risk, depth_ft, outcome, received_ms
       FROM events ORDER BY received_ms DESC, id LIMIT $1`,
      [limit],
    );
    return r.rows.map((row) => ({
      id: row.id,
      rigId: row.rig_id,
      timeMs: row.time_ms,
      category: row.category,
      fault: row.fault,
      risk: row.risk,
      depthFt: row.depth_ft,
      outcome: row.outcome,
      receivedMs: row.received_ms,
    }));
  }

  async count(): Promise<number> {
    return (await this.pool.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM events')).rows[0].n;
  }
}
