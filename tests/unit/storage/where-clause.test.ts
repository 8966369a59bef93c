import { describe, expect, it } from 'vitest';
import { eventConditions } from '../../../src-main/storage/query-conditions.js';
import { pgWhereClause, whereClause } from '../../../src-main/storage/where-clause.js';

describe('WHERE clauses from the filters that are set', () => {
  it('no filter set: no WHERE, no arguments', () => {
    expect(whereClause([['a = ?', undefined]])).toEqual({ where: '', args: [] });
    expect(pgWhereClause([['a = ?', undefined]])).toEqual({ sql: '', args: [] });
  });

  it('values are bound, never written into the SQL; PostgreSQL numbers only the conditions that take one', () => {
    const conds = eventConditions({ fault: "kick'; DROP TABLE alarm_events; --", sinceMs: 5, untilMs: 9 });
    expect(whereClause(conds)).toEqual({
      where: "WHERE state <> 'normal' AND fault = ? AND updated_ms >= ? AND opened_ms <= ?",
      args: ["kick'; DROP TABLE alarm_events; --", 5, 9],
    });
    expect(pgWhereClause(conds)).toEqual({
      sql: "WHERE state <> 'normal' AND fault = $1 AND updated_ms >= $2 AND opened_ms <= $3",
      args: ["kick'; DROP TABLE alarm_events; --", 5, 9],
    });
  });

  it('events: one state, or any state', () => {
    expect(pgWhereClause(eventConditions({ state: 'normal', untilMs: 3 }))).toEqual({ sql: 'WHERE state = $1 AND opened_ms <= $2', args: ['normal', 3] });
    expect(pgWhereClause(eventConditions({ state: 'any' }))).toEqual({ sql: '', args: [] });
  });
});
