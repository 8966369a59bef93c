// PostgresStore's alarm events (migration 3, as in SQLite): one row per event, replaced on each
// state change; the transitions are append-only audit entries with the event id as subject.
import type pg from 'pg';
import type { AlarmEvent } from '../../src-shared/events.js';
import type { EventQuery } from './persistence.js';
import { pgJson } from './postgres-text.js';
import { eventConditions } from './query-conditions.js';
import { clampLimit } from './query-filters.js';
import { pgWhereClause } from './where-clause.js';

export async function saveEvent(pool: pg.Pool, e: AlarmEvent): Promise<void> {
  await pool.query(
    `INSERT INTO alarm_events (id, fault, state, opened_ms, updated_ms, doc) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (id) DO UPDATE SET state = excluded.state, updated_ms = excluded.updated_ms, doc = excluded.doc`,
    [e.id, e.fault, e.state, e.openedMs, e.updatedMs, pgJson(e)],
  );
}

export async function getEvent(pool: pg.Pool, id: string): Promise<AlarmEvent | null> {
  return (await pool.query<{ doc: AlarmEvent }>('SELECT doc FROM alarm_events WHERE id = $1', [id])).rows[0]?.doc ?? null;
}

export async function listEvents(pool: pg.Pool, q: EventQuery): Promise<AlarmEvent[]> {
  const w = pgWhereClause(eventConditions(q));
  const r = await pool.query<{ doc: AlarmEvent }>(`SELECT doc FROM alarm_events ${w.sql} ORDER BY updated_ms DESC, id DESC LIMIT ${clampLimit(q.limit)}`, w.args);
  return r.rows.map((x) => x.doc);
}
