// A real TCP proxy on loopback between a rig and the hub, to make the link misbehave the way a
// satellite link does: refuse connections (hub down), or cut a reply after some bytes (a drop
// mid-download). It also records the first request line of each connection.
import net from 'node:net';

export type ProxyMode = { kind: 'pass' } | { kind: 'down' } | { kind: 'cut-reply'; afterBytes: number; when: (requestLine: string) => boolean; times: number };

export interface TcpProxy {
  url: string;
  port: number;
  requests: string[];
  setMode(mode: ProxyMode): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(targetPort: number, targetHost = '127.0.0.1'): Promise<TcpProxy> {
  let mode: ProxyMode = { kind: 'pass' };
  const requests: string[] = [];
  const sockets = new Set<net.Socket>();
  const onConnection = (client: net.Socket) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    const upstream = net.connect(targetPort, targetHost);
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    let firstLine: string | null = null;
    let cutAfter: number | null = null;
    let sent = 0;
    client.on('data', (d: Buffer) => {
      if (firstLine === null) {
        firstLine = d.toString('latin1').split('\r\n')[0];
        requests.push(firstLine);
        if (mode.kind === 'cut-reply' && mode.times > 0 && mode.when(firstLine)) {
          mode.times--;
          cutAfter = mode.afterBytes;
        }
      }
      upstream.write(d);
    });
    upstream.on('data', (d: Buffer) => {
      if (cutAfter !== null && sent + d.length > cutAfter) {
        client.write(d.subarray(0, Math.max(0, cutAfter - sent)));
        client.destroy();
        upstream.destroy();
        return;
      }
      sent += d.length;
      client.write(d);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end);
    upstream.on('error', end);
    client.on('end', () => upstream.end());
    upstream.on('end', () => client.end());
  };
  let server = net.createServer(onConnection);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  const listen = () => new Promise<void>((resolve, reject) => {
    server = net.createServer(onConnection);
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const stop = () => new Promise<void>((resolve) => {
    for (const s of sockets) s.destroy();
    server.close(() => resolve());
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    async setMode(next) {
      const wasDown = mode.kind === 'down';
      mode = next;
      if (next.kind === 'down' && !wasDown) await stop(); // connection refused, as for a hub that is off
      if (next.kind !== 'down' && wasDown) await listen();
    },
    close: () => (mode.kind === 'down' ? Promise.resolve() : stop()),
  };
}
