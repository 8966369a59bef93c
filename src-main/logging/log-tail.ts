// The last lines of the log for the engineer view: read backwards from the end of the current
// file (and the rotated ones when it is short), each JSON line turned into time, level and text.
import fs from 'node:fs/promises';
import type { LogLevel, LogLine } from '../../src-shared/health.js';

const CHUNK_BYTES = 64 * 1024;
/** Never read more than this per file for one tail (a line is a few hundred bytes). */
const MAX_READ_BYTES = 4 * 1024 * 1024;

const LEVELS: [number, LogLevel][] = [
  [50, 'error'],
  [40, 'warn'],
  [30, 'info'],
];

export function levelName(n: unknown): LogLevel {
  if (typeof n !== 'number') return 'info';
  return LEVELS.find(([min]) => n >= min)?.[1] ?? 'debug';
}

export function parseLogLine(text: string): LogLine {
  try {
    const o = JSON.parse(text) as { time?: unknown; level?: unknown; msg?: unknown; component?: unknown };
    return {
      timeMs: typeof o.time === 'number' ? o.time : 0,
      level: levelName(o.level),
      message: typeof o.msg === 'string' ? o.msg : text,
      ...(typeof o.component === 'string' ? { component: o.component } : {}),
    };
  } catch {
    return { timeMs: 0, level: 'info', message: text };
  }
}

/** Up to `count` last non-empty lines of one file, oldest first ([] when it does not exist). */
async function lastLines(file: string, count: number): Promise<string[]> {
  let h: fs.FileHandle;
  try {
    h = await fs.open(file, 'r');
  } catch {
    return [];
  }
  try {
    const size = (await h.stat()).size;
    let pos = size;
    let text = '';
    while (pos > 0 && size - pos < MAX_READ_BYTES) {
      const len = Math.min(CHUNK_BYTES, pos);
      pos -= len;
      const buf = Buffer.alloc(len);
      await h.read(buf, 0, len, pos);
      text = buf.toString('utf8') + text;
      if (text.split('\n').length > count + 1) break;
    }
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    if (pos > 0) lines.shift(); // the first may be cut
    return lines.slice(-count);
  } finally {
    await h.close();
  }
}

/** The newest `count` lines across the files (current first, then .1, .2...), oldest first. */
export async function tailLogFiles(files: readonly string[], count: number): Promise<LogLine[]> {
  let out: string[] = [];
  for (const f of files) {
    const need = count - out.length;
    if (need <= 0) break;
    out = [...(await lastLines(f, need)), ...out];
  }
  return out.map(parseLogLine);
}
