// `WHERE a = ? AND b >= ?` from the filters that are set: undefined = no filter; `true` adds a
// condition that takes no argument.
export function whereClause(conds: [string, string | number | true | undefined][]): { where: string; args: (string | number)[] } {
  const set = conds.filter((c): c is [string, string | number | true] => c[1] !== undefined);
  return {
    where: set.length ? `WHERE ${set.map(([sql]) => sql).join(' AND ')}` : '',
    args: set.filter(([, v]) => v !== true).map(([, v]) => v as string | number),
  };
}

/** The same for PostgreSQL: `WHERE a = $1 AND b >= $2` (each condition holds one `?`). */
export function pgWhereClause(conds: [string, string | number | undefined][]): { sql: string; args: (string | number)[] } {
  const set = conds.filter((c): c is [string, string | number] => c[1] !== undefined);
  return { sql: set.length ? `WHERE ${set.map(([s], i) => s.replace('?', `$${i + 1}`)).join(' AND ')}` : '', args: set.map(([, v]) => v) };
}
