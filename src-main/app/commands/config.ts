// Configuration: read, validate without applying, apply (validated as a whole, audited, kept
// across restarts, then applied: all or, when the record cannot be written, nothing). What a
// change affects downstream is wired to ConfigStore.onChange.
// Secrets (server.token) never leave the engine: redacted on the way out, and the placeholder
// sent back (Settings posts the whole form) means "unchanged".
import { dropRedactedSecrets, isSecretConfigKey, redactConfig, redactedValue } from '../../../src-shared/config.js';
import { deepMerge, diffConfig, mergeConfig } from '../../config/merge.js';
import { recordChange } from '../durable-change.js';
import { fail, ok, type CommandModule } from '../engine-context.js';

const shown = (key: string, value: unknown) => (isSecretConfigKey(key) ? redactedValue(value) : value);

export const configCommands: CommandModule<'getConfig' | 'validateConfig' | 'applyConfig'> = (ctx) => ({
  getConfig: async () => ok(redactConfig(ctx.config.get())),
  validateConfig: async (r) => {
    const v = mergeConfig(ctx.config.get(), dropRedactedSecrets(r.config));
    return ok({ ok: v.ok, errors: v.errors, warnings: v.warnings });
  },
  applyConfig: async (r) => {
    const patch = dropRedactedSecrets(r.config);
    const merged = mergeConfig(ctx.config.get(), patch);
    if (!merged.ok || !merged.config) return ok({ ok: false, errors: merged.errors, warnings: merged.warnings, applied: false });
    const changes = diffConfig(ctx.config.get(), merged.config);
    if (changes.length === 0) return ok({ ok: true, errors: [], warnings: merged.warnings, applied: false });
    const notDone = await recordChange(
      ctx,
      {
        timeMs: ctx.clock(),
        actor: r.actor,
        kind: 'config-change',
        summary: `configuration changed: ${changes.map((c) => c.key).join(', ')}`,
        before: Object.fromEntries(changes.map((c) => [c.key, shown(c.key, c.before)])),
        after: Object.fromEntries(changes.map((c) => [c.key, shown(c.key, c.after)])),
      },
      { config: deepMerge(ctx.settings.saved.config, patch) as Record<string, unknown> },
    );
    if (notDone) return fail('unavailable', `configuration not changed: ${notDone}`);
    const result = ctx.config.update(patch, r.actor, ctx.clock());
    await ctx.sources.settled(); // a channel-map or unit change reopens the feed (wired to onChange)
    return ok({ ok: result.ok, errors: result.errors, warnings: result.warnings, applied: result.ok && result.changes.length > 0 });
  },
});
