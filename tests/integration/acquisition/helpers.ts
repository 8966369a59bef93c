import net from 'node:net';
import { buildChannelMap } from '../../../src-main/acquisition/channel-map.js';
import { formatWitsFrame } from '../../../src-main/acquisition/wits0-writer.js';

export const MAP = buildChannelMap('wits-record01');

export async function waitFor(cond: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export function frame(i: number): string {
  return formatWitsFrame({ bitDepthFt: 1000 + i, holeDepthFt: 2000, rpm: 120, flowInGpm: 600 }, MAP);
}

/** A loopback WITS server writing one frame every `everyMs` to each client. */
export class FakeRigServer {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  private timer: NodeJS.Timeout | null = null;
  private n = 0;

  constructor(private readonly everyMs = 20, private readonly send = true) {}

  async start(port = 0): Promise<number> {
    const srv = net.createServer((s) => {
      this.sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => this.sockets.delete(s));
    });
    this.server = srv;
    await new Promise<void>((resolve, reject) => {
      srv.once('error', reject);
      srv.listen(port, '127.0.0.1', () => resolve());
    });
    if (this.send) {
      this.timer = setInterval(() => {
        const f = frame(this.n++);
        for (const s of this.sockets) s.write(f);
      }, this.everyMs);
    }
    return (srv.address() as net.AddressInfo).port;
  }

  clients(): number {
    return this.sockets.size;
  }

  async kill(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    const srv = this.server;
    this.server = null;
    if (srv) await new Promise<void>((r) => srv.close(() => r()));
  }
}
