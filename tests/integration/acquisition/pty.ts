// A real pseudo-terminal pair from socat, the serial line our tests drive.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach } from 'vitest';
import type { WitsDecodeSettings } from '../../../src-main/acquisition/data-source.js';
import { SerialSource } from '../../../src-main/acquisition/serial.js';
import type { SerialFlowControl } from '../../../src-shared/source.js';
import type { WitsPacket } from '../../../src-shared/wits.js';
import { waitFor } from './helpers.js';

export interface PtyPair {
  proc: ChildProcess;
  a: string;
  b: string;
}

/** socat links two pseudo-terminals; it prints "PTY is /dev/pts/N" for each on stderr. */
export function startPtyPair(): Promise<PtyPair> {
  return new Promise((resolve, reject) => {
    const proc = spawn('/usr/bin/socat', ['-d', '-d', 'pty,raw,echo=0', 'pty,raw,echo=0'], { stdio: ['ignore', 'ignore', 'pipe'] });
    const paths: string[] = [];
    let err = '';
    const timer = setTimeout(() => reject(new Error(`socat gave no pty pair: ${err}`)), 5000);
    proc.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
      for (const m of err.matchAll(/PTY is (\/dev\/\S+)/g)) if (!paths.includes(m[1])) paths.push(m[1]);
      if (paths.length === 2 && /starting data transfer loop/.test(err)) {
        clearTimeout(timer);
        resolve({ proc, a: paths[0], b: paths[1] });
      }
    });
    proc.on('error', reject);
  });
}

export function killed(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((r) => {
    proc.once('exit', () => r());
    proc.kill('SIGTERM');
  });
}


/** Registers cleanups that run after each test, last first. */
export function cleanupAfterEach(): Array<() => Promise<void> | void> {
  const cleanup: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    while (cleanup.length) await cleanup.pop()?.();
  });
  return cleanup;
}

/**
 * A SerialSource listening on one end of a fresh pty pair, started and connected, collecting
 * packets; everything is closed by `cleanup` after the test. Write to `pair.a`.
 */
export async function serialOverPty(
  cleanup: Array<() => Promise<void> | void>,
  baudRate: number,
  settings: WitsDecodeSettings,
  flowControl: SerialFlowControl = 'none',
): Promise<{ pair: PtyPair; src: SerialSource; packets: WitsPacket[] }> {
  const pair = await startPtyPair();
  cleanup.push(() => killed(pair.proc));
  const src = new SerialSource({ path: pair.b, baudRate, dataBits: 8, parity: 'none', stopBits: 1, flowControl }, settings, { backoffInitialMs: 50, backoffMaxMs: 200 });
  cleanup.push(() => src.dispose());
  const packets: WitsPacket[] = [];
  src.onPacket((p) => packets.push(p));
  src.start();
  await waitFor(() => src.status().state === 'connected', 5000, 'port open');
  return { pair, src, packets };
}
