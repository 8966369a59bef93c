// Configuration: read, validate without applying, apply (validated as a whole, audited, kept
// across restarts). What a change affects downstream is wired to ConfigStore.onChange.
import { deepMerge, mergeConfig } from '../../config/merge.js';
import { ok, type CommandModule } from '../engine-context.js';

export const configCommands: CommandModule<'getConfig' | 'validateConfig' | 'applyConfig'> = (ctx) => ({
  getConfig: async () => ok(ctx.config.get()),
  validateConfig: async (r) => {
    const v = mergeConfig(ctx.config.get(), r.config);
    return ok({ ok: v.ok, errors: v.errors, warnings: v.warnings });
  },
  applyConfig: async (r) => {
    const result = ctx.config.update(r.config, r.actor, ctx.clock());
    const applied = result.ok && result.changes.length > 0;
    if (applied) {
      await ctx.sources.settled(); // a channel-map or unit change reopens the feed (wired to onChange)
      const err = ctx.settings.persist({ config: deepMerge(ctx.settings.saved.config, r.config) as Record<string, unknown> });
      if (err) ctx.log(err);
      await ctx.audit({
        timeMs: ctx.clock(),
        actor: r.actor,
        kind: 'config-change',
        summary: `configuration changed: ${result.changes.map((c) => c.key).join(', ')}`,
        before: Object.fromEntries(result.changes.map((c) => [c.key, c.before])),
        after: Object.fromEntries(result.changes.map((c) => [c.key, c.after])),
      });
    }
    return ok({ ok: result.ok, errors: result.errors, warnings: result.warnings, applied });
  },
});
