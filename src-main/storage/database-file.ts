// Looks at sairen.db before SQLite opens it: a 0-byte file (it was truncated; SQLite would start
// an empty database without a word) is set aside and replaced; a file shorter than its own
// header says (half-truncated) or without the SQLite header is not used at all: the engine then
// runs without recording and says how to fix it. Cheap: reads 100 bytes and the file size.
import fs from 'node:fs';

export type DatabaseFileState = { kind: 'missing' } | { kind: 'empty' } | { kind: 'ok' } | { kind: 'damaged'; reason: string };

const MAGIC = 'SQLite format 3\0';
const HEADER_BYTES = 100;

export function inspectDatabaseFile(file: string): DatabaseFileState {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? { kind: 'missing' } : { kind: 'damaged', reason: `cannot read it (${(e as NodeJS.ErrnoException).code})` };
  }
  if (size === 0) return { kind: 'empty' };
  const head = Buffer.alloc(HEADER_BYTES);
  let got: number;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      got = fs.readSync(fd, head, 0, HEADER_BYTES, 0);
    } finally {
      fs.closeSync(fd);
    }
  } catch (e) {
    return { kind: 'damaged', reason: `cannot read it (${(e as NodeJS.ErrnoException).code})` };
  }
  if (got < HEADER_BYTES || head.toString('latin1', 0, 16) !== MAGIC) return { kind: 'damaged', reason: 'it is not an SQLite database (no SQLite header)' };
  const rawPageSize = head.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pages = head.readUInt32BE(28);
  // The in-header size counts only when written by a version that keeps it (change counter matches).
  const sizeValid = pages > 0 && head.readUInt32BE(24) === head.readUInt32BE(92);
  if (sizeValid && size < pages * pageSize) {
    return { kind: 'damaged', reason: `it is truncated (${size} bytes on disk, ${pages * pageSize} by its own header)` };
  }
  return { kind: 'ok' };
}

/** The database cannot be used: the message names the file, the reason and what to do. */
export class DatabaseUnusableError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(
      `SAIREN database ${file} cannot be used: ${reason}. SAIREN runs WITHOUT RECORDING (advisories are shown, not saved). ` +
        `To fix: stop SAIREN, move ${file} aside (keep it for support, or restore a backup in its place) and start SAIREN again; ` +
        'a new, empty database is created.',
    );
    this.name = 'DatabaseUnusableError';
  }
}
