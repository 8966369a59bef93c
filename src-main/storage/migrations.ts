// Versioned schema. Each migration runs once, in its own transaction, recorded in
// schema_migrations; append new versions, never edit an applied one.
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const appendOnly = (table: string, what: string) => `
CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
BEGIN SELECT RAISE(ABORT, '${what} is append-only: rows cannot be updated'); END;
CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
BEGIN SELECT RAISE(ABORT, '${what} is append-only: rows cannot be deleted'); END;`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
CREATE TABLE advisories (
  id TEXT PRIMARY KEY,
  time_ms INTEGER NOT NULL,
  category TEXT NOT NULL,
  fault TEXT NOT NULL,
  risk TEXT NOT NULL,
  risk_rank INTEGER NOT NULL,
  severity TEXT NOT NULL,
  source TEXT NOT NULL,
  json TEXT NOT NULL
);
CREATE INDEX advisories_time ON advisories(time_ms);
CREATE INDEX advisories_category_time ON advisories(category, time_ms);
CREATE INDEX advisories_risk_time ON advisories(risk_rank, time_ms);

CREATE TABLE tickets (
  id TEXT PRIMARY KEY,
  time_ms INTEGER NOT NULL,
  category TEXT NOT NULL,
  fault TEXT NOT NULL,
  severity TEXT NOT NULL,
  json TEXT NOT NULL
);
CREATE INDEX tickets_time ON tickets(time_ms);

CREATE TABLE verifications (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  ticket_id TEXT NOT NULL,
  time_ms INTEGER NOT NULL,
  status TEXT NOT NULL,
  json TEXT NOT NULL
);
CREATE INDEX verifications_time ON verifications(time_ms);

CREATE TABLE acknowledgements (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  advisory_id TEXT NOT NULL,
  time_ms INTEGER NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  notes TEXT NOT NULL
);
CREATE INDEX acknowledgements_advisory ON acknowledgements(advisory_id);
CREATE INDEX acknowledgements_time ON acknowledgements(time_ms);
${appendOnly('acknowledgements', 'the acknowledgement record')}

CREATE TABLE audit (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  time_ms INTEGER NOT NULL,
  actor TEXT NOT NULL,
  kind TEXT NOT NULL,
  summary TEXT NOT NULL,
  before_json TEXT,
  after_json TEXT
);
CREATE INDEX audit_time ON audit(time_ms);
CREATE INDEX audit_kind_time ON audit(kind, time_ms);
${appendOnly('audit', 'the audit log')}

CREATE TABLE metric_channels (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE metrics_raw (
  channel_id INTEGER NOT NULL,
  time_ms INTEGER NOT NULL,
  value REAL NOT NULL,
  PRIMARY KEY (channel_id, time_ms)
) WITHOUT ROWID;
CREATE TABLE metrics_1min (
  channel_id INTEGER NOT NULL,
  bucket_ms INTEGER NOT NULL,
  n INTEGER NOT NULL,
  v_sum REAL NOT NULL,
  v_min REAL NOT NULL,
  v_max REAL NOT NULL,
  PRIMARY KEY (channel_id, bucket_ms)
) WITHOUT ROWID;
CREATE TABLE metrics_10min (
  channel_id INTEGER NOT NULL,
  bucket_ms INTEGER NOT NULL,
  n INTEGER NOT NULL,
  v_sum REAL NOT NULL,
  v_min REAL NOT NULL,
  v_max REAL NOT NULL,
  PRIMARY KEY (channel_id, bucket_ms)
) WITHOUT ROWID;
CREATE TABLE packet_counts (minute_ms INTEGER PRIMARY KEY, packets INTEGER NOT NULL);

CREATE TABLE ml_reports (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  time_ms INTEGER NOT NULL,
  well_id TEXT NOT NULL,
  campaign TEXT NOT NULL,
  depth_ft REAL,
  json TEXT NOT NULL
);
CREATE INDEX ml_reports_time ON ml_reports(time_ms);
`,
  },
  {
    version: 2,
    name: 'advisory outcomes and recall episodes',
    sql: `
CREATE TABLE advisory_outcomes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  advisory_id TEXT NOT NULL,
  time_ms INTEGER NOT NULL,
  actor TEXT NOT NULL,
  kind TEXT NOT NULL,
  outcome_json TEXT NOT NULL,
  notes TEXT NOT NULL
);
CREATE INDEX advisory_outcomes_advisory ON advisory_outcomes(advisory_id, seq);
CREATE INDEX advisory_outcomes_time ON advisory_outcomes(time_ms);
${appendOnly('advisory_outcomes', 'the outcome record')}

CREATE TABLE episodes (
  id TEXT PRIMARY KEY,
  time_ms INTEGER NOT NULL,
  category TEXT NOT NULL,
  campaign TEXT NOT NULL,
  risk TEXT NOT NULL,
  source_rig TEXT NOT NULL,
  outcome_kind TEXT NOT NULL,
  json TEXT NOT NULL
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
  opened_ms INTEGER NOT NULL,
  updated_ms INTEGER NOT NULL,
  json TEXT NOT NULL
);
CREATE INDEX alarm_events_updated ON alarm_events(updated_ms);
CREATE INDEX alarm_events_state ON alarm_events(state, updated_ms);
-- Audit entries about one thing (an event's transitions): found without scanning the log.
ALTER TABLE audit ADD COLUMN subject TEXT;
CREATE INDEX audit_subject ON audit(subject, seq);
-- Acknowledgements name the event they acknowledged (older rows: NULL, their advisory stands).
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
ALTER TABLE ml_reports ADD COLUMN depth_from_ft REAL;
ALTER TABLE ml_reports ADD COLUMN depth_to_ft REAL;
CREATE UNIQUE INDEX ml_reports_report_id ON ml_reports(report_id);
CREATE INDEX ml_reports_status_depth ON ml_reports(status, depth_from_ft);
`,
  },
  {
    version: 5,
    name: 'packets per rig state per minute (time per rig state in reports)',
    sql: `
CREATE TABLE IF NOT EXISTS rig_state_minutes (
  minute_ms INTEGER NOT NULL,
  state TEXT NOT NULL,
  packets INTEGER NOT NULL,
  PRIMARY KEY (minute_ms, state)
) WITHOUT ROWID;
`,
  },
];

/** Applies the migrations not yet recorded; returns the versions it applied. */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at_ms INTEGER NOT NULL)`);
  const done = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version),
  );
  const applied: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (done.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at_ms) VALUES (?, ?, ?)').run(m.version, m.name, Date.now());
    })();
    applied.push(m.version);
  }
  return applied;
}
