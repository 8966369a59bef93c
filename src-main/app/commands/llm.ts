// The local LLM: choose a model file or switch it off (templates only). Audited first, then
// applied (a choice that cannot be recorded is not made); the outcome (loaded or template-only)
// shows in status and health. Only a .gguf in the models folder or one picked in the desktop's
// file dialog is opened (model-path-policy.ts).
import { checkModelPath } from '../../llm/model-path-policy.js';
import { fail, ok, type CommandModule } from '../engine-context.js';

export const llmCommands: CommandModule<'setLlmModel'> = (ctx) => ({
  setLlmModel: async (r) => {
    const allowed = checkModelPath(r.path, ctx.modelPaths);
    if (!allowed.ok) return fail('refused', `model not changed: ${allowed.reason}`);
    const before = ctx.enricher.status();
    const summary = `LLM model ${r.enabled ? `set to ${allowed.path || 'auto'}` : 'disabled'}`;
    try {
      await ctx.audit({ timeMs: ctx.clock(), actor: r.actor, kind: 'llm-mode', summary, before, after: { path: allowed.path, enabled: r.enabled } });
    } catch (e) {
      return fail('unavailable', `model not changed: the audit entry could not be written (${(e as Error).message})`);
    }
    const after = await ctx.enricher.setModel(allowed.path, r.enabled);
    ctx.health.evaluate();
    return ok(after);
  },
});
