// Rigs and their keys in PostgreSQL. The key itself is never stored, only its scrypt hash.
import type pg from 'pg';
import { generateRigKey, hashRigKey } from '../auth/keys.js';

export interface RigRow {
  rigId: string;
  name: string;
  keyHash: string;
  createdMs: number;
  revokedMs: number | null;
  lastSeenMs: number | null;
  libraryVersion: number;
}

export interface RigSummary {
  rigId: string;
  name: string;
  active: boolean;
  createdMs: number;
  lastSeenMs: number | null;
  events: number;
  libraryVersion: number;
}

export class RigStore {
  constructor(private readonly pool: pg.Pool) {}

  async find(rigId: string): Promise<RigRow | null> {
    const r = await this.pool.query(
      'SELECT rig_id, name, key_hash, created_ms, revoked_ms, last_seen_ms, library_version FROM rigs WHERE rig_id = $1',
      [rigId],
    );
    const row = r.rows[0];
    return row
      ? {
          rigId: row.rig_id,
          name: row.name,
          keyHash: row.key_hash,
          createdMs: row.created_ms,
          revokedMs: row.revoked_ms,
          lastSeenMs: row.last_seen_ms,
          libraryVersion: row.library_version,
        }
      : null;
  }

  /** Registers a rig; the key is returned here once and never again. null = id taken. */
  async register(rigId: string, name: string, nowMs: number): Promise<{ rigId: string; key: string } | null> {
    const key = generateRigKey();
    const hash = await hashRigKey(key);
    const r = await this.pool.query(
      'INSERT INTO rigs (rig_id, name, key_hash, created_ms) VALUES ($1, $2, $3, $4) ON CONFLICT (rig_id) DO NOTHING RETURNING rig_id',
      [rigId, name, hash, nowMs],
    );
    return r.rowCount === 1 ? { rigId, key } : null;
  }

  /** Revokes a rig's key at once (every instance reads it on every call). false = unknown rig. */
  async revoke(rigId: string, nowMs: number): Promise<boolean> {
    const r = await this.pool.query('UPDATE rigs SET revoked_ms = COALESCE(revoked_ms, $2) WHERE rig_id = $1', [rigId, nowMs]);
    return r.rowCount === 1;
  }

  async touch(rigId: string, nowMs: number, libraryVersion?: number): Promise<void> {
    await this.pool.query(
      `UPDATE rigs SET last_seen_ms = GREATEST(COALESCE(last_seen_ms, 0), $2),
         library_version = GREATEST(library_version, COALESCE($3, library_version)) WHERE rig_id = $1`,
      [rigId, nowMs, libraryVersion ?? null],
    );
  }

  async list(): Promise<RigSummary[]> {
    const r = await this.pool.query(`
      SELECT g.rig_id, g.name, g.revoked_ms, g.created_ms, g.last_seen_ms, g.library_version,
        (SELECT COUNT(*) FROM events e WHERE e.rig_id = g.rig_id)::int AS events
      FROM rigs g ORDER BY g.rig_id`);
    return r.rows.map((row) => ({
      rigId: row.rig_id,
      name: row.name,
      active: row.revoked_ms === null,
      createdMs: row.created_ms,
      lastSeenMs: row.last_seen_ms,
      events: row.events,
      libraryVersion: row.library_version,
    }));
  }
}
