// The engine's schema on PostgreSQL (storage.kind = "postgres"). Same versions as the SQLite
// migrations in migrations.ts, one for one, so both stores hold the same record; documents are
// JSONB so reports can query inside them. Append; never edit an applied migration.
import type pg from 'pg';

export interface PgMigration {
  version: number;
  name: string;
  sql: string;
}

const appendOnly = (table: string, what: string) => `
CREATE FUNCTION ${table}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION '${what} is append-only: rows cannot be %', lower(TG_OP); END $$;
CREATE TRIGGER ${table}_no_change BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${table}_append_only();`;

export const PG_MIGRATIONS: readonly PgMigration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
CREATE TABLE advisories (
  id TEXT PRIMARY KEY,
  time_ms BIGINT NOT NULL,
  category TEXT NOT NULL,
  fault TEXT NOT NULL,
  risk TEXT NOT NULL,
  risk_rank INTEGER NOT NULL,
  severity TEXT NOT NULL,
  source TEXT NOT NULL,
  doc JSONB NOT NULL
);
CREATE INDEX advisories_time ON advisories(time_ms);
CREATE INDEX advisories_category_time ON advisories(category, time_ms);
CREATE INDEX advisories_risk_time ON advisories(risk_rank, time_ms);

CREATE TABLE tickets (
  id TEXT PRIMARY KEY,
  time_ms BIGINT NOT NULL,
  category TEXT NOT NULL,
  fault TEXT NOT NULL,
  severity TEXT NOT NULL,
  doc JSONB NOT NULL
);
CREATE INDEX tickets_time ON tickets(time_ms);

CREATE TABLE verifications (
  seq BIGSERIAL PRIMARY KEY,
  ticket_id TEXT NOT NULL,
  time_ms BIGINT NOT NULL,
  status TEXT NOT NULL,
  doc JSONB NOT NULL
);
CREATE INDEX verifications_time ON verifications(time_ms);

CREATE TABLE acknowledgements (
  seq BIGSERIAL PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  advisory_id TEXT NOT NULL,
  time_ms BIGINT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  notes TEXT NOT NULL
);
CREATE INDEX acknowledgements_advisory ON acknowledgements(advisory_id);
CREATE INDEX acknowledgements_time ON acknowledgements(time_ms);
${appendOnly('acknowledgements', 'the acknowledgement record')}

CREATE TABLE audit (
  seq BIGSERIAL PRIMARY KEY,
  time_ms BIGINT NOT NULL,
  actor TEXT NOT NULL,
  kind TEXT NOT NULL,
  summary TEXT NOT NULL,
  before_doc JSONB,
  after_doc JSONB
);
CREATE INDEX audit_time ON audit(time_ms);
CREATE INDEX audit_kind_time ON audit(kind, time_ms);
${appendOnly('audit', 'the audit log')}

