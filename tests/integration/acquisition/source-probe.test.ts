// "Test connection": a real loopback TCP server, a real port bind, a real pty and real files.
import net from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { probeSource } from '../../../src-main/acquisition/source-probe.js';
import { FakeRigServer } from './helpers.js';
import { cleanupAfterEach, killed, startPtyPair } from './pty.js';

const cleanup = cleanupAfterEach();

async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const { port } = s.address() as net.AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe('probeSource (test a source without applying it)', () => {
  it('TCP: connects to a rig server that sends, and says data is arriving', async () => {
    const rig = new FakeRigServer(20);
    const port = await rig.start();
    cleanup.push(() => rig.kill());
    const r = await probeSource({ kind: 'tcp', host: '127.0.0.1', port });
    expect(r.ok).toBe(true);
    expect(r.message).toMatch(/receiving data/);
  });

  it('TCP: a connected but silent server is ok with "no data yet"; a closed port is refused in words', async () => {
    const rig = new FakeRigServer(20, false);
    const port = await rig.start();
    cleanup.push(() => rig.kill());
    const quiet = await probeSource({ kind: 'tcp', host: '127.0.0.1', port }, { firstDataMs: 200 });
    expect(quiet).toMatchObject({ ok: true });
    expect(quiet.message).toMatch(/no data in 0.2 s yet/);
    const refused = await probeSource({ kind: 'tcp', host: '127.0.0.1', port: await closedPort() });
    expect(refused.ok).toBe(false);
    expect(refused.message).toMatch(/connection refused/);
  });

  it('listen: a free port is ok, a port in use is refused', async () => {
    const port = await closedPort();
    expect((await probeSource({ kind: 'listen', port, host: '127.0.0.1' })).ok).toBe(true);
    const busy = net.createServer();
    await new Promise<void>((r) => busy.listen(port, '127.0.0.1', () => r()));
    cleanup.push(() => new Promise<void>((r) => busy.close(() => r())));
    const r = await probeSource({ kind: 'listen', port, host: '127.0.0.1' });
    expect(r).toMatchObject({ ok: false });
    expect(r.message).toMatch(/in use/);
  });

  it('serial: opens a real pty with RTS/CTS and closes it; a missing port is named', async () => {
    const pair = await startPtyPair();
    cleanup.push(() => killed(pair.proc));
    const r = await probeSource({ kind: 'serial', path: pair.b, baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1, flowControl: 'rtscts' });
    expect(r).toMatchObject({ ok: true });
    expect(r.message).toContain(pair.b);
    const missing = await probeSource({ kind: 'serial', path: '/dev/ttyDOES_NOT_EXIST', baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 });
    expect(missing.ok).toBe(false);
    expect(missing.message).toMatch(/cannot open \/dev\/ttyDOES_NOT_EXIST/);
  });

  it('replay file and simulator', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sairen-probe-'));
    const file = join(dir, 'log.csv');
    writeFileSync(file, 'a,b\n1,2\n');
    expect((await probeSource({ kind: 'csv', path: file, speed: 1 })).ok).toBe(true);
    const none = await probeSource({ kind: 'csv', path: join(dir, 'nope.csv'), speed: 1 });
    expect(none).toMatchObject({ ok: false });
    expect(none.message).toMatch(/no such file/);
    const isScenario = (n: string) => n === 'normal';
    expect((await probeSource({ kind: 'simulator', scenario: 'normal', seed: 1, speed: 1 }, { isScenario })).ok).toBe(true);
    expect((await probeSource({ kind: 'simulator', scenario: 'bogus', seed: 1, speed: 1 }, { isScenario })).ok).toBe(false);
  });
});
