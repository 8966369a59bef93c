// Helpers every route plugin shares: Bridge result -> HTTP status, time parameters.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { BridgeCommand, BridgeError, BridgeResult } from '../../../src-shared/bridge.js';
import type { Engine } from '../../app/engine.js';

export interface RouteDeps {
  engine: Engine;
}

const STATUS: Record<BridgeError['code'], number> = {
  'invalid-request': 400,
  'not-found': 404,
  refused: 409,
  unavailable: 503,
  internal: 500,
};

export interface ErrorBody {
  error: string;
  message: string;
}

export function sendBridgeResult<C extends BridgeCommand>(reply: FastifyReply, result: BridgeResult<C>, okStatus = 200) {
  if (result.ok) return reply.code(okStatus).send(result.value);
  const status = STATUS[result.error.code] ?? 500;
  return reply.code(status).send({ error: result.error.code, message: result.error.message } satisfies ErrorBody);
}

/** Milliseconds since the epoch, or an ISO 8601 date-time ("2025-01-01T06:00:00Z"). */
export const timeParam = z.string().transform((s, ctx) => {
  const trimmed = s.trim();
  const ms = /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Date.parse(trimmed);
  if (!Number.isFinite(ms)) {
    ctx.addIssue({ code: 'custom', message: `"${s}" is not a time: use epoch milliseconds or ISO 8601` });
    return z.NEVER;
  }
  return ms;
});

export const intParam = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

export const numberParam = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/, 'must be a number')
  .transform(Number);

/** "Now" in data time: the latest packet's time (replays run in the past), else the status clock. */
export function dataNowMs(engine: Engine): number {
  const s = engine.status();
  const t = s.packet?.timeMs ?? s.timeMs;
  return Number.isFinite(t) && t > 0 ? t : Date.now();
}
