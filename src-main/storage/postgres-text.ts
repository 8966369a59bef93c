// Text and JSON as PostgreSQL will store them: it cannot hold NUL characters in text or JSONB,
// so they become U+FFFD (the SQLite and memory stores keep them; a record reads back the same
// everywhere else).

/** A string with every NUL replaced by U+FFFD. */
export const pgText = (s: string): string => s.split('\u0000').join('\uFFFD');

/** JSON of a value (undefined as null) with NULs, raw or escaped, replaced by U+FFFD. */
export const pgJson = (v: unknown): string => pgText(JSON.stringify(v === undefined ? null : v)).split('\\u0000').join('\\ufffd');
