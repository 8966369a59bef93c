// The filters of the list queries, written once for SQLite and PostgreSQL alike: each list
// goes through whereClause (SQLite) or pgWhereClause (PostgreSQL), which bind the values.
import type { AdvisoryQuery, AuditQuery, EventQuery } from './persistence.js';
import { riskRank } from './query-filters.js';
import type { SqlCondition } from './where-clause.js';

export function advisoryConditions(q: AdvisoryQuery): SqlCondition[] {
  return [
    ['category = ?', q.category],
    ['time_ms >= ?', q.sinceMs],
    ['time_ms <= ?', q.untilMs],
    ['risk_rank >= ?', q.minRisk === undefined ? undefined : riskRank(q.minRisk)],
  ];
}

/** Outcomes and acknowledgements: one advisory's (or all), within a time range. */
export function advisoryRecordConditions(q: { advisoryId?: string; sinceMs?: number; untilMs?: number }): SqlCondition[] {
  return [
    ['advisory_id = ?', q.advisoryId],
    ['time_ms >= ?', q.sinceMs],
    ['time_ms <= ?', q.untilMs],
  ];
}

export function auditConditions(q: AuditQuery): SqlCondition[] {
  return [
    ['kind = ?', q.kind],
    ['subject = ?', q.subject],
    ['time_ms >= ?', q.sinceMs],
    ['time_ms <= ?', q.untilMs],
  ];
}

/** Alarm events: open (not back to normal) by default, or one state, or any; updated since, opened until. */
export function eventConditions(q: EventQuery): SqlCondition[] {
  const state = q.state ?? 'open';
  return [
    ["state <> 'normal'", state === 'open' ? true : undefined],
    ['state = ?', state !== 'open' && state !== 'any' ? state : undefined],
    ['fault = ?', q.fault],
    ['updated_ms >= ?', q.sinceMs],
    ['opened_ms <= ?', q.untilMs],
  ];
}
