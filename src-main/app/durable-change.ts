// A run-time change (campaign, configuration, source) happens completely or not at all: first
// audited, then saved for the next start, and only then applied by the caller. When the audit
// entry cannot be written nothing is done; when the settings cannot be saved, a second entry
// says the change was not applied. Either way the caller answers 'unavailable' (HTTP 503).
import type { RuntimeSettings } from '../config/runtime-settings.js';
import type { NewAuditEntry } from '../storage/persistence.js';
import type { EngineContext } from './engine-context.js';

/** Thrown inside a source swap whose change could not be recorded: the swap is undone. */
export class ChangeNotRecorded extends Error {}

/** null = audited and saved (apply it now); else why the change must not be applied. */
export async function recordChange(ctx: EngineContext, entry: NewAuditEntry, save: Partial<RuntimeSettings>): Promise<string | null> {
  try {
    await ctx.audit(entry);
  } catch (e) {
    return `the audit entry could not be written (${(e as Error).message})`;
  }
  const err = ctx.settings.persist(save);
  if (!err) return null;
  await ctx
    .audit({ ...entry, timeMs: ctx.clock(), summary: `NOT APPLIED: ${entry.summary} (${err})` })
    .catch((e: unknown) => ctx.log(`the audit entry saying a change was not applied could not be written: ${(e as Error).message}`));
  return `the change could not be saved (${err})`;
}
