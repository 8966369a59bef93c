// The local LLM: choose a model file or switch it off (templates only); audited. Only a .gguf in
// the models folder or one picked in the desktop's file dialog is opened (model-path-policy.ts).
import { checkModelPath } from '../../llm/model-path-policy.js';
import { fail, ok, type CommandModule } from '../engine-context.js';

export const llmCommands: CommandModule<'setLlmModel'> = (ctx) => ({
  setLlmModel: async (r) => {
    const allowed = checkModelPath(r.path, ctx.modelPaths);
    if (!allowed.ok) return fail('refused', `model not changed: ${allowed.reason}`);
    const before = ctx.enricher.status();
    const after = await ctx.enricher.setModel(allowed.path, r.enabled);
    await ctx.audit({ timeMs: ctx.clock(), actor: r.actor, kind: 'llm-mode', summary: `LLM model ${r.enabled ? `set to ${r.path || 'auto'}` : 'disabled'}: ${after.mode}`, before, after });
    ctx.health.evaluate();
    return ok(after);
  },
});
