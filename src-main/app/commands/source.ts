// The data source: switch feeds (serialised by the SourceSupervisor), test one, list serial ports.
import { listSerialPorts } from '../../acquisition/serial.js';
import { ChangeNotRecorded, recordChange } from '../durable-change.js';
import { probeSource } from '../../acquisition/source-probe.js';
import { isScenarioName } from '../../simulator/scenarios.js';
import { fail, ok, type CommandModule } from '../engine-context.js';

export const sourceCommands: CommandModule<'setSource' | 'testSource' | 'listSerialPorts'> = (ctx) => ({
  setSource: async (r) => {
    const units = r.units ?? ctx.sources.sourceUnits;
    // Audit, save and reset happen in the swap's own turn: calls at once never mix their records;
    // a switch that cannot be recorded is undone (the previous feed runs again).
    let err: string | null;
    try {
      err = await ctx.sources.swap(r.source, units, async (before) => {
        const entry = {
          timeMs: ctx.clock(),
          actor: r.actor,
          kind: 'source-change' as const,
          summary: `data source set to ${ctx.sources.status().description}${r.sameRig ? ' (same rig: baseline kept)' : ''}`,
          before,
          after: { ...r.source, units },
        };
        const notDone = await recordChange(ctx, entry, { source: r.source, units });
        if (notDone) throw new ChangeNotRecorded(notDone);
        await ctx.feedReset.newFeed(r.sameRig, r.actor).catch((e: unknown) => ctx.log(`feed reset after the source change: ${(e as Error).message}`));
      });
    } catch (e) {
      if (e instanceof ChangeNotRecorded) return fail('unavailable', `source not changed: ${e.message}`);
      throw e;
    }
    if (err) return fail('refused', `cannot use that source: ${err}`);
    ctx.health.evaluate();
    return ok(ctx.sources.status());
  },
  // Tries the connection the way the feed would open it; applies nothing.
  testSource: async (r) => ok(await probeSource(r.source, { isScenario: isScenarioName })),
  listSerialPorts: async () => {
    const r = await listSerialPorts();
    return ok({ ports: r.ports, note: r.note || null });
  },
});
