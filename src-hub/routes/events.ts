// Uploads from rigs: a zstd-compressed FleetEvent (idempotent by id) and outcome updates.
// A rig writes only its own events; AMBER/RED only; the event time must be plausible.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { FleetEventSchema, FleetIdSchema, FleetOutcomeSchema, isFleetRisk, type FleetEvent } from '../../src-shared/fleet.js';
import type { HubContext } from '../context.js';
import { HubError } from '../errors.js';
import { acceptRawBodies, decodeJsonBody } from './body.js';

const FUTURE_SLACK_MS = 300_000;
const DAY_MS = 86_400_000;

const OutcomeUpdateSchema = z.object({ outcome: FleetOutcomeSchema, notes: z.string().max(4000).optional() }).strict();

export async function eventRoutes(app: FastifyInstance, ctx: HubContext): Promise<void> {
  acceptRawBodies(app, ctx.config.maxUploadBytes);

  app.post('/api/fleet/events', { config: { access: 'rig' } }, async (req, reply) => {
    const decoded = decodeJsonBody(req, FleetEventSchema, ctx.config.maxDecompressedBytes);
    // The schema checks the advisory's envelope; the rest of it is stored as the rig sent it.
    const event = decoded.value as unknown as FleetEvent;
    const wireBytes = decoded.wireBytes;
    const rigId = req.rigId as string;
    if (event.rigId !== rigId) throw new HubError(403, 'forbidden', `rig ${rigId} cannot upload an event of rig ${event.rigId}`);
    if (!event.id.startsWith(`${rigId}-`)) throw new HubError(400, 'invalid-request', `event id must start with "${rigId}-"`);
    if (!isFleetRisk(event.riskLevel)) throw new HubError(400, 'invalid-request', 'only AMBER and RED events (risk Elevated or above) are shared');
    const now = ctx.clock();
    if (event.timeMs > now + FUTURE_SLACK_MS) throw new HubError(400, 'invalid-request', 'event time is in the future; check the rig clock');
    if (event.timeMs < now - ctx.config.maxEventAgeDays * DAY_MS) {
      throw new HubError(400, 'invalid-request', `event is older than ${ctx.config.maxEventAgeDays} days`);
    }
    const stored = await ctx.events.insert(event, wireBytes, now, decoded.zstd);
    if (stored) ctx.afterUpload();
    return reply.code(stored ? 201 : 200).send({ status: stored ? 'stored' : 'duplicate', id: event.id });
  });

  app.post<{ Params: { id: string } }>('/api/fleet/events/:id/outcome', { config: { access: 'rig' } }, async (req, reply) => {
    const id = req.params.id;
    if (!FleetIdSchema.safeParse(id).success) throw new HubError(400, 'invalid-request', 'event id: letters, digits, dot, dash, underscore');
    const { value } = decodeJsonBody(req, OutcomeUpdateSchema, ctx.config.maxDecompressedBytes);
    const owner = await ctx.events.owner(id);
    if (owner === null) throw new HubError(404, 'not-found', `no event ${id}`);
    if (owner !== req.rigId) throw new HubError(403, 'forbidden', `event ${id} belongs to another rig`);
    await ctx.events.setOutcome(id, value.outcome, value.notes);
    ctx.afterUpload();
    return reply.code(200).send({ status: 'updated', id });
  });
}
