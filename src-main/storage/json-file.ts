// One small JSON state file in the data directory (the learned baseline, the run-time
// settings), written crash-safe through writeFileAtomic (temp file, fsync, rename, fsync of the
// directory): a kill mid-write leaves the old file or the new one, never half of one. Saving
// returns an error message instead of throwing: a full disk must not stop the advice.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-file.js';

/** The file-system calls a JSON state file makes; tests pass one that fails. */
export interface TextFiles {
  /** The file's text, or null when there is none. */
  readText(path: string): string | null;
  /** Replaces the file crash-safe. */
  writeAtomic(path: string, text: string): void;
  remove(path: string): void;
  ensureDir(path: string): void;
}

export const nodeTextFiles: TextFiles = {
  readText(path) {
    try {
      return readFileSync(path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  },
  writeAtomic: (path, text) => writeFileAtomic(path, text),
  remove: (path) => rmSync(path, { force: true }),
  ensureDir: (path) => mkdirSync(path, { recursive: true }),
};

export class JsonFile {
  readonly path: string;

  constructor(
    readonly dataDir: string,
    fileName: string,
    readonly files: TextFiles = nodeTextFiles,
  ) {
    this.path = join(dataDir, fileName);
  }

  /** The text, null when absent; a read failure is thrown for the caller to word. */
  readText(): string | null {
    return this.files.readText(this.path);
  }

  /** Saves the value as indented JSON; returns an error message, or null when saved. */
  save(value: unknown): string | null {
    try {
      this.files.ensureDir(this.dataDir);
      this.files.writeAtomic(this.path, JSON.stringify(value, null, 2));
      return null;
    } catch (e) {
      return `cannot save ${this.path}: ${e instanceof Error ? e.message : String(e)}`;
    }
  }

  remove(): void {
    this.files.remove(this.path);
  }
}
