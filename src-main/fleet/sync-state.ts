// Where library sync stands, kept across restarts in the data directory (fleet_library.json,
// written to a temp file, flushed and renamed, so a crash leaves the old or the new state):
// the watermark (library version fully applied) and, during a download, the page cursor to
// resume from after a dropped connection.
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export const SYNC_STATE_FILE = 'fleet_library.json';

const SyncStateSchema = z.object({
  /** The hub the watermark belongs to: another hub starts from nothing. */
  hubUrl: z.string(),
  watermark: z.number().int().min(0),
  resume: z.object({ since: z.number().int().min(0), cursor: z.string().min(1).max(240) }).nullable(),
  lastSyncMs: z.number().nullable(),
  episodes: z.number().int().min(0),
});

export type SyncState = z.infer<typeof SyncStateSchema>;

export const emptySyncState = (hubUrl: string): SyncState => ({ hubUrl, watermark: 0, resume: null, lastSyncMs: null, episodes: 0 });

export interface SyncStateStore {
  load(hubUrl: string): SyncState;
  save(state: SyncState): void;
}

export class MemorySyncState implements SyncStateStore {
  private state: SyncState | null = null;
  load(hubUrl: string): SyncState {
    return this.state && this.state.hubUrl === hubUrl ? structuredClone(this.state) : emptySyncState(hubUrl);
  }
  save(state: SyncState): void {
    this.state = structuredClone(state);
  }
}

export class FileSyncState implements SyncStateStore {
  private readonly file: string;

  constructor(
    private readonly dataDir: string,
    private readonly log: (line: string) => void = () => {},
  ) {
    this.file = join(dataDir, SYNC_STATE_FILE);
  }

  load(hubUrl: string): SyncState {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch {
      return emptySyncState(hubUrl);
    }
    try {
      const s = SyncStateSchema.parse(JSON.parse(text));
      return s.hubUrl === hubUrl ? s : emptySyncState(hubUrl);
    } catch {
      this.log(`${SYNC_STATE_FILE} is unreadable; the library is downloaded again from the start`);
      return emptySyncState(hubUrl);
    }
  }

  save(state: SyncState): void {
    mkdirSync(this.dataDir, { recursive: true });
    const tmp = `${this.file}.tmp-${process.pid}`;
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, JSON.stringify(state));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.file);
  }
}
