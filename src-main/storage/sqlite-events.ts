// SqliteStore's alarm events (migration 3): one row per event, replaced on each state change;
// the transitions themselves are append-only audit entries with the event id as subject.
import type Database from 'better-sqlite3';
import type { AlarmEvent } from '../../src-shared/events.js';
import type { EventQuery } from './persistence.js';
import { clampLimit } from './query-filters.js';
import { eventConditions } from './query-conditions.js';
import { whereClause } from './where-clause.js';

export class SqliteEvents {
  private readonly upsert: Database.Statement;
  private readonly byId: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.upsert = db.prepare(`INSERT INTO alarm_events (id, fault, state, opened_ms, updated_ms, json) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT(id) DO UPDATE SET state = excluded.state, updated_ms = excluded.updated_ms, json = excluded.json`);
    this.byId = db.prepare('SELECT json FROM alarm_events WHERE id = ?').pluck();
  }

  save(e: AlarmEvent): void {
    this.upsert.run(e.id, e.fault, e.state, e.openedMs, e.updatedMs, JSON.stringify(e));
  }

  get(id: string): AlarmEvent | null {
    const json = this.byId.get(id) as string | undefined;
    return json ? (JSON.parse(json) as AlarmEvent) : null;
  }

  list(q: EventQuery): AlarmEvent[] {
    const { where, args } = whereClause(eventConditions(q));
    const sql = `SELECT json FROM alarm_events ${where} ORDER BY updated_ms DESC, id DESC LIMIT ?`;
    return (this.db.prepare(sql).pluck().all(...args, clampLimit(q.limit)) as string[]).map((j) => JSON.parse(j) as AlarmEvent);
  }
}
