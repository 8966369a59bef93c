import { afterEach, describe, expect, it } from 'vitest';
import net from 'node:net';
import { TcpClientSource } from '../../../src-main/acquisition/tcp-client.js';
import { TcpListenSource } from '../../../src-main/acquisition/tcp-listen.js';
import type { SourceState } from '../../../src-shared/source.js';
import type { WitsPacket } from '../../../src-shared/wits.js';
import { FakeRigServer, MAP, frame, waitFor } from './helpers.js';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()?.();
});

const fast = { connectTimeoutMs: 1000, readTimeoutMs: 2000, backoffInitialMs: 50, backoffMaxMs: 200 };

function watch(src: TcpClientSource | TcpListenSource) {
  const states: SourceState[] = [];
  const packets: WitsPacket[] = [];
  src.onStatus((s) => states.push(s.state));
  src.onPacket((p) => packets.push(p));
  return { states, packets };
}

describe('TCP client', () => {
  it('reconnects after the rig server dies and comes back on the same port; packets flow again', async () => {
    const rig = new FakeRigServer();
    const port = await rig.start();
    cleanup.push(() => rig.kill());
    const client = new TcpClientSource('127.0.0.1', port, { channelMap: MAP, units: 'imperial' }, fast);
    cleanup.push(() => client.stop());
    const { states, packets } = watch(client);
    client.start();
    await waitFor(() => packets.length >= 3, 5000, 'first packets');
    expect(client.status().state).toBe('connected');
    expect(packets[0].bitDepthFt).toBeGreaterThanOrEqual(1000);
    expect(packets[0].rpm).toBe(120);

    await rig.kill();
    await waitFor(() => client.status().state === 'reconnecting', 5000, 'reconnecting');
    const before = packets.length;
    await new Promise((r) => setTimeout(r, 300)); // a few failed attempts while it is down
    expect(packets.length).toBe(before);

    const rig2 = new FakeRigServer();
    await rig2.start(port);
    cleanup.push(() => rig2.kill());
    await waitFor(() => client.status().state === 'connected', 5000, 'connected again');
    await waitFor(() => packets.length >= before + 3, 5000, 'packets after reconnect');
    expect(states).toEqual(expect.arrayContaining(['connecting', 'connected', 'reconnecting']));
    expect(states.lastIndexOf('connected')).toBeGreaterThan(states.indexOf('reconnecting'));
    expect(client.status().packets).toBe(packets.length);
    expect(client.status().lastPacketMs).not.toBeNull();
  });

  it('goes offline after the retry budget but keeps retrying and recovers', async () => {
    // Grab a free port, then close it so nothing listens there.
    const probe = net.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));

    const client = new TcpClientSource('127.0.0.1', port, { channelMap: MAP, units: 'imperial' }, { ...fast, backoffInitialMs: 20, backoffMaxMs: 40, maxRetries: 2 });
    cleanup.push(() => client.stop());
    const { states, packets } = watch(client);
    client.start();
    await waitFor(() => client.status().state === 'offline', 5000, 'offline');
    expect(states).toContain('reconnecting');
    expect(client.status().detail).toMatch(/retry \d+ in/);

    const rig = new FakeRigServer();
    await rig.start(port);
    cleanup.push(() => rig.kill());
    await waitFor(() => packets.length > 0, 5000, 'packets after offline');
    expect(client.status().state).toBe('connected');
  });

  it('a silent link hits the read timeout and is redialled', async () => {
    const rig = new FakeRigServer(20, false);
    const port = await rig.start();
    cleanup.push(() => rig.kill());
    const client = new TcpClientSource('127.0.0.1', port, { channelMap: MAP, units: 'imperial' }, { ...fast, readTimeoutMs: 150 });
    cleanup.push(() => client.stop());
    const details: string[] = [];
    client.onStatus((s) => details.push(s.detail));
    client.start();
    await waitFor(() => details.some((d) => d.startsWith('no data for 0.15 s')), 5000, 'read timeout');
    await waitFor(() => client.status().state === 'connected', 5000, 'redialled');
  });

  it('stop() leaves no socket or timer behind', async () => {
    const rig = new FakeRigServer();
    const port = await rig.start();
    cleanup.push(() => rig.kill());
    const client = new TcpClientSource('127.0.0.1', port, { channelMap: MAP, units: 'imperial' }, fast);
    client.start();
    await waitFor(() => rig.clients() === 1, 5000, 'client attached');
    await client.stop();
    await waitFor(() => rig.clients() === 0, 5000, 'client gone');
    expect(client.status().state).toBe('stopped');
  });
});

describe('TCP listen', () => {
  it('accepts several rig senders, connected while at least one is attached', async () => {
    const src = new TcpListenSource(0, '127.0.0.1', { channelMap: MAP, units: 'imperial' });
    cleanup.push(() => src.stop());
    const { packets } = watch(src);
    src.start();
    await src.listening();
    const port = src.boundPort() as number;
    expect(src.status().state).toBe('connecting');

    const a = net.connect(port, '127.0.0.1');
    const b = net.connect(port, '127.0.0.1');
    cleanup.push(async () => {
      a.destroy();
      b.destroy();
    });
    await waitFor(() => src.status().state === 'connected' && src.status().detail.startsWith('2 senders'), 5000, 'two senders');
    // Each sender's frame split in half across writes; they must not mix.
    const fa = frame(1);
    const fb = frame(2);
    a.write(fa.slice(0, 10));
    b.write(fb.slice(0, 5));
    a.write(fa.slice(10));
    b.write(fb.slice(5) + 'garbage line\r\n');
    await waitFor(() => packets.length === 2, 5000, 'two packets');
    expect(packets.map((p) => p.bitDepthFt).sort()).toEqual([1001, 1002]);
    await waitFor(() => src.status().badLines === 1, 5000, 'bad line counted');

    a.destroy();
    await waitFor(() => src.status().detail.startsWith('1 sender'), 5000, 'one left');
    expect(src.status().state).toBe('connected');
    b.destroy();
    await waitFor(() => src.status().state === 'reconnecting', 5000, 'none left');
  });

  it('reports offline when the port is taken, without throwing', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    cleanup.push(() => new Promise<void>((r) => blocker.close(() => r())));
    const port = (blocker.address() as net.AddressInfo).port;
    const src = new TcpListenSource(port, '127.0.0.1', { channelMap: MAP, units: 'imperial' }, { backoffInitialMs: 50 });
    cleanup.push(() => src.stop());
    src.start();
    await waitFor(() => src.status().state === 'offline', 5000, 'offline');
    expect(src.status().detail).toMatch(/cannot open port .*EADDRINUSE/);
  });
});
