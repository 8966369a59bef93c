// The curated library for rigs: a zstd-compressed LibraryDelta page since the rig's watermark.
// X-Library-Next carries the cursor of the next page; without it the page was the last one and
// its version is the new watermark. 304 when the rig is up to date.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { HubContext } from '../context.js';
import { HubError } from '../errors.js';
import { formatCursor, libraryDeltaJson, parseCursor } from '../store/library.js';
import { zstdCompress } from '../zstd.js';

const QuerySchema = z
  .object({
    since: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
    cursor: z.string().max(240).optional(),
    limit: z.coerce.number().int().min(1).max(20_000).optional(),
  })
  .strict();

export async function libraryRoutes(app: FastifyInstance, ctx: HubContext): Promise<void> {
  app.get('/api/fleet/library', { config: { access: 'rig' } }, async (req, reply) => {
    const q = QuerySchema.safeParse(req.query);
    if (!q.success) throw new HubError(400, 'invalid-request', q.error.issues.map((i) => `query.${i.path.join('.')}: ${i.message}`).join('; '));
    const cursor = q.data.cursor === undefined ? null : parseCursor(q.data.cursor);
    if (q.data.cursor !== undefined && !cursor) throw new HubError(400, 'invalid-request', 'query.cursor: not a cursor this hub gave out');
    const limit = Math.min(q.data.limit ?? ctx.config.libraryPageSize, ctx.config.libraryPageSize);
    const rigId = req.rigId as string;
    const page = await ctx.library.page(rigId, q.data.since, cursor, limit);
    const now = ctx.clock();
    if (page === 'not-modified') {
      await ctx.rigs.touch(rigId, now, q.data.since);
      return reply.code(304).send();
    }
    await ctx.rigs.touch(rigId, now, page.next ? undefined : page.version);
    if (page.next) reply.header('X-Library-Next', formatCursor(page.next));
    return reply
      .header('Content-Type', 'application/json')
      .header('Content-Encoding', 'zstd')
      .header('X-Library-Version', String(page.version))
      .send(zstdCompress(libraryDeltaJson(page)));
  });
}
