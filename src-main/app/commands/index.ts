// Every engine command, one feature module each. A new feature adds its module here; the
// compiler refuses an engine that leaves a Bridge command unanswered.
import type { CommandHandlers, EngineContext } from '../engine-context.js';
import { acknowledgeCommands } from './acknowledge.js';
import { campaignCommands } from './campaign.js';
import { configCommands } from './config.js';
import { eventCommands } from './events.js';
import { llmCommands } from './llm.js';
import { mlCommands } from './ml.js';
import { outcomeCommands } from './outcome.js';
import { recordCommands } from './records.js';
import { reportCommands } from './reports.js';
import { sourceCommands } from './source.js';
import { statusCommands } from './status.js';

export function commandHandlers(ctx: EngineContext): CommandHandlers {
  return {
    ...statusCommands(ctx),
    ...recordCommands(ctx),
    ...acknowledgeCommands(ctx),
    ...outcomeCommands(ctx),
    ...eventCommands(ctx),
    ...configCommands(ctx),
    ...campaignCommands(ctx),
    ...sourceCommands(ctx),
    ...llmCommands(ctx),
    ...mlCommands(ctx),
    ...reportCommands(ctx),
  };
}
