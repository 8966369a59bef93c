// `WHERE a = ? AND b >= ?` from the filters that are set: undefined = no filter; `true` adds a
// condition that takes no argument. Values always travel as bound parameters, never in the SQL.

/** One condition holding at most one `?`, and its value (undefined: filter not set). */
export type SqlCondition = [sql: string, value: string | number | true | undefined];

type SetCondition = [sql: string, value: string | number | true];

const setConditions = (conds: readonly SqlCondition[]): SetCondition[] => conds.filter((c): c is SetCondition => c[1] !== undefined);
const argsOf = (set: readonly SetCondition[]): (string | number)[] => set.filter(([, v]) => v !== true).map(([, v]) => v as string | number);
const joined = (sqls: string[]): string => (sqls.length ? `WHERE ${sqls.join(' AND ')}` : '');

/** For SQLite: `?` placeholders, arguments in order. */
export function whereClause(conds: readonly SqlCondition[]): { where: string; args: (string | number)[] } {
  const set = setConditions(conds);
  return { where: joined(set.map(([sql]) => sql)), args: argsOf(set) };
}

/** The same for PostgreSQL: `WHERE a = $1 AND b >= $2`. */
export function pgWhereClause(conds: readonly SqlCondition[]): { sql: string; args: (string | number)[] } {
  const set = setConditions(conds);
  let n = 0;
  return { sql: joined(set.map(([sql, v]) => (v === true ? sql : sql.replace('?', `$${++n}`)))), args: argsOf(set) };
}
