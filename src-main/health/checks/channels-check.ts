// Channels the rig does not send (issue 11 item 9): one read exactly 0 (or one value) all along
// while it should move is degraded until someone declares it not fitted in the config; declared
// ones are healthy and named. A sensor that worked and then froze (acquisition/stuck-channels.ts)
// is degraded until it moves again. Nothing to heal here: a person fixes or declares the sensor.
import type { AbsentChannel } from '../../../src-shared/status.js';
import { channelsHealth } from '../../acquisition/absent-channels.js';
import type { StuckChannel } from '../../acquisition/stuck-channels.js';
import { noActionNeeded, type CheckResult, type HealAction, type HealthCheck } from '../health-check.js';

export class ChannelsCheck implements HealthCheck {
  readonly name = 'channels';

  constructor(
    private readonly absent: () => readonly AbsentChannel[],
    private readonly stuck: () => readonly StuckChannel[] = () => [],
  ) {}

  check(): CheckResult {
    const c = channelsHealth(this.absent(), this.stuck());
    return { status: c.status, reason: c.detail };
  }

  async heal(): Promise<HealAction> {
    return noActionNeeded('a channel the rig does not send is left out of the physics (declare it in acquisition.absent_channels); a stuck sensor needs a person');
  }
}
