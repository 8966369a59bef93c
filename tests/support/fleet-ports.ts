// Helpers for the fleet link tests: a counter around the real recall, a virtual clock so a day
// of retries runs in seconds, and a poll-until.
import type { FleetEpisode } from '../../src-shared/fleet.js';
import type { LibrarySink, Sleeper } from '../../src-main/fleet/ports.js';

/** Counts what goes into the real sink (RAM recall), to prove no page is applied twice. */
export class CountingSink implements LibrarySink {
  upserted = 0;
  removed = 0;
  constructor(private readonly inner: LibrarySink) {}
  async upsertEpisodes(episodes: FleetEpisode[]): Promise<void> {
    this.upserted += episodes.length;
    await this.inner.upsertEpisodes(episodes);
  }
  async removeEpisodes(ids: string[]): Promise<void> {
    this.removed += ids.length;
    await this.inner.removeEpisodes(ids);
  }
}

/** Every wait advances virtual time at once: a day of retries runs in a second. */
export class VirtualClock implements Sleeper {
  readonly waits: number[] = [];
  constructor(public nowMs: number) {}
  clock = (): number => this.nowMs;
  sleep(ms: number): Promise<void> {
    this.waits.push(ms);
    this.nowMs += ms;
    return new Promise((resolve) => setImmediate(resolve));
  }
}

export async function waitFor(cond: () => boolean | Promise<boolean>, timeoutMs = 20_000, what = 'condition'): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
