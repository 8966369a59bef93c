// The data source: switch feeds (serialised by the SourceSupervisor), list serial ports.
import { listSerialPorts } from '../../acquisition/serial.js';
import { fail, ok, type CommandModule } from '../engine-context.js';

export const sourceCommands: CommandModule<'setSource' | 'listSerialPorts'> = (ctx) => ({
  setSource: async (r) => {
    const units = r.units ?? ctx.sources.sourceUnits;
    const before = ctx.sources.config;
    const err = await ctx.sources.swap(r.source, units);
    if (err) return fail('refused', `cannot use that source: ${err}`);
    await ctx.feedReset.newFeed(r.sameRig, r.actor);
    const saveErr = ctx.settings.persist({ source: r.source, units });
    if (saveErr) ctx.log(saveErr);
    const now = ctx.sources.status();
    await ctx.audit({
      timeMs: ctx.clock(),
      actor: r.actor,
      kind: 'source-change',
      summary: `data source set to ${now.description}${r.sameRig ? ' (same rig: baseline kept)' : ''}`,
      before,
      after: { ...r.source, units },
    });
    ctx.health.evaluate();
    return ok(now);
  },
  listSerialPorts: async () => {
    const r = await listSerialPorts();
    return ok({ ports: r.ports, note: r.note || null });
  },
});
