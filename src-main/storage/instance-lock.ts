// Single-instance lock (DOMAIN.md §13): `.sairen.lock` in the data directory holds the owner's
// PID. A lock left by a dead process is taken over; a live owner gets a message naming it.
import fs from 'node:fs';
import path from 'node:path';

export const LOCK_FILE = '.sairen.lock';

export interface InstanceLock {
  readonly path: string;
  release(): void;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else; still alive.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readPid(file: string): number | null {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

// Paths this process holds, so a second store in the same process is refused too.
const heldHere = new Set<string>();

export function acquireInstanceLock(dataDir: string): InstanceLock {
  const file = path.join(path.resolve(dataDir), LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      heldHere.add(file);
      let released = false;
      return {
        path: file,
        release() {
          if (released) return;
          released = true;
          heldHere.delete(file);
          // Only remove a lock that is still ours.
          if (readPid(file) === process.pid) fs.rmSync(file, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = readPid(file);
    if (owner !== null && (heldHere.has(file) || (owner !== process.pid && pidAlive(owner)))) {
      throw new Error(
        `SAIREN data directory "${path.dirname(file)}" is in use by another SAIREN instance (PID ${owner}); ` +
          `stop that process or choose another data directory. Lock file: ${file}`,
      );
    }
    // Stale (dead PID, unreadable, or our own PID from before a restart): take it over.
    fs.rmSync(file, { force: true });
  }
  throw new Error(`could not take the SAIREN instance lock ${file}`);
}
