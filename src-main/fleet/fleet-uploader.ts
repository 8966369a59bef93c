// Drains the upload queue to the hub: AMBER/RED events oldest first, then outcome updates.
// An event is marked uploaded when the hub stored it or already had it. The first failure ends
// the round; retries back off 2, 4, 8, 16 s, then sleep 15 min. Never throws into the engine.
import { isFleetRisk } from '../../src-shared/fleet.js';
import { Backoff, UPLOAD_BACKOFF_MS } from './backoff.js';
import type { HubClient, HubFailure } from './hub-client.js';
import { forHub, hubEventId } from './hub-identity.js';
import { realSleeper, type Sleeper, type UploadQueue } from './ports.js';

export interface UploaderStatus {
  lastUploadMs: number | null;
  lastAttemptMs: number | null;
  lastError: string | null;
  /** Whether the last call reached the hub (null: none yet). */
  reachable: boolean | null;
  uploaded: number;
  duplicates: number;
  /** Events or outcomes the hub refused for good (bad data): taken off the queue, counted here. */
  rejected: number;
  outcomesForwarded: number;
  nextAttemptMs: number | null;
}

export interface FleetUploaderOptions {
  queue: UploadQueue;
  /** null while the fleet is not configured. */
  client: () => HubClient | null;
  sleeper?: Sleeper;
  clock?: () => number;
  /** Between rounds when all went well (DOMAIN §14: 60 s); a new event wakes it sooner. */
  idleMs?: number;
  batch?: number;
  log?: (line: string) => void;
}

type RoundResult = 'drained' | 'not-configured' | HubFailure;

export class FleetUploader {
  readonly status: UploaderStatus = {
    lastUploadMs: null, lastAttemptMs: null, lastError: null, reachable: null,
    uploaded: 0, duplicates: 0, rejected: 0, outcomesForwarded: 0, nextAttemptMs: null,
  };
  private readonly backoff = new Backoff(UPLOAD_BACKOFF_MS, true);
  private readonly sleeper: Sleeper;
  private readonly clock: () => number;
  private readonly log: (line: string) => void;
  private idleWake = new AbortController();
  private anyWake = new AbortController();
  private running: Promise<void> | null = null;
  private disposed = false;

  constructor(private readonly o: FleetUploaderOptions) {
    this.sleeper = o.sleeper ?? realSleeper;
    this.clock = o.clock ?? Date.now;
    this.log = o.log ?? (() => {});
  }

  start(): void {
    if (!this.running && !this.disposed) this.running = this.loop();
  }

  /** A new event was queued: end an idle wait (a backoff wait is kept). */
  wake(): void {
    this.idleWake.abort();
  }

  /** The hub settings changed: end any wait and start the backoff afresh. */
  kick(): void {
    this.backoff.reset();
    this.idleWake.abort();
    this.anyWake.abort();
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.kick();
    await this.running;
  }

  /** One round: every pending event, then every pending outcome, until done or a failure. */
  async round(): Promise<RoundResult> {
    const client = this.o.client();
    if (!client) return 'not-configured';
    const batch = this.o.batch ?? 50;
    const seen = new Set<string>();
    for (;;) {
      const events = (await this.o.queue.pending(batch)).filter((e) => !seen.has(e.id));
      if (events.length === 0) break;
      for (const ev of events) {
        seen.add(ev.id);
        if (!isFleetRisk(ev.riskLevel)) {
          // GREEN never leaves the rig; marked so it does not hold up the queue.
          await this.o.queue.markUploaded(ev.id);
          continue;
        }
        this.status.lastAttemptMs = this.clock();
        const r = await client.uploadEvent(forHub(ev, client.link.rigId));
        if (!r.ok && r.kind !== 'rejected') return this.failed(r);
        this.contact();
        if (r.ok) {
          if (r.value === 'stored') this.status.uploaded++;
          else this.status.duplicates++;
          this.status.lastUploadMs = this.clock();
        } else {
          this.status.rejected++;
          this.log(`fleet: hub refused event ${ev.id} for good (${r.message}); removed from the upload queue`);
        }
        await this.o.queue.markUploaded(ev.id);
      }
    }
    const forwarded = new Set<string>();
    for (;;) {
      const outcomes = (await this.o.queue.pendingOutcomes(batch)).filter((x) => !forwarded.has(x.id));
      if (outcomes.length === 0) break;
      for (const u of outcomes) {
        forwarded.add(u.id);
        this.status.lastAttemptMs = this.clock();
        const r = await client.sendOutcome(hubEventId(u.id, client.link.rigId), u.outcome, u.notes);
        if (!r.ok && r.kind !== 'rejected') return this.failed(r);
        this.contact();
        if (r.ok && r.value === 'updated') this.status.outcomesForwarded++;
        else this.log(`fleet: outcome of ${u.id} not taken by the hub (${r.ok ? 'event unknown there' : r.message})`);
        await this.o.queue.markOutcomeForwarded(u.id);
      }
    }
    return 'drained';
  }

  private contact(): void {
    this.status.reachable = true;
    this.status.lastError = null;
  }

  private failed(r: HubFailure): HubFailure {
    this.status.reachable = r.kind === 'unavailable' && r.status === null ? false : true;
    this.status.lastError = r.message;
    return r;
  }

  private async loop(): Promise<void> {
    while (!this.disposed) {
      // Fresh wake signals before the round: a wake during the round cuts the next wait short.
      if (this.idleWake.signal.aborted) this.idleWake = new AbortController();
      if (this.anyWake.signal.aborted) this.anyWake = new AbortController();
      let r: RoundResult;
      try {
        r = await this.round();
      } catch (e) {
        // The queue itself failed (disk): say so and try again later.
        r = { ok: false, kind: 'unavailable', status: null, message: `upload queue: ${(e as Error).message}` };
        this.status.lastError = r.message;
      }
      if (this.disposed) break;
      let delay: number;
      let signal: AbortSignal;
      if (typeof r === 'object') {
        delay = this.backoff.next();
        signal = this.anyWake.signal;
        this.log(`fleet: upload round stopped (${r.message}); next try in ${Math.round(delay / 1000)} s`);
      } else {
        this.backoff.reset();
        delay = this.o.idleMs ?? 60_000;
        signal = AbortSignal.any([this.idleWake.signal, this.anyWake.signal]);
      }
      this.status.nextAttemptMs = this.clock() + delay;
      await this.sleeper.sleep(delay, signal);
    }
  }
}
