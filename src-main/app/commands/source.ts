// The data source: switch feeds (serialised by the SourceSupervisor), list serial ports.
import { listSerialPorts } from '../../acquisition/serial.js';
import { fail, ok, type CommandModule } from '../engine-context.js';

export const sourceCommands: CommandModule<'setSource' | 'listSerialPorts'> = (ctx) => ({
  setSource: async (r) => {
    const units = r.units ?? ctx.sources.sourceUnits;
    // Reset, save and audit happen in the swap's own turn: calls at once never mix their records.
    const err = await ctx.sources.swap(r.source, units, async (before) => {
      await ctx.feedReset.newFeed(r.sameRig, r.actor);
      const saveErr = ctx.settings.persist({ source: r.source, units });
      if (saveErr) ctx.log(saveErr);
      await ctx.audit({
        timeMs: ctx.clock(),
        actor: r.actor,
        kind: 'source-change',
        summary: `data source set to ${ctx.sources.status().description}${r.sameRig ? ' (same rig: baseline kept)' : ''}`,
        before,
        after: { ...r.source, units },
      });
    });
    if (err) return fail('refused', `cannot use that source: ${err}`);
    ctx.health.evaluate();
    return ok(ctx.sources.status());
  },
  listSerialPorts: async () => {
    const r = await listSerialPorts();
    return ok({ ports: r.ports, note: r.note || null });
  },
});
