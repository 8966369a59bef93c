// An append-only log file with a size cap: at maxBytes it is renamed <name>.1 (the older ones
// move up to <name>.keep, the oldest goes) and a new one starts. Writes are synchronous (a log
// line must be on disk before a crash that follows it) and never throw: a full disk or a removed
// folder loses the line, counts it, and the next write tries again.
import fs from 'node:fs';
import path from 'node:path';

export interface RotatingFileOptions {
  dir: string;
  name: string;
  maxBytes: number;
  /** Rotated files kept besides the current one. */
  keep: number;
}

export class RotatingFile {
  readonly path: string;
  private fd: number | null = null;
  private size = 0;
  private maxBytes: number;
  private keep: number;
  /** Lines lost to write errors (full disk...). */
  dropped = 0;
  lastError: string | null = null;

  constructor(private readonly o: RotatingFileOptions) {
    this.path = path.join(o.dir, o.name);
    this.maxBytes = o.maxBytes;
    this.keep = o.keep;
  }

  setLimits(maxBytes: number, keep: number): void {
    this.maxBytes = maxBytes;
    this.keep = keep;
    this.removeBeyond(keep);
  }

  write(text: string): boolean {
    try {
      const bytes = Buffer.byteLength(text);
      if (this.fd === null) this.open();
      if (this.size > 0 && this.size + bytes > this.maxBytes) this.rotate();
      fs.writeSync(this.fd!, text);
      this.size += bytes;
      this.lastError = null;
      return true;
    } catch (e) {
      this.dropped++;
      this.lastError = (e as Error).message;
      this.closeFd(); // reopen on the next write (the folder may be back, the disk freed)
      return false;
    }
  }

  close(): void {
    this.closeFd();
  }

  /** The current file first, then .1, .2 ... (those that exist). */
  files(): string[] {
    const out = [this.path];
    for (let i = 1; i <= this.keep; i++) if (fs.existsSync(`${this.path}.${i}`)) out.push(`${this.path}.${i}`);
    return out;
  }

  private open(): void {
    fs.mkdirSync(this.o.dir, { recursive: true });
    this.fd = fs.openSync(this.path, 'a');
    this.size = fs.fstatSync(this.fd).size;
  }

  private rotate(): void {
    this.closeFd();
    for (let i = this.keep - 1; i >= 1; i--) {
      const from = `${this.path}.${i}`;
      if (fs.existsSync(from)) fs.renameSync(from, `${this.path}.${i + 1}`);
    }
    if (this.keep >= 1) fs.renameSync(this.path, `${this.path}.1`);
    else fs.rmSync(this.path, { force: true });
    this.removeBeyond(this.keep);
    this.open();
  }

  private removeBeyond(keep: number): void {
    for (let i = keep + 1; fs.existsSync(`${this.path}.${i}`); i++) fs.rmSync(`${this.path}.${i}`, { force: true });
  }

  private closeFd(): void {
    if (this.fd === null) return;
    try {
      fs.closeSync(this.fd);
    } catch {
      // already gone
    }
    this.fd = null;
  }
}
