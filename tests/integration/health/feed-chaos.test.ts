// Issue 15 fault test, feed chaos, on loopback: a TCP proxy stands where the rig's WITS server
// would be and feeds the engine's real TCP client 10 minutes of 1 Hz frames (600), while it drops
// the connection (between frames and in the middle of one), stalls, cuts frames mid-line and
// injects garbage lines, chosen by a seeded generator. The engine stays up, every frame the proxy
// delivered whole becomes a packet, and the bad-line counter equals the lines the proxy spoiled.
// The frames come from the same WITS writer the simulator uses, in-process (no second hop).
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src-shared/config.js';
import { createEngine } from '../../../src-main/app/create-engine.js';
import { MemoryStore } from '../../../src-main/storage/memory-store.js';
import { frame, waitFor } from '../acquisition/helpers.js';

const cleanup: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

/** Small seeded generator (mulberry32): the same chaos on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Tally {
  delivered: number;
  spoiledLines: number;
  drops: number;
  stalls: number;
  cut: number;
}

/** The proxy: one client at a time (the engine); frames wait while it is away. */
async function chaosProxy(): Promise<{ port: number; client: () => net.Socket | null; close: () => Promise<void> }> {
  let current: net.Socket | null = null;
  const srv = net.createServer((s) => {
    s.on('error', () => undefined);
    s.on('close', () => {
      if (current === s) current = null;
    });
    current = s;
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  return {
    port: (srv.address() as net.AddressInfo).port,
    client: () => (current && !current.destroyed ? current : null),
    close: async () => {
      current?.destroy();
      await new Promise<void>((r) => srv.close(() => r()));
    },
  };
}

const write = (s: net.Socket, text: string) => new Promise<void>((r) => s.write(text, () => r()));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function feedWithChaos(proxy: Awaited<ReturnType<typeof chaosProxy>>, frames: number, seed: number): Promise<Tally> {
  const t: Tally = { delivered: 0, spoiledLines: 0, drops: 0, stalls: 0, cut: 0 };
  const r = rng(seed);
  let mustSendWhole = false; // after a mid-line cut the next frame must follow on the same link
  for (let i = 0; i < frames; i++) {
    let s: net.Socket | null = null;
    await waitFor(() => (s = proxy.client()) !== null, 15_000, 'the engine connected to the proxy');
    const sock = s as unknown as net.Socket;
    const text = frame(i);
    const x = mustSendWhole ? 1 : r();
    mustSendWhole = false;
    if (x < 0.04) {
      // Garbage between frames: one stray line.
      await write(sock, `@#line noise ${i} ~~\r\n`);
      t.spoiledLines++;
      await write(sock, text);
      t.delivered++;
    } else if (x < 0.08) {
      // Cut mid-line: the stub and the next frame's "&&" make one bad line; the frame is lost.
      await write(sock, text.slice(0, text.indexOf('\r\n', 10) + 5));
      t.spoiledLines++;
      t.cut++;
      mustSendWhole = true;
    } else if (x < 0.1) {
      await sleep(300);
      t.stalls++;
      await write(sock, text);
      t.delivered++;
    } else if (x < 0.105) {
      // Dropped in the middle of a frame: the partial frame goes with the link, counted nowhere.
      await write(sock, text.slice(0, Math.floor(text.length / 2)));
      sock.destroy();
      t.drops++;
    } else if (x < 0.11) {
      // Dropped right after a whole frame.
      await write(sock, text);
      t.delivered++;
      sock.destroy();
      t.drops++;
    } else {
      await write(sock, text);
      t.delivered++;
    }
  }
  // A cut last frame's stub counts when the next frame begins: send one more.
  const last = proxy.client();
  if (mustSendWhole && last) {
    await write(last, frame(frames));
    t.delivered++;
  }
  return t;
}

describe('feed chaos through a proxy', () => {
  it('10 minutes of frames with drops, stalls, cut frames and garbage: the engine stays up and counts exactly', async () => {
    const proxy = await chaosProxy();
    cleanup.push(() => proxy.close());
    const engine = createEngine(defaultConfig(), {
      storage: new MemoryStore(), healthIntervalMs: 0, selfHealIntervalMs: 0,
      source: { kind: 'tcp', host: '127.0.0.1', port: proxy.port },
    });
    cleanup.push(() => engine.dispose());
    await engine.start();

    const t = await feedWithChaos(proxy, 600, 15);
    // The seed gives every kind of trouble at least once.
    expect(t.drops).toBeGreaterThan(0);
    expect(t.stalls).toBeGreaterThan(0);
    expect(t.cut).toBeGreaterThan(0);
    expect(t.spoiledLines).toBeGreaterThan(t.cut);
    await waitFor(() => engine.status().source.packets >= t.delivered, 10_000, `${t.delivered} packets`);
    const src = engine.status().source;
    expect(src.packets).toBe(t.delivered);
    expect(src.badLines, JSON.stringify(t)).toBe(t.spoiledLines);
    expect(src.state).toBe('connected');
    const h = await engine.call('getHealth', {});
    expect(h.ok).toBe(true);
  }, 90_000);
});
