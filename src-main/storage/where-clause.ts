// `WHERE a = ? AND b >= ?` from the filters that are set: undefined = no filter; `true` adds a
// condition that takes no argument.
export function whereClause(conds: [string, string | number | true | undefined][]): { where: string; args: (string | number)[] } {
  const set = conds.filter((c): c is [string, string | number | true] => c[1] !== undefined);
  return {
    where: set.length ? `WHERE ${set.map(([sql]) => sql).join(' AND ')}` : '',
    args: set.filter(([, v]) => v !== true).map(([, v]) => v as string | number),
  };
}
