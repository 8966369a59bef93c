// The Bridge contract over WebSocket (/api/v1/bridge): call frames -> engine.call -> result
// frames; every engine event pushed to every client. A bad frame gets an ok:false result and
// the socket stays open. Same auth as HTTP; write commands need the token off loopback.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import websocket from '@fastify/websocket';
import type { WebSocket } from 'ws';
import {
  BRIDGE_EVENTS,
  WsClientFrameSchema,
  type BridgeCommand,
  type BridgeResult,
  type WsServerFrame,
} from '../../src-shared/bridge.js';
import { PROTOTYPE_KEYS } from '../../src-shared/text.js';
import type { Engine } from '../app/engine.js';
import { isWriteCommand } from './command-access.js';
import { authorize, bearerToken, type AuthPolicy } from './routes/security.js';

export const BRIDGE_PATH = '/api/v1/bridge';


/** A slow client stops getting status pushes past this much unsent data; results and advisories still go. */
const STATUS_BACKPRESSURE_BYTES = 1 << 20;

export interface WsBridgeOptions {
  engine: Engine;
  policy: AuthPolicy;
  maxPayloadBytes: number;
}

function tokenOf(req: FastifyRequest): string | null {
  const fromHeader = bearerToken(req.headers.authorization);
  if (fromHeader) return fromHeader;
  // Browsers cannot set headers on a WebSocket, so the bridge also takes ?token=.
  const q = req.query as Record<string, unknown> | undefined;
  return typeof q?.token === 'string' && q.token ? q.token : null;
}

function send(socket: WebSocket, frame: WsServerFrame): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
}

export async function registerWsBridge(app: FastifyInstance, opts: WsBridgeOptions): Promise<void> {
  const { engine, policy } = opts;
  await app.register(websocket, { options: { maxPayload: opts.maxPayloadBytes } });
  const clients = new Map<WebSocket, { mayWrite: boolean }>();

  // One subscription per event for the whole server; each frame is serialised once.
  const unsubscribe = BRIDGE_EVENTS.map((event) =>
    engine.on(event, (payload: unknown) => {
      if (clients.size === 0) return;
      const text = JSON.stringify({ type: 'event', event, payload } satisfies WsServerFrame);
      for (const socket of clients.keys()) {
        if (socket.readyState !== socket.OPEN) continue;
        if (event === 'status' && socket.bufferedAmount > STATUS_BACKPRESSURE_BYTES) continue;
        socket.send(text);
      }
    }),
  );
  app.addHook('onClose', async () => {
    for (const u of unsubscribe) u();
    for (const socket of clients.keys()) socket.close(1001, 'server shutting down');
    clients.clear();
  });

  app.get(
    BRIDGE_PATH,
    {
      websocket: true,
      // Reads need the token off loopback (checked with every route in route-access.ts).
      config: { tokenInQuery: true },
      // Cross-site pages can open WebSockets (no CORS): only this server's own pages may.
      preValidation: async (req, reply) => {
        const origin = req.headers.origin;
        if (origin) {
          let originHost: string | null = null;
          try {
            originHost = new URL(origin).host;
          } catch {
            originHost = null;
          }
          if (originHost !== req.headers.host) {
            return reply.code(403).send({ error: 'forbidden-origin', message: `WebSocket from origin ${origin} refused` });
          }
        }
      },
    },
    (socket, req) => {
      const mayWrite = authorize(policy, true, tokenOf(req)) === null;
      clients.set(socket, { mayWrite });
      socket.on('close', () => clients.delete(socket));
      socket.on('error', () => clients.delete(socket));
      socket.on('message', (data, isBinary) => {
        void handleFrame(socket, isBinary ? null : data.toString(), mayWrite);
      });
    },
  );

  async function handleFrame(socket: WebSocket, text: string | null, mayWrite: boolean): Promise<void> {
    let raw: unknown;
    let forbiddenKey: string | null = null;
    try {
      // As on HTTP: a frame carrying __proto__, constructor or prototype is refused, not merged.
      raw = text === null ? undefined : JSON.parse(text, (key, value: unknown) => {
        if (PROTOTYPE_KEYS.includes(key)) forbiddenKey ??= key;
        return value;
      });
    } catch {
      raw = undefined;
    }
    const rawId = (raw as { id?: unknown } | undefined)?.id;
    const id = typeof rawId === 'number' && Number.isInteger(rawId) ? rawId : -1;
    const fail = (code: 'invalid-request' | 'refused' | 'internal', message: string) =>
      send(socket, { type: 'result', id, result: { ok: false, error: { code, message } } });
    if (raw === undefined) return fail('invalid-request', 'frame is not JSON text: expected {"type":"call","id":1,"command":"getStatus","request":{}}');
    if (forbiddenKey) return fail('invalid-request', `frame contains the key "${forbiddenKey}", which is not allowed`);
    const frame = WsClientFrameSchema.safeParse(raw);
    if (!frame.success) {
      const issues = frame.error.issues.map((i) => `${i.path.join('.') || 'frame'}: ${i.message}`).join('; ');
      return fail('invalid-request', `bad frame: ${issues}`);
    }
    const { command, request } = frame.data;
    if (isWriteCommand(command) && !mayWrite) {
      return fail('refused', `${command} needs the bearer token on this address (connect with ?token=)`);
    }
    let result: BridgeResult<BridgeCommand>;
    try {
      result = await engine.call(command, request);
    } catch (err) {
      app.log.error({ err, command }, 'bridge command threw');
      result = { ok: false, error: { code: 'internal', message: `${command} failed inside the engine` } };
    }
    send(socket, { type: 'result', id, result });
  }
}
