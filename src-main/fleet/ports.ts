// What the fleet client and library sync need from the rest of the engine: the upload queue
// (fleet/upload-queue.ts) and somewhere for library episodes (RAM Recall, or the store).
import type { FleetEpisode } from '../../src-shared/fleet.js';

export type { UploadQueue } from './upload-queue.js';

/** Where downloaded episodes go (RAM Recall). Both idempotent by episode id. */
export interface LibrarySink {
  upsertEpisodes(episodes: FleetEpisode[]): void | Promise<unknown>;
  removeEpisodes(ids: string[]): void | Promise<unknown>;
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
