// Admin: register a rig (its key is in this one response and nowhere else), revoke it, and run
// the curator now. All need the hub admin key.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { FleetIdSchema } from '../../src-shared/fleet.js';
import type { HubContext } from '../context.js';
import { HubError } from '../errors.js';
import { acceptRawBodies, decodeJsonBody } from './body.js';

const RegisterSchema = z.object({ rigId: FleetIdSchema, name: z.string().trim().min(1).max(120).optional() }).strict();
const ADMIN_BODY_BYTES = 16 * 1024;

export async function adminRoutes(app: FastifyInstance, ctx: HubContext): Promise<void> {
  acceptRawBodies(app, ADMIN_BODY_BYTES);

  app.post('/api/fleet/admin/rigs', { config: { access: 'admin' } }, async (req, reply) => {
    const { value } = decodeJsonBody(req, RegisterSchema, ADMIN_BODY_BYTES);
    const made = await ctx.rigs.register(value.rigId, value.name ?? value.rigId, ctx.clock());
    if (!made) throw new HubError(409, 'conflict', `rig ${value.rigId} is already registered`);
    ctx.log(`rig ${value.rigId} registered`);
    return reply.code(201).header('Cache-Control', 'no-store').send({ rigId: made.rigId, key: made.key, note: 'the key is shown once; store it in the rig settings now' });
  });

  app.post<{ Params: { rigId: string } }>('/api/fleet/admin/rigs/:rigId/revoke', { config: { access: 'admin' } }, async (req) => {
    const rigId = req.params.rigId;
    if (!FleetIdSchema.safeParse(rigId).success) throw new HubError(400, 'invalid-request', 'rig id: letters, digits, dot, dash, underscore');
    if (!(await ctx.rigs.revoke(rigId, ctx.clock()))) throw new HubError(404, 'not-found', `no rig ${rigId}`);
    ctx.log(`rig ${rigId} revoked`);
    return { rigId, status: 'revoked' };
  });

  app.post('/api/fleet/admin/curate', { config: { access: 'admin' } }, async () => {
    const archived = await ctx.curator.archive();
    const run = await ctx.curator.request();
    return { ...run, archived };
  });
}
