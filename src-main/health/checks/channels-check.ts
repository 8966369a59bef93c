// Channels the rig does not send (issue 11 item 9): one read exactly 0 (or one value) all along
// while it should move is degraded until someone declares it not fitted in the config; declared
// ones are healthy and named. Nothing to heal: the physics already runs without them.
import type { AbsentChannel } from '../../../src-shared/status.js';
import { channelsHealth } from '../../acquisition/absent-channels.js';
import { noActionNeeded, type CheckResult, type HealAction, type HealthCheck } from '../health-check.js';

export class ChannelsCheck implements HealthCheck {
  readonly name = 'channels';

  constructor(private readonly absent: () => readonly AbsentChannel[]) {}

  check(): CheckResult {
    const c = channelsHealth(this.absent());
    return { status: c.status, reason: c.detail };
  }

  async heal(): Promise<HealAction> {
    return noActionNeeded('a channel the rig does not send is left out of the physics; declare it in acquisition.absent_channels');
  }
}
