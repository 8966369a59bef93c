import { afterEach, describe, expect, it } from 'vitest';
import net from 'node:net';
import { TcpClientSource } from '../../../src-main/acquisition/tcp-client.js';
import { TcpListenSource } from '../../../src-main/acquisition/tcp-listen.js';
import { buildSource } from '../../../src-main/app/source-supervisor.js';
import { FeedActivity, FeedCheck } from '../../../src-main/health/checks/feed-check.js';
import { defaultConfig } from '../../../src-shared/config.js';
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
    cleanup.push(() => client.dispose());
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
    cleanup.push(() => client.dispose());
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
    cleanup.push(() => client.dispose());
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
    await client.dispose();
    await waitFor(() => rig.clients() === 0, 5000, 'client gone');
    expect(client.status().state).toBe('stopped');
  });
});

describe('TCP listen', () => {
  /** A sender from `from` (a loopback address; Linux routes all of 127/8 locally). */
  function sender(port: number, from = '127.0.0.1') {
    const sock = net.connect({ port, host: '127.0.0.1', localAddress: from });
    sock.on('error', () => undefined);
    const closed = new Promise<void>((r) => sock.once('close', () => r()));
    cleanup.push(async () => void sock.destroy());
    return { sock, closed };
  }
  async function listenSource(opts: ConstructorParameters<typeof TcpListenSource>[3] = {}, host = '0.0.0.0') {
    const src = new TcpListenSource(0, host, { channelMap: MAP, units: 'imperial' }, opts);
    cleanup.push(() => src.dispose());
    const w = watch(src);
    src.start();
    await src.listening();
    return { src, port: src.boundPort() as number, ...w };
  }

  it('one active sender: its split frames decode, a second sender is refused and reported, the first leaving frees the port', async () => {
    const { src, port, packets } = await listenSource({ allowedSenders: ['127.0.0.3'] });
    expect(src.status().state).toBe('connecting');
    const a = sender(port, '127.0.0.1');
    await waitFor(() => src.status().state === 'connected', 5000, 'first sender');
    expect(src.status().detail).toBe(`sender 127.0.0.1 on port ${port}`);
    const b = sender(port, '127.0.0.3'); // allowed, but a is active
    await b.closed;
    expect(src.status().warning).toBe('refused 1 connection; last from 127.0.0.3: another sender (127.0.0.1) is active');
    const fa = frame(1);
    a.sock.write(fa.slice(0, 10));
    a.sock.write(fa.slice(10) + 'garbage line\r\n');
    await waitFor(() => packets.length === 1, 5000, 'one packet');
    expect(packets[0].bitDepthFt).toBe(1001);
    await waitFor(() => src.status().badLines === 1, 5000, 'bad line counted');

    a.sock.destroy();
    await waitFor(() => src.status().state === 'reconnecting', 5000, 'sender left');
    const c = sender(port, '127.0.0.3');
    await waitFor(() => src.status().detail === `sender 127.0.0.3 on port ${port}`, 5000, 'the logger takes over');
    c.sock.write(frame(2));
    await waitFor(() => packets.length === 2, 5000, 'its packet');
  });

  it('refuses a sender whose address is not loopback or allowed, at once', async () => {
    const { src, port, packets } = await listenSource();
    const stranger = sender(port, '127.0.0.2');
    stranger.sock.write(frame(9));
    await stranger.closed;
    expect(packets).toEqual([]);
    expect(src.status().state).toBe('connecting');
    expect(src.status().warning).toMatch(/last from 127\.0\.0\.2: not an allowed sender \(acquisition\.listen_allow\)/);
  });

  it('two interleaved senders: every packet of the active one arrives, none of the other (no mixing, no loss)', async () => {
    const { src, port, packets } = await listenSource({ allowedSenders: ['127.0.0.3'] });
    const a = sender(port, '127.0.0.1');
    await waitFor(() => src.status().state === 'connected', 5000, 'first sender');
    const b = sender(port, '127.0.0.3');
    for (let i = 0; i < 80; i++) {
      const fa = frame(i);
      const fb = frame(500 + i);
      a.sock.write(fa.slice(0, 12));
      if (!b.sock.destroyed) b.sock.write(fb.slice(0, 7));
      a.sock.write(fa.slice(12));
      if (!b.sock.destroyed) b.sock.write(fb.slice(7));
      await new Promise((r) => setImmediate(r));
    }
    await waitFor(() => packets.length >= 80, 5000, '80 packets');
    await new Promise((r) => setTimeout(r, 100));
    expect(packets.map((p) => p.bitDepthFt)).toEqual(Array.from({ length: 80 }, (_, i) => 1000 + i));
    expect(src.status().warning).toMatch(/another sender \(127\.0\.0\.1\) is active/);
  });

  it('caps open sockets: 300 idle connections are closed on arrival, the active sender keeps its feed', async () => {
    const { src, port, packets } = await listenSource({ maxConnections: 4 });
    const a = sender(port, '127.0.0.1');
    await waitFor(() => src.status().state === 'connected', 5000, 'active sender');
    const idle = Array.from({ length: 300 }, (_, i) => sender(port, i % 2 ? '127.0.0.1' : '127.0.0.2'));
    // Same-address connections replace the active one only when they are the logger reconnecting:
    // here every 127.0.0.1 newcomer takes over, so the last of them is the active sender.
    await Promise.race([Promise.all(idle.slice(0, -1).map((c) => c.closed)), new Promise((r) => setTimeout(r, 5000))]);
    expect(await src.connections()).toBeLessThanOrEqual(4);
    const last = idle[idle.length - 1];
    last.sock.write(frame(7));
    await waitFor(() => packets.length === 1, 5000, 'the active sender still delivers');
    await a.closed;
  });

  it('acquisition.listen_host / listen_allow: binds the configured address and lets the configured logger in', async () => {
    const config = defaultConfig();
    config.acquisition.listen_host = '127.0.0.1';
    config.acquisition.listen_allow = ['127.0.0.3'];
    const src = buildSource({ kind: 'listen', port: 0 }, 'imperial', config) as TcpListenSource;
    cleanup.push(() => src.dispose());
    const { packets } = watch(src);
    src.start();
    await src.listening();
    const port = src.boundPort() as number;
    const other = net.connect({ port, host: '127.0.0.2' });
    const err = await new Promise<NodeJS.ErrnoException>((r) => other.once('error', r));
    expect(err.code).toBe('ECONNREFUSED');
    const logger = sender(port, '127.0.0.3');
    logger.sock.write(frame(3));
    await waitFor(() => packets.length === 1, 5000, 'the logger delivers');
  });

  it('health shows a refused sender: the feed is degraded and says who', async () => {
    const { src, port } = await listenSource();
    const a = sender(port, '127.0.0.1');
    await waitFor(() => src.status().state === 'connected', 5000, 'active');
    const activity = new FeedActivity(() => Date.now());
    const feedCheck = new FeedCheck({
      clock: () => Date.now(),
      activity,
      source: () => src.status(),
      feedTimeoutMs: () => 30_000,
      reconnect: () => false,
      reconnectMaxMs: () => 300_000,
    });
    const health = { packetReceived: () => activity.packetReceived(), evaluate: () => ({ components: [{ name: 'feed', status: feedCheck.check().status, detail: feedCheck.check().reason }] }) };
    health.packetReceived();
    expect(health.evaluate().components.find((c) => c.name === 'feed')?.status).toBe('healthy');
    await sender(port, '127.0.0.2').closed;
    const feed = health.evaluate().components.find((c) => c.name === 'feed');
    expect(feed?.status).toBe('degraded');
    expect(feed?.detail).toMatch(/receiving; refused 1 connection; last from 127\.0\.0\.2/);
    a.sock.destroy();
  });

  it('reports offline when the port is taken, without throwing', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    cleanup.push(() => new Promise<void>((r) => blocker.close(() => r())));
    const port = (blocker.address() as net.AddressInfo).port;
    const src = new TcpListenSource(port, '127.0.0.1', { channelMap: MAP, units: 'imperial' }, { backoffInitialMs: 50 });
    cleanup.push(() => src.dispose());
    src.start();
    await waitFor(() => src.status().state === 'offline', 5000, 'offline');
    expect(src.status().detail).toMatch(/cannot open port .*EADDRINUSE/);
  });
});
