// The hub's schema, versioned. Instances starting together serialise on an advisory lock, so
// each migration is applied exactly once, in its own transaction. Append; never edit one.
import type pg from 'pg';

interface HubMigration {
  version: number;
  name: string;
  sql: string;
}

/** Advisory-lock keys (first argument of pg_advisory_lock(int, int)): one namespace for the hub. */
export const LOCK_NAMESPACE = 0x5a1e;
export const LOCK_MIGRATIONS = 1;
export const LOCK_CURATOR = 2;

const MIGRATIONS: readonly HubMigration[] = [
  {
    version: 1,
    name: 'rigs, events, library',
    sql: `
CREATE TABLE rigs (
  rig_id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  key_hash TEXT NOT NULL,
  created_ms BIGINT NOT NULL,
  revoked_ms BIGINT,
  last_seen_ms BIGINT,
  library_version BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE events (
  id TEXT PRIMARY KEY,
  rig_id TEXT NOT NULL REFERENCES rigs(rig_id),
  time_ms BIGINT NOT NULL,
  category TEXT NOT NULL,
  fault TEXT NOT NULL,
  risk TEXT NOT NULL,
  depth_ft DOUBLE PRECISION,
  outcome JSONB NOT NULL,
  notes TEXT NOT NULL,
  body BYTEA NOT NULL,
  upload_bytes INTEGER NOT NULL,
  received_ms BIGINT NOT NULL,
  curated BOOLEAN NOT NULL DEFAULT false,
  episode_id TEXT
);
CREATE INDEX events_uncurated ON events (received_ms) WHERE NOT curated;
CREATE INDEX events_rig ON events (rig_id, received_ms);
CREATE INDEX events_received ON events (received_ms);

CREATE TABLE episodes (
  id TEXT PRIMARY KEY,
  event_id TEXT NOT NULL,
  source_rig TEXT NOT NULL,
  category TEXT NOT NULL,
  outcome_kind TEXT NOT NULL,
  outcome_value DOUBLE PRECISION NOT NULL,
  detail DOUBLE PRECISION NOT NULL,
  time_ms BIGINT NOT NULL,
  depth_ft DOUBLE PRECISION,
  score DOUBLE PRECISION NOT NULL,
  version BIGINT NOT NULL,
  json TEXT NOT NULL
);
CREATE INDEX episodes_version ON episodes (version, id);
CREATE INDEX episodes_near ON episodes (source_rig, category, time_ms);

CREATE TABLE episode_tombstones (
  id TEXT PRIMARY KEY,
  version BIGINT NOT NULL
);
CREATE INDEX episode_tombstones_version ON episode_tombstones (version, id);

CREATE TABLE library_meta (
  one BOOLEAN PRIMARY KEY DEFAULT true CHECK (one),
  version BIGINT NOT NULL,
  updated_ms BIGINT NOT NULL
);
INSERT INTO library_meta (one, version, updated_ms) VALUES (true, 0, 0);
`,
  },
];

export async function migrateHub(pool: pg.Pool): Promise<number[]> {
  const c = await pool.connect();
  try {
    await c.query('SELECT pg_advisory_lock($1, $2)', [LOCK_NAMESPACE, LOCK_MIGRATIONS]);
    await c.query(`CREATE TABLE IF NOT EXISTS hub_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_ms BIGINT NOT NULL)`);
    const done = new Set((await c.query<{ version: number }>('SELECT version FROM hub_migrations')).rows.map((r) => r.version));
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      await c.query('BEGIN');
      try {
        await c.query(m.sql);
        await c.query('INSERT INTO hub_migrations (version, name, applied_ms) VALUES ($1, $2, $3)', [m.version, m.name, Date.now()]);
        await c.query('COMMIT');
      } catch (e) {
        await c.query('ROLLBACK');
        throw new Error(`hub migration ${m.version} (${m.name}) failed: ${(e as Error).message}`, { cause: e });
      }
      applied.push(m.version);
    }
    return applied;
  } finally {
    await c.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_NAMESPACE, LOCK_MIGRATIONS]).catch(() => undefined);
    c.release();
  }
}
