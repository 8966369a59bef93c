// Issue 9 item 3: a refused WebSocket upgrade (wrong Host on loopback, no token off loopback)
// gets an HTTP answer and its socket is closed, so 200 of them leave nothing open; and the real
// headless process shuts down within seconds on SIGTERM with idle clients attached.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from '../../../src-main/headless/server.js';
import { makeEngine } from './engine-under-test.js';

const CLI = path.resolve(import.meta.dirname, '../../../src-main/cli/headless.ts');
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

interface RawClient {
  socket: net.Socket;
  /** Resolves with the first bytes the server sent. */
  answer: Promise<string>;
  /** Resolves when the server closed its side. */
  ended: Promise<void>;
}

/** A client that sends `request` and then neither closes nor answers anything. */
function rawClient(host: string, port: number, request: string): RawClient {
  const socket = net.connect(port, host);
  cleanup.push(() => void socket.destroy());
  socket.on('error', () => undefined);
  socket.write(request);
  const answer = new Promise<string>((resolve) => socket.once('data', (d) => resolve(d.toString('latin1'))));
  const ended = new Promise<void>((resolve) => {
    socket.once('end', resolve);
    socket.once('close', resolve);
  });
  return { socket, answer, ended };
}

const upgrade = (hostHeader: string, extra = '') =>
  `GET /api/v1/bridge${extra} HTTP/1.1\r\nHost: ${hostHeader}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
  'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n';

const within = <T>(p: Promise<T>, ms: number, what: string) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms))]);

async function waitFor(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

describe('refused WebSocket upgrades', () => {
  it('200 refused upgrades get an HTTP answer and leave no socket open', async () => {
    const eut = await makeEngine();
    cleanup.push(() => eut.dispose());
    const servers: ApiServer[] = [
      await startApiServer(eut.engine, { host: '127.0.0.1', port: 0 }),
      await startApiServer(eut.engine, { host: '127.0.0.2', port: 0, token: 'tok' }),
    ];
    for (const s of servers) cleanup.push(() => s.close());
    const clients: RawClient[] = [];
    for (let i = 0; i < 100; i++) {
      clients.push(rawClient('127.0.0.1', servers[0].port, upgrade('evil.example'))); // DNS-rebinding guard: 421
      clients.push(rawClient('127.0.0.2', servers[1].port, upgrade(`127.0.0.2:${servers[1].port}`))); // no token: 401
    }
    const answers = await within(Promise.all(clients.map((c) => c.answer)), 10_000, 'answers');
    expect(answers.filter((a) => a.startsWith('HTTP/1.1 421')).length).toBe(100);
    expect(answers.filter((a) => a.startsWith('HTTP/1.1 401')).length).toBe(100);
    expect(answers.every((a) => /connection: close/i.test(a))).toBe(true);
    // The server closes each one; the clients never do.
    await within(Promise.all(clients.map((c) => c.ended)), 5_000, 'server closing the refused sockets');
    expect(await waitFor(async () => (await servers[0].connections()) + (await servers[1].connections()) === 0, 3000)).toBe(true);
  });

  it('the connection cap closes connections beyond server.max_connections on arrival', async () => {
    const eut = await makeEngine();
    cleanup.push(() => eut.dispose());
    const server = await startApiServer(eut.engine, { host: '127.0.0.1', port: 0, maxConnections: 5 });
    cleanup.push(() => server.close());
    const held = Array.from({ length: 5 }, () => rawClient('127.0.0.1', server.port, 'GET /api/v1/status HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'));
    await within(Promise.all(held.map((c) => c.answer)), 5000, 'answers within the cap');
    const extra = rawClient('127.0.0.1', server.port, 'GET /api/v1/status HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await within(extra.ended, 3000, 'the connection over the cap closed');
    expect(await server.connections()).toBe(5);
  });
});

describe('SIGTERM of the headless process', () => {
  it('completes within a few seconds with idle, stuck and refused clients attached', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sairen-sigterm-'));
    cleanup.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const child: ChildProcess = spawn(
      process.execPath,
      ['--import', 'tsx', CLI, '--simulate', 'normal', '--port', '0', '--data-dir', dataDir, '--quiet'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    cleanup.push(() => void (child.exitCode === null && child.signalCode === null && child.kill('SIGKILL')));
    let stderr = '';
    child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    const url = await within(
      new Promise<string>((resolve) => {
        let out = '';
        child.stdout?.on('data', (c: Buffer) => {
          out += c.toString();
          const m = /dashboard (http:\/\/[^\s]+?)\/?\s/.exec(out);
          if (m) resolve(m[1]);
        });
      }),
      30_000,
      'headless start',
    );
    const port = Number(new URL(url).port);
    const host = `127.0.0.1:${port}`;
    // A WebSocket client that never reads again (so never answers the close frame).
    const ws = rawClient('127.0.0.1', port, upgrade(host));
    expect(await within(ws.answer, 5000, 'upgrade')).toMatch(/^HTTP\/1\.1 101/);
    ws.socket.pause();
    // Idle keep-alive clients, a request that never finishes its headers, refused upgrades.
    const idle = Array.from({ length: 20 }, () => rawClient('127.0.0.1', port, `GET /api/v1/status HTTP/1.1\r\nHost: ${host}\r\n\r\n`));
    await within(Promise.all(idle.map((c) => c.answer)), 5000, 'idle answers');
    rawClient('127.0.0.1', port, `GET /api/v1/status HTTP/1.1\r\nHost: ${host}\r\n`);
    const refused = Array.from({ length: 20 }, () => rawClient('127.0.0.1', port, upgrade('evil.example')));
    await within(Promise.all(refused.map((c) => c.answer)), 5000, 'refused answers');

    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const t0 = Date.now();
    child.kill('SIGTERM');
    const code = await within(exited, 10_000, `exit after SIGTERM (stderr: ${stderr})`);
    const tookMs = Date.now() - t0;
    expect(tookMs).toBeLessThan(5000);
    expect(code).toBe(0);
    expect(stderr).toMatch(/SIGTERM, shutting down/);
  });
});
