// Where confirmed advisories and their outcomes leave the packet path for the fleet: AMBER/RED
// become queued FleetEvents (with the history window captured when they were confirmed), and
// an outcome becomes this rig's own recall episode and updates the queued event. Failures are
// logged, never thrown into the packet loop or a command.
import type { Advisory } from '../../src-shared/advisory.js';
import type { FleetEpisode, FleetOutcome, FleetSnapshot } from '../../src-shared/fleet.js';
import { localEpisode } from '../knowledge/local-episode.js';
import { buildFleetEvent, fleetEventId, type FleetIdentity } from './fleet-event.js';
import type { UploadQueue } from './upload-queue.js';

export interface EpisodeSink {
  upsertEpisodes(episodes: FleetEpisode[]): Promise<void>;
}

export interface FleetRecorderDeps {
  queue: UploadQueue | null;
  recall: EpisodeSink | null;
  /** From the well configuration (rig, well, field), read when needed. */
  identity: () => FleetIdentity;
  log: (line: string) => void;
  /** An event was queued (the fleet client uploads it soon). An outcome to forward, likewise. */
  onQueued?: () => void;
}

export class FleetRecorder {
  constructor(private readonly d: FleetRecorderDeps) {}

  /** A newly confirmed advisory; `window` is the history before it, captured now. */
  advisoryConfirmed(a: Advisory, window: readonly FleetSnapshot[]): Promise<void> {
    const { queue } = this.d;
    if (!queue) return Promise.resolve();
    const event = buildFleetEvent(a, window, this.d.identity());
    if (!event) return Promise.resolve();
    return queue.enqueue(event).then(
      (added) => {
        if (added) this.d.onQueued?.();
      },
      (e: unknown) => this.d.log(`fleet event ${event.id} not queued: ${(e as Error).message}`),
    );
  }

  /** An outcome was recorded for an advisory. */
  async outcomeRecorded(a: Advisory, outcome: FleetOutcome, notes: string): Promise<void> {
    const who = this.d.identity();
    const episode = localEpisode(a, outcome, who);
    if (episode && this.d.recall) {
      await this.d.recall.upsertEpisodes([episode]).catch((e: unknown) => this.d.log(`recall episode ${episode.id} not stored: ${(e as Error).message}`));
    }
    if (this.d.queue) {
      const id = fleetEventId(who.rigId, a.id);
      await this.d.queue.updateOutcome(id, outcome, notes).then(
        (known) => {
          if (known) this.d.onQueued?.();
        },
        (e: unknown) => this.d.log(`fleet event ${id} outcome not updated: ${(e as Error).message}`),
      );
    }
  }
}
