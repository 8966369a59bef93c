// The local LLM: choose a model file or switch it off (templates only); audited.
import { ok, type CommandModule } from '../engine-context.js';

export const llmCommands: CommandModule<'setLlmModel'> = (ctx) => ({
  setLlmModel: async (r) => {
    const before = ctx.enricher.status();
    const after = await ctx.enricher.setModel(r.path, r.enabled);
    await ctx.audit({ timeMs: ctx.clock(), actor: r.actor, kind: 'llm-mode', summary: `LLM model ${r.enabled ? `set to ${r.path || 'auto'}` : 'disabled'}: ${after.mode}`, before, after });
    ctx.health.evaluate();
    return ok(after);
  },
});
