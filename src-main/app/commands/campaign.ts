// Production or Plug & Abandonment: switched from the next packet, audited, kept across restarts.
import { fail, ok, type CommandModule } from '../engine-context.js';

export const campaignCommands: CommandModule<'setCampaign'> = (ctx) => ({
  setCampaign: async (r) => {
    const result = ctx.campaigns.switch(r.campaign, r.actor, ctx.clock());
    if (!result.ok) return fail('invalid-request', result.error);
    if (result.change) {
      const err = ctx.settings.persist({ campaign: result.campaign });
      if (err) ctx.log(err);
      await ctx.audit({
        timeMs: result.change.timeMs,
        actor: r.actor,
        kind: 'campaign-switch',
        summary: `campaign switched from ${result.change.from} to ${result.change.to}`,
        before: result.change.from,
        after: result.change.to,
      });
    }
    return ok({ campaign: result.campaign });
  },
});
