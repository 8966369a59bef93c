// Production or Plug & Abandonment: audited, kept across restarts, then switched from the next
// packet; all of it or, when the record cannot be written, none of it (durable-change.ts).
import { parseCampaign } from '../../../src-shared/campaign.js';
import { unknownCampaign } from '../../config/campaign-controller.js';
import { recordChange } from '../durable-change.js';
import { fail, ok, type CommandModule } from '../engine-context.js';

export const campaignCommands: CommandModule<'setCampaign'> = (ctx) => ({
  setCampaign: async (r) => {
    const from = ctx.campaigns.get();
    const to = parseCampaign(r.campaign);
    if (!to) return fail('invalid-request', unknownCampaign(r.campaign));
    if (to === from) return ok({ campaign: from });
    const timeMs = ctx.clock();
    const entry = { timeMs, actor: r.actor, kind: 'campaign-switch' as const, summary: `campaign switched from ${from} to ${to}`, before: from, after: to };
    const notDone = await recordChange(ctx, entry, { campaign: to });
    if (notDone) return fail('unavailable', `campaign not switched: ${notDone}`);
    ctx.campaigns.switch(to, r.actor, timeMs);
    return ok({ campaign: to });
  },
});
