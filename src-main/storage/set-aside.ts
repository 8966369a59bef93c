// A damaged file is never overwritten or deleted: it is renamed `<name>.corrupt-<UTC time>` next
// to where it was, so the crew (or support) can still look at it, and the app starts clean.
import fs from 'node:fs';

/** 2026-12-01T16:04:00.123Z -> 20261201T160400Z */
function stamp(nowMs: number): string {
  return new Date(nowMs).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/**
 * Renames `file` (and `file + suffix` for each companion that exists, e.g. SQLite's -wal and
 * -shm) aside; returns the new path of `file`. Throws when the rename fails.
 */
export function setAsideDamagedFile(file: string, nowMs: number, companions: readonly string[] = []): string {
  let target = `${file}.corrupt-${stamp(nowMs)}`;
  for (let n = 2; fs.existsSync(target); n++) target = `${file}.corrupt-${stamp(nowMs)}-${n}`;
  fs.renameSync(file, target);
  for (const suffix of companions) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, target + suffix);
  }
  return target;
}
