// The engine's log: structured JSON lines (pino) in logs/sairen.log in the data directory, rotated
// by size with a cap on the files kept (logging.max_file_mb, logging.keep_files), and a plain
// one-line echo for a person at the console. While disk space is low only warnings and errors are
// written to the file (the echo carries on). `tail` gives the engineer view the last lines.
import { join } from 'node:path';
import pino from 'pino';
import type { LogLevel, LogTail } from '../../src-shared/health.js';
import { tailLogFiles } from './log-tail.js';
import { RotatingFile } from './rotating-file.js';

export const LOG_DIR = 'logs';
export const LOG_FILE = 'sairen.log';
const MB = 1024 * 1024;

export interface LoggerOptions {
  dataDir: string;
  maxFileMb?: number;
  keepFiles?: number;
  /** The console line (stderr in the CLI); null = file only. */
  echo?: ((line: string, level: LogLevel) => void) | null;
}

export interface EngineLogger {
  /** A routine line (info). */
  log(line: string): void;
  write(level: LogLevel, message: string, fields?: Record<string, unknown>): void;
  tail(lines: number): Promise<LogTail>;
  /** Disk space low (reason): only warnings and errors go to the file; null writes everything again. */
  reduce(reason: string | null): void;
  setLimits(maxFileMb: number, keepFiles: number): void;
  readonly file: string;
  close(): void;
}

export function createLogger(o: LoggerOptions): EngineLogger {
  const file = new RotatingFile({ dir: join(o.dataDir, LOG_DIR), name: LOG_FILE, maxBytes: (o.maxFileMb ?? 10) * MB, keep: o.keepFiles ?? 5 });
  let reduced: string | null = null;
  const logger = pino(
    { level: 'debug', base: null, timestamp: pino.stdTimeFunctions.epochTime, formatters: { level: (_label, n) => ({ level: n }) } },
    { write: (s: string) => void file.write(s) },
  );
  const write = (level: LogLevel, message: string, fields?: Record<string, unknown>): void => {
    try {
      o.echo?.(message, level);
    } catch {
      // a closed console must not stop the engine
    }
    if (reduced && (level === 'debug' || level === 'info')) return;
    try {
      logger[level](fields ?? {}, message);
    } catch {
      // the file layer counts its own failures; nothing else may escape
    }
  };
  return {
    file: file.path,
    log: (line) => write('info', line),
    write,
    tail: async (lines) => ({ file: file.path, lines: await tailLogFiles(file.files(), lines) }),
    reduce(reason) {
      if (reason === reduced) return;
      if (reason) write('warn', `log file: only warnings and errors are written (${reason})`, { component: 'logging' });
      reduced = reason;
      if (!reason) write('info', 'log file: every line written again', { component: 'logging' });
    },
    setLimits: (maxFileMb, keepFiles) => file.setLimits(maxFileMb * MB, keepFiles),
    close: () => file.close(),
  };
}