CREATE TABLE metric_channels (id SERIAL PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE metrics_raw (
  channel_id INTEGER NOT NULL,
  time_ms BIGINT NOT NULL,
  value DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (channel_id, time_ms)
);
CREATE TABLE metrics_1min (
  channel_id INTEGER NOT NULL,
  bucket_ms BIGINT NOT NULL,
  n INTEGER NOT NULL,
  v_sum DOUBLE PRECISION NOT NULL,
  v_min DOUBLE PRECISION NOT NULL,
  v_max DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (channel_id, bucket_ms)
);
CREATE TABLE metrics_10min (LIKE metrics_1min INCLUDING ALL);
CREATE TABLE packet_counts (minute_ms BIGINT PRIMARY KEY, packets BIGINT NOT NULL);

CREATE TABLE ml_reports (
  seq BIGSERIAL PRIMARY KEY,
  time_ms BIGINT NOT NULL,
  well_id TEXT NOT NULL,
  campaign TEXT NOT NULL,
  depth_ft DOUBLE PRECISION,
  doc JSONB NOT NULL
);
CREATE INDEX ml_reports_time ON ml_reports(time_ms);
`,
  },
  {
    version: 2,
    name: 'advisory outcomes and recall episodes',
    sql: `
CREATE TABLE advisory_outcomes (
  seq BIGSERIAL PRIMARY KEY,
  advisory_id TEXT NOT NULL,
  time_ms BIGINT NOT NULL,
  actor TEXT NOT NULL,
  kind TEXT NOT NULL,
  outcome JSONB NOT NULL,
  notes TEXT NOT NULL
);
CREATE INDEX advisory_outcomes_advisory ON advisory_outcomes(advisory_id, seq);
CREATE INDEX advisory_outcomes_time ON advisory_outcomes(time_ms);
${appendOnly('advisory_outcomes', 'the outcome record')}

CREATE TABLE episodes (
  id TEXT PRIMARY KEY,
  time_ms BIGINT NOT NULL,
  category TEXT NOT NULL,
  campaign TEXT NOT NULL,
  risk TEXT NOT NULL,
  source_rig TEXT NOT NULL,
  outcome_kind TEXT NOT NULL,
  doc JSONB NOT NULL
);
CREATE INDEX episodes_time ON episodes(time_ms, id);
`,
  },
  {
    version: 3,
    name: 'alarm events',
    sql: `
CREATE TABLE alarm_events (
  id TEXT PRIMARY KEY,
  fault TEXT NOT NULL,
  state TEXT NOT NULL,
  opened_ms BIGINT NOT NULL,
  updated_ms BIGINT NOT NULL,
  doc JSONB NOT NULL
);
CREATE INDEX alarm_events_updated ON alarm_events(updated_ms);
CREATE INDEX alarm_events_state ON alarm_events(state, updated_ms);
ALTER TABLE audit ADD COLUMN subject TEXT;
CREATE INDEX audit_subject ON audit(subject, seq);
ALTER TABLE acknowledgements ADD COLUMN event_id TEXT;
CREATE INDEX acknowledgements_event ON acknowledgements(event_id);
`,
  },
  {
    version: 4,
    name: 'ml reports: id, outcome and analysed depth range (nearest-depth queries)',
    sql: `
ALTER TABLE ml_reports ADD COLUMN report_id TEXT;
ALTER TABLE ml_reports ADD COLUMN status TEXT NOT NULL DEFAULT 'failure';
ALTER TABLE ml_reports ADD COLUMN depth_from_ft DOUBLE PRECISION;
ALTER TABLE ml_reports ADD COLUMN depth_to_ft DOUBLE PRECISION;
CREATE UNIQUE INDEX ml_reports_report_id ON ml_reports(report_id);
CREATE INDEX ml_reports_status_depth ON ml_reports(status, depth_from_ft);
`,
  },
  {
    version: 5,
    name: 'packets per rig state per minute (time per rig state in reports)',
    sql: `
CREATE TABLE rig_state_minutes (
  minute_ms BIGINT NOT NULL,
  state TEXT NOT NULL,
  packets BIGINT NOT NULL,
  PRIMARY KEY (minute_ms, state)
);
`,
  },
];

/** Applies the migrations not yet recorded, each in its own transaction, on one connection. */
export async function migratePostgres(c: pg.ClientBase, migrations: readonly PgMigration[] = PG_MIGRATIONS): Promise<number[]> {
  await c.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at_ms BIGINT NOT NULL)`);
  const done = new Set((await c.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
  const applied: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (done.has(m.version)) continue;
    await c.query('BEGIN');
    try {
      await c.query(m.sql);
      await c.query('INSERT INTO schema_migrations (version, name, applied_at_ms) VALUES ($1, $2, $3)', [m.version, m.name, Date.now()]);
      await c.query('COMMIT');
    } catch (e) {
      await c.query('ROLLBACK');
      throw new Error(`PostgreSQL migration ${m.version} (${m.name}) failed: ${(e as Error).message}`, { cause: e });
    }
    applied.push(m.version);
  }
  return applied;
}
