// The engine's log (issue 15): JSON lines (pino) in logs/sairen.log, rotated by size with a cap
// on the files kept, a plain echo line for the console, only warnings and errors while disk space
// is low, the last lines for the engineer view, and a write that fails never throws. Real files.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src-main/logging/logger.js';
import { RotatingFile } from '../../../src-main/logging/rotating-file.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'sairen-log-'));
  dirs.push(d);
  return d;
}

describe('rotating file', () => {
  it('rotates at the size cap and keeps only the newest files', () => {
    const dir = tempDir();
    const f = new RotatingFile({ dir, name: 'x.log', maxBytes: 1000, keep: 3 });
    const line = `${'y'.repeat(99)}\n`;
    for (let i = 0; i < 100; i++) expect(f.write(line)).toBe(true); // 10 000 bytes
    f.close();
    expect(fs.readdirSync(dir).sort()).toEqual(['x.log', 'x.log.1', 'x.log.2', 'x.log.3']);
    for (const name of fs.readdirSync(dir)) expect(fs.statSync(path.join(dir, name)).size).toBeLessThanOrEqual(1000);
    // Fewer files kept from now on: the extra ones go at once.
    f.setLimits(1000, 1);
    expect(fs.readdirSync(dir).sort()).toEqual(['x.log', 'x.log.1']);
  });

  it('a write that fails (disk full, folder unusable) is counted, not thrown, and the next write tries again', () => {
    const full = new RotatingFile({ dir: '/dev', name: 'full', maxBytes: 1_000_000, keep: 1 }); // every write: ENOSPC
    expect(full.write('a\n')).toBe(false);
    expect(full.write('b\n')).toBe(false);
    expect(full.dropped).toBe(2);
    expect(full.lastError).toMatch(/ENOSPC/);
    full.close();
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'logs'), 'a file where the folder should be');
    const f = new RotatingFile({ dir: path.join(dir, 'logs'), name: 'x.log', maxBytes: 1000, keep: 2 });
    expect(f.write('lost\n')).toBe(false);
    fs.rmSync(path.join(dir, 'logs'));
    expect(f.write('kept\n')).toBe(true);
    f.close();
    expect(fs.readFileSync(path.join(dir, 'logs', 'x.log'), 'utf8')).toBe('kept\n');
  });
});

describe('logger', () => {
  it('writes JSON lines with time, level, message and fields; echoes the plain line; tails the last lines', async () => {
    const dir = tempDir();
    const echoed: string[] = [];
    const log = createLogger({ dataDir: dir, echo: (l, level) => echoed.push(`${level}: ${l}`) });
    log.log('config warning: unknown key');
    log.write('warn', 'health: feed unhealthy: OFFLINE', { component: 'feed' });
    log.write('error', 'self-healer: storage: ManualInterventionRequired', { component: 'storage' });
    log.close();
    const lines = fs.readFileSync(path.join(dir, 'logs', 'sairen.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatchObject({ level: 40, msg: 'health: feed unhealthy: OFFLINE', component: 'feed', time: expect.any(Number) });
    expect(echoed).toEqual(['info: config warning: unknown key', 'warn: health: feed unhealthy: OFFLINE', 'error: self-healer: storage: ManualInterventionRequired']);
    const tail = await log.tail(2);
    expect(tail.file).toBe(path.join(dir, 'logs', 'sairen.log'));
    expect(tail.lines).toEqual([
      { timeMs: lines[1].time, level: 'warn', message: 'health: feed unhealthy: OFFLINE', component: 'feed' },
      { timeMs: lines[2].time, level: 'error', message: 'self-healer: storage: ManualInterventionRequired', component: 'storage' },
    ]);
  });

  it('while disk space is low only warnings and errors reach the file (the echo carries on)', () => {
    const dir = tempDir();
    const echoed: string[] = [];
    const log = createLogger({ dataDir: dir, echo: (l) => echoed.push(l) });
    log.reduce('disk space low');
    log.log('routine line');
    log.write('error', 'important');
    log.reduce(null);
    log.log('routine again');
    log.close();
    const msgs = fs.readFileSync(path.join(dir, 'logs', 'sairen.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).msg);
    expect(msgs).toEqual(['log file: only warnings and errors are written (disk space low)', 'important', 'log file: every line written again', 'routine again']);
    expect(echoed).toContain('routine line');
  });

  it('tails across rotated files, newest last, within the cap', async () => {
    const dir = tempDir();
    const log = createLogger({ dataDir: dir, maxFileMb: 1, keepFiles: 2 });
    const big = 'z'.repeat(2000);
    for (let i = 0; i < 1500; i++) log.log(`${i} ${big}`); // about 3 MB: two rotations
    log.close();
    expect(fs.readdirSync(path.join(dir, 'logs')).sort()).toEqual(['sairen.log', 'sairen.log.1', 'sairen.log.2']);
    const tail = await log.tail(700);
    expect(tail.lines).toHaveLength(700);
    expect(tail.lines.at(-1)?.message.startsWith('1499 ')).toBe(true);
    expect(tail.lines[0].message.startsWith('800 ')).toBe(true);
  });
});
