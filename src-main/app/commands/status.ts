// Live reads: status, health, baseline progress, the latest verification, the log's last lines.
import { ok, type CommandModule } from '../engine-context.js';

export const statusCommands: CommandModule<'getStatus' | 'getHealth' | 'getBaseline' | 'getVerification' | 'getLogTail'> = (ctx) => ({
  getStatus: async () => ok(ctx.status()),
  getHealth: async () => ok(ctx.health.evaluate()),
  getBaseline: async () => ok(ctx.baseline.progress()),
  getVerification: async () => ok(ctx.advisories.latestVerification ?? (await ctx.storage.latestVerification())),
  getLogTail: async (req) => ok(await ctx.logTail(req.lines)),
});
