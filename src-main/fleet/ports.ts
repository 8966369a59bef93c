// What the fleet client and library sync need from the rest of the engine. The upload queue
// (disk-backed, fleet/upload-queue) and RAM Recall (knowledge/ram-recall) implement these.
import type { FleetEpisode, FleetEvent, FleetOutcome } from '../../src-shared/fleet.js';

export interface UploadQueue {
  enqueue(event: FleetEvent): Promise<boolean>;
  /** Not yet uploaded, oldest first. */
  pending(limit: number): Promise<FleetEvent[]>;
  markUploaded(id: string): Promise<void>;
  updateOutcome(id: string, outcome: FleetOutcome, notes?: string): Promise<boolean>;
  pendingOutcomes(limit: number): Promise<{ id: string; outcome: FleetOutcome; notes: string }[]>;
  markOutcomeForwarded(id: string): Promise<void>;
  stats(): { queued: number; uploaded: number; unsentCritical: number; bytes: number };
}

/** Where downloaded episodes go (RAM Recall). Both idempotent by episode id. */
export interface EpisodeSink {
  upsertEpisodes(episodes: FleetEpisode[]): void;
  removeEpisodes(ids: string[]): void;
}

/** Waits; tests pass a virtual clock. An aborted wait resolves early. */
export interface Sleeper {
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realSleeper: Sleeper = {
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve();
      const t = setTimeout(done, ms);
      t.unref();
      function done(): void {
        signal?.removeEventListener('abort', done);
        clearTimeout(t);
        resolve();
      }
      signal?.addEventListener('abort', done, { once: true });
    }),
};
