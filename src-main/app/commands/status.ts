// Live reads: status, health, baseline progress, the latest verification.
import { ok, type CommandModule } from '../engine-context.js';

export const statusCommands: CommandModule<'getStatus' | 'getHealth' | 'getBaseline' | 'getVerification'> = (ctx) => ({
  getStatus: async () => ok(ctx.status()),
  getHealth: async () => ok(ctx.health.evaluate()),
  getBaseline: async () => ok(ctx.baseline.progress()),
  getVerification: async () => ok(ctx.advisories.latestVerification ?? (await ctx.storage.latestVerification())),
});
