// The server's sockets: a cap on how many are open, refused WebSocket upgrades closed (Node
// hands an upgrade socket over and never closes it), and a shutdown that finishes within a
// deadline whatever the clients do.
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';

export interface ConnectionGuard {
  /** Sockets open on the server now (including upgraded and refused-upgrade ones). */
  count(): Promise<number>;
  /** Destroys every socket still open (the end of a shutdown's grace period). */
  destroyAll(): void;
}

/** How long a refused upgrade's socket may linger after its answer before it is destroyed. */
const REFUSED_UPGRADE_LINGER_MS = 1000;

function closeAfterAnswer(socket: Socket): void {
  if (socket.destroyed) return;
  socket.end(); // FIN after the answer is flushed
  setTimeout(() => socket.destroy(), REFUSED_UPGRADE_LINGER_MS).unref();
}

export function guardConnections(app: FastifyInstance, maxConnections: number): ConnectionGuard {
  const sockets = new Set<Socket>();
  // Beyond the cap Node closes new connections at once; the ones being served keep going.
  app.server.maxConnections = maxConnections;
  app.server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });

  // An upgrade that got an HTTP answer (401, 403, 421, 404...) instead of 101: say so and close.
  app.addHook('onSend', async (req, reply) => {
    if (req.headers.upgrade) reply.header('Connection', 'close');
  });
  app.addHook('onResponse', async (req) => {
    if (req.headers.upgrade && req.raw.socket) closeAfterAnswer(req.raw.socket);
  });

  return {
    count: () => new Promise((resolve, reject) => app.server.getConnections((err, n) => (err ? reject(err) : resolve(n)))),
    destroyAll() {
      for (const s of sockets) s.destroy();
    },
  };
}

/**
 * Closes the server: no new connections, polite close frames and in-flight answers first, then
 * after `graceMs` every socket still open is destroyed, so shutdown never waits on a client.
 */
export async function closeWithin(app: FastifyInstance, guard: ConnectionGuard, graceMs: number): Promise<void> {
  const deadline = setTimeout(() => guard.destroyAll(), graceMs);
  deadline.unref();
  try {
    await app.close();
  } finally {
    clearTimeout(deadline);
  }
}
