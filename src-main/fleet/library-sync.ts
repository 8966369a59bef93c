// Keeps RAM Recall in step with the hub's curated library: every few hours (with jitter so a
// fleet does not call at once), the delta since the watermark, page by page. Each page goes
// into recall in small slices (the packet loop keeps running) and its cursor is saved, so a
// dropped connection resumes at the page it lost. Applying a page twice changes nothing.
import { Backoff, SYNC_BACKOFF_MS } from './backoff.js';
import type { HubClient } from './hub-client.js';
import { realSleeper, type LibrarySink, type Sleeper } from './ports.js';
import type { SyncState, SyncStateStore } from './sync-state.js';

export interface LibrarySyncOptions {
  client: () => { client: HubClient; hubUrl: string } | null;
  sink: LibrarySink;
  state: SyncStateStore;
  /** fleet.sync_interval_s, read each time. */
  intervalMs: () => number;
  /** Up to this much is added at random to each interval (DOMAIN §14: 30 min). */
  jitterMs?: number;
  /** First sync this long after start (plus jitter). */
  firstSyncMs?: number;
  random?: () => number;
  sleeper?: Sleeper;
  clock?: () => number;
  /** Episodes per call into the sink. */
  sliceSize?: number;
  log?: (line: string) => void;
}

export type SyncOutcome =
  | { ok: true; pages: number; episodes: number; pruned: number; version: number; notModified: boolean }
  | { ok: false; message: string; pages: number; episodes: number }
  | { ok: false; message: 'not configured'; pages: 0; episodes: 0 };

export interface LibrarySyncStatus {
  lastSyncMs: number | null;
  libraryVersion: number;
  episodesReceived: number;
  lastError: string | null;
  nextSyncMs: number | null;
  syncing: boolean;
}

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export class LibrarySync {
  private readonly backoff = new Backoff(SYNC_BACKOFF_MS, false);
  private readonly sleeper: Sleeper;
  private readonly clock: () => number;
  private readonly log: (line: string) => void;
  private wake = new AbortController();
  private running: Promise<void> | null = null;
  private inFlight: Promise<SyncOutcome> | null = null;
  private disposed = false;
  private lastError: string | null = null;
  private nextSyncMs: number | null = null;
  /** The saved state as last read or written (health asks every second; the disk is not). */
  private cached: SyncState | null = null;

  constructor(private readonly o: LibrarySyncOptions) {
    this.sleeper = o.sleeper ?? realSleeper;
    this.clock = o.clock ?? Date.now;
    this.log = o.log ?? (() => {});
  }

  status(): LibrarySyncStatus {
    const link = this.o.client();
    const s = link ? this.stateFor(link.hubUrl) : null;
    return {
      lastSyncMs: s?.lastSyncMs ?? null,
      libraryVersion: s?.watermark ?? 0,
      episodesReceived: s?.episodes ?? 0,
      lastError: this.lastError,
      nextSyncMs: this.nextSyncMs,
      syncing: this.inFlight !== null,
    };
  }

  start(): void {
    if (!this.running && !this.disposed) this.running = this.loop();
  }

  /** Sync now (settings changed, or asked for): ends the current wait. */
  kick(): void {
    this.backoff.reset();
    this.wake.abort();
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.wake.abort();
    await this.running;
  }

  /** One complete sync (all pages); concurrent calls share it. */
  syncOnce(): Promise<SyncOutcome> {
    if (!this.inFlight) this.inFlight = this.download().finally(() => (this.inFlight = null));
    return this.inFlight;
  }

  private stateFor(hubUrl: string): SyncState {
    if (!this.cached || this.cached.hubUrl !== hubUrl) this.cached = this.o.state.load(hubUrl);
    return this.cached;
  }

  private save(state: SyncState): void {
    this.o.state.save(state);
    this.cached = structuredClone(state);
  }

  private jitter(): number {
    return Math.floor((this.o.random ?? Math.random)() * (this.o.jitterMs ?? 30 * 60_000));
  }

  private async loop(): Promise<void> {
    let delay = (this.o.firstSyncMs ?? 30_000) + this.jitter();
    while (!this.disposed) {
      this.nextSyncMs = this.clock() + delay;
      if (this.wake.signal.aborted) this.wake = new AbortController();
      await this.sleeper.sleep(delay, this.wake.signal);
      if (this.disposed) break;
      const r = await this.syncOnce().catch((e): SyncOutcome => ({ ok: false, message: (e as Error).message, pages: 0, episodes: 0 }));
      if (r.ok || r.message === 'not configured') {
        this.backoff.reset();
        delay = this.o.intervalMs() + this.jitter();
      } else {
        delay = this.backoff.next();
        this.log(`fleet: library sync stopped (${r.message}); resuming in ${Math.round(delay / 1000)} s`);
      }
    }
  }

  private async download(): Promise<SyncOutcome> {
    const link = this.o.client();
    if (!link) return { ok: false, message: 'not configured', pages: 0, episodes: 0 };
    const state: SyncState = structuredClone(this.stateFor(link.hubUrl));
    let pages = 0;
    let episodes = 0;
    let pruned = 0;
    for (;;) {
      const since = state.resume?.since ?? state.watermark;
      const r = await link.client.libraryPage(since, state.resume?.cursor ?? null);
      if (!r.ok) {
        this.lastError = r.message;
        return { ok: false, message: r.message, pages, episodes };
      }
      pages++;
      const delta = r.value.delta;
      if (!delta) break; // up to date
      for (let i = 0; i < delta.episodes.length; i += this.o.sliceSize ?? 200) {
        await this.o.sink.upsertEpisodes(delta.episodes.slice(i, i + (this.o.sliceSize ?? 200)));
        await yieldToLoop();
      }
      episodes += delta.episodes.length;
      state.episodes += delta.episodes.length;
      if (r.value.next) {
        state.resume = { since, cursor: r.value.next };
      } else {
        if (delta.prunedIds.length) await this.o.sink.removeEpisodes(delta.prunedIds);
        pruned += delta.prunedIds.length;
        state.watermark = delta.version;
        state.resume = null;
      }
      this.save(state);
      if (!r.value.next) break;
    }
    state.lastSyncMs = this.clock();
    this.save(state);
    this.lastError = null;
    return { ok: true, pages, episodes, pruned, version: state.watermark, notModified: episodes === 0 && pruned === 0 };
  }
}
