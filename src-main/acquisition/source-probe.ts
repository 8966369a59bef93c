// "Test connection" in Settings: tries a source the way its feed would open it, with a short
// timeout, and says in words what happened. Nothing is applied and nothing is kept open.
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import net from 'node:net';
import { SerialPort } from 'serialport';
import type { SourceConfig, SourceTestResult } from '../../src-shared/source.js';
import { serialPortOptions } from './serial.js';

export interface ProbeOptions {
  /** Give up on a TCP connect or serial open after this long. */
  timeoutMs?: number;
  /** After a TCP connect, how long to wait for the first bytes before saying "no data yet". */
  firstDataMs?: number;
  /** Scenario names the simulator knows (the simulator is not imported here). */
  isScenario?: (name: string) => boolean;
}

const DEFAULT_TIMEOUT_MS = 4000;
const DEFAULT_FIRST_DATA_MS = 1500;

function tcpProbe(host: string, port: number, timeoutMs: number, firstDataMs: number): Promise<{ ok: boolean; message: string }> {
  return new Promise((resolve) => {
    const socket = new net.Socket();
    let settled = false;
    const done = (ok: boolean, message: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ ok, message });
    };
    const timer = setTimeout(() => done(false, `no answer from ${host}:${port} within ${timeoutMs / 1000} s`), timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      const quiet = setTimeout(() => done(true, `connected to ${host}:${port}; no data in ${firstDataMs / 1000} s yet (the rig may send slowly)`), firstDataMs);
      socket.once('data', (chunk: Buffer) => {
        clearTimeout(quiet);
        done(true, `connected to ${host}:${port} and receiving data (${chunk.length} bytes in the first read)`);
      });
    });
    socket.once('error', (e: NodeJS.ErrnoException) => done(false, `cannot connect to ${host}:${port}: ${e.code === 'ECONNREFUSED' ? 'connection refused (nothing listening there)' : e.message}`));
    socket.connect({ host, port });
  });
}

function listenProbe(host: string, port: number): Promise<{ ok: boolean; message: string }> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', (e: NodeJS.ErrnoException) =>
      resolve({ ok: false, message: `cannot listen on ${host}:${port}: ${e.code === 'EADDRINUSE' ? 'the port is in use' : e.code === 'EACCES' ? 'permission denied (ports below 1024 need privileges)' : e.message}` }),
    );
    server.listen(port, host, () => server.close(() => resolve({ ok: true, message: `port ${port} is free to listen on` })));
  });
}

function serialProbe(cfg: Extract<SourceConfig, { kind: 'serial' }>, timeoutMs: number): Promise<{ ok: boolean; message: string }> {
  return new Promise((resolve) => {
    let settled = false;
    const port = new SerialPort({ ...serialPortOptions(cfg), autoOpen: false });
    const done = (ok: boolean, message: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (port.isOpen) port.close(() => resolve({ ok, message }));
      else resolve({ ok, message });
    };
    const timer = setTimeout(() => done(false, `${cfg.path} did not open within ${timeoutMs / 1000} s`), timeoutMs);
    port.on('error', () => undefined); // reported through open()
    port.open((err) => (err ? done(false, `cannot open ${cfg.path}: ${err.message}`) : done(true, `${cfg.path} opened at ${cfg.baudRate} baud`)));
  });
}

async function fileProbe(path: string): Promise<{ ok: boolean; message: string }> {
  try {
    await access(path, constants.R_OK);
    const s = await stat(path);
    if (!s.isFile()) return { ok: false, message: `${path} is not a file` };
    return { ok: true, message: `${path} is readable (${Math.round(s.size / 1024)} KiB)` };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, message: `cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (e as Error).message}` };
  }
}

export async function probeSource(cfg: SourceConfig, o: ProbeOptions = {}, now: () => number = () => performance.now()): Promise<SourceTestResult> {
  const timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const t0 = now();
  let r: { ok: boolean; message: string };
  switch (cfg.kind) {
    case 'tcp':
      r = await tcpProbe(cfg.host, cfg.port, timeoutMs, o.firstDataMs ?? DEFAULT_FIRST_DATA_MS);
      break;
    case 'listen':
      r = await listenProbe(cfg.host ?? '0.0.0.0', cfg.port);
      break;
    case 'serial':
      r = await serialProbe(cfg, timeoutMs);
      break;
    case 'csv':
      r = await fileProbe(cfg.path);
      break;
    case 'simulator':
      r = !o.isScenario || o.isScenario(cfg.scenario)
        ? { ok: true, message: `built-in simulator, scenario ${cfg.scenario}` }
        : { ok: false, message: `unknown simulator scenario "${cfg.scenario}"` };
      break;
    case 'stdin':
      r = { ok: true, message: 'standard input is read as it comes; nothing to test' };
      break;
  }
  return { ...r, elapsedMs: Math.round(now() - t0) };
}
