// The fleet upload queue (DOMAIN.md §14): every confirmed AMBER/RED advisory as a FleetEvent,
// one zstd JSON file per event in <dataDir>/fleet-queue, written atomically (temp file, fsync,
// rename, fsync of the directory). It works with no hub: events just accumulate. On start the
// directory is rescanned: temp files left by a kill mid-write are removed, undecodable files are
// moved to fleet-queue/corrupt/ and reported. At the size cap the oldest uploaded-or-LOW event
// goes first, then the oldest unsent AMBER (reported); an unsent RED is never dropped: the
// queue grows past the cap instead and health says so.
import fsp from 'node:fs/promises';
import path from 'node:path';
import { FleetEventSchema, FleetOutcomeSchema, type FleetEvent, type FleetOutcome } from '../../src-shared/fleet.js';
import type { RiskLevel } from '../../src-shared/advisory.js';
import { TEMP_PREFIX, fsyncDirAsync, writeFileAtomicAsync } from '../storage/atomic-file.js';
import { decodeRecord, encodeRecord, fileNameFor, QUEUE_SUFFIX, type QueueRecord } from './queue-file.js';

/** The contract the fleet hub client is written against. */
export interface UploadQueue {
  enqueue(event: FleetEvent): Promise<boolean>; // false = id already queued
  pending(limit: number): Promise<FleetEvent[]>; // not yet uploaded, oldest first
  markUploaded(id: string): Promise<void>;
  updateOutcome(id: string, outcome: FleetOutcome, notes?: string): Promise<boolean>;
  pendingOutcomes(limit: number): Promise<{ id: string; outcome: FleetOutcome; notes: string }[]>; // outcome changes of uploaded events not yet forwarded
  markOutcomeForwarded(id: string): Promise<void>;
  stats(): { queued: number; uploaded: number; unsentCritical: number; bytes: number };
}

export const QUEUE_DIR = 'fleet-queue';
export const CORRUPT_DIR = 'corrupt';
export const DEFAULT_QUEUE_CAPACITY = 1000;

export interface QueueHealth {
  status: 'healthy' | 'degraded';
  detail: string;
  /** Events over the cap (only unsent RED can put it there). */
  overCapBy: number;
  /** Unsent AMBER events dropped at the cap (each one logged). */
  droppedUnsent: number;
  /** Uploaded or LOW events dropped at the cap (the expected way to make room). */
  droppedUploadedOrLow: number;
  /** Temp files of interrupted writes removed at start. */
  discardedPartial: number;
  /** Files moved to corrupt/ ("name: why"). */
  movedAside: string[];
  lastError: string | null;
}

interface Meta {
  id: string;
  timeMs: number;
  riskLevel: RiskLevel;
  outcomeRev: number;
  sentRev: number | null;
  bytes: number;
}

const byAge = (a: Meta, b: Meta): number => a.timeMs - b.timeMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Drop order at the cap: 0 uploaded (nothing owed) or LOW, 1 uploaded with an outcome to forward, 2 unsent AMBER; unsent RED never. */
function dropRank(m: Meta): number | null {
  const unsent = m.sentRev === null;
  if (unsent && m.riskLevel === 'Critical') return null;
  if (m.riskLevel === 'Low' || (!unsent && m.outcomeRev <= (m.sentRev ?? 0))) return 0;
  return unsent ? 2 : 1;
}

export interface DiskUploadQueueOptions {
  dataDir: string;
  capacity?: number;
  log?: (line: string) => void;
}

export class DiskUploadQueue implements UploadQueue {
  readonly dir: string;
  private readonly capacity: number;
  private readonly log: (line: string) => void;
  private readonly metas = new Map<string, Meta>();
  /** The outcome revision each event had when pending() / pendingOutcomes() handed it out. */
  private readonly handedOut = new Map<string, number>();
  private readonly handedOutOutcome = new Map<string, number>();
  private chain: Promise<unknown> = Promise.resolve();
  private droppedUnsent = 0;
  private droppedUploadedOrLow = 0;
  private discardedPartial = 0;
  private readonly movedAside: string[] = [];
  private lastError: string | null = null;

  private constructor(o: DiskUploadQueueOptions) {
    this.dir = path.join(o.dataDir, QUEUE_DIR);
    this.capacity = Math.max(1, Math.floor(o.capacity ?? DEFAULT_QUEUE_CAPACITY));
    this.log = o.log ?? (() => {});
  }

  /** Opens (creating) the queue directory and rescans it. */
  static async open(o: DiskUploadQueueOptions): Promise<DiskUploadQueue> {
    const q = new DiskUploadQueue(o);
    await fsp.mkdir(q.dir, { recursive: true });
    await q.rescan();
    return q;
  }

  private async rescan(): Promise<void> {
    for (const name of await fsp.readdir(this.dir)) {
      const full = path.join(this.dir, name);
      if (name.startsWith(TEMP_PREFIX)) {
        await fsp.rm(full, { force: true });
        this.discardedPartial++;
        continue;
      }
      if (!name.endsWith(QUEUE_SUFFIX)) continue;
      const id = name.slice(0, -QUEUE_SUFFIX.length);
      const read = await this.readRecord(id);
      if (read) this.metas.set(id, this.metaOf(read.record, read.bytes));
    }
    if (this.discardedPartial > 0) {
      this.log(`fleet queue: removed ${this.discardedPartial} partly written file(s) left by an interrupted write`);
      await fsyncDirAsync(this.dir);
    }
  }

  /** Reads and decodes one event file; an undecodable one is moved aside and reported (null). */
  private async readRecord(id: string): Promise<{ record: QueueRecord; bytes: number } | null> {
    const full = path.join(this.dir, fileNameFor(id));
    let bytes: Buffer;
    try {
      bytes = await fsp.readFile(full);
    } catch (e) {
      this.lastError = `fleet queue: cannot read ${fileNameFor(id)}: ${(e as Error).message}`;
      return null;
    }
    const d = decodeRecord(bytes, id);
    if (d.ok) return { record: d.record, bytes: bytes.length };
    await this.moveAside(fileNameFor(id), d.reason);
    return null;
  }

  private async moveAside(name: string, why: string): Promise<void> {
    const aside = path.join(this.dir, CORRUPT_DIR);
    await fsp.mkdir(aside, { recursive: true });
    await fsp.rename(path.join(this.dir, name), path.join(aside, `${name}.${Date.now()}`));
    await fsyncDirAsync(this.dir);
    this.movedAside.push(`${name}: ${why}`);
    this.log(`fleet queue: ${name} moved to ${CORRUPT_DIR}/: ${why}`);
  }

  private metaOf(r: QueueRecord, bytes: number): Meta {
    return { id: r.event.id, timeMs: r.event.timeMs, riskLevel: r.event.riskLevel, outcomeRev: r.outcomeRev, sentRev: r.sentRev, bytes };
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.chain.then(fn, fn);
    this.chain = next.catch((e: unknown) => {
      this.lastError = (e as Error).message;
    });
    return next;
  }

  private async write(r: QueueRecord): Promise<void> {
    const bytes = encodeRecord(r);
    await writeFileAtomicAsync(path.join(this.dir, fileNameFor(r.event.id)), bytes);
    this.metas.set(r.event.id, this.metaOf(r, bytes.length));
  }

  private async drop(m: Meta): Promise<void> {
    await fsp.rm(path.join(this.dir, fileNameFor(m.id)), { force: true });
    this.metas.delete(m.id);
    this.handedOut.delete(m.id);
    this.handedOutOutcome.delete(m.id);
    if (dropRank(m) === 0) this.droppedUploadedOrLow++;
    else {
      this.droppedUnsent++;
      this.log(`fleet queue full (${this.capacity}): dropped ${m.sentRev === null ? 'unsent' : 'uploaded (outcome not forwarded)'} ${m.riskLevel} event ${m.id}`);
    }
  }

  enqueue(event: FleetEvent): Promise<boolean> {
    return this.serial(async () => {
      const v = FleetEventSchema.safeParse(event);
      if (!v.success) {
        const i = v.error.issues[0];
        throw new Error(`fleet event ${String(event?.id)} not queued: ${i.path.join('.') || 'event'}: ${i.message}`);
      }
      if (this.metas.has(event.id)) return false;
      const incoming: Meta = { id: event.id, timeMs: event.timeMs, riskLevel: event.riskLevel, outcomeRev: 0, sentRev: null, bytes: 0 };
      while (this.metas.size + 1 > this.capacity) {
        const victim = this.victim(incoming);
        if (!victim) break; // only unsent RED left (and a RED coming): grow past the cap
        if (victim === incoming) {
          if (dropRank(incoming) === 0) this.droppedUploadedOrLow++;
          else this.droppedUnsent++;
          this.log(`fleet queue full (${this.capacity}): new ${event.riskLevel} event ${event.id} not kept`);
          return true;
        }
        await this.drop(victim);
      }
      await this.write({ event: structuredClone(event), outcomeRev: 0, sentRev: null });
      if (this.metas.size > this.capacity) this.log(`fleet queue over its cap of ${this.capacity}: ${this.metas.size} events, unsent RED are never dropped`);
      return true;
    });
  }

  private victim(incoming: Meta): Meta | null {
    let best: { m: Meta; rank: number } | null = null;
    for (const m of [...this.metas.values(), incoming]) {
      const rank = dropRank(m);
      if (rank === null) continue;
      if (!best || rank < best.rank || (rank === best.rank && byAge(m, best.m) < 0)) best = { m, rank };
    }
    return best?.m ?? null;
  }

  pending(limit: number): Promise<FleetEvent[]> {
    return this.serial(async () => {
      const out: FleetEvent[] = [];
      const unsent = [...this.metas.values()].filter((m) => m.sentRev === null).sort(byAge);
      for (const m of unsent) {
        if (out.length >= limit) break;
        const r = await this.readRecord(m.id);
        if (!r) {
          this.metas.delete(m.id);
          continue;
        }
        this.handedOut.set(m.id, r.record.outcomeRev);
        out.push(r.record.event);
      }
      return out;
    });
  }

  markUploaded(id: string): Promise<void> {
    return this.serial(async () => {
      const m = this.metas.get(id);
      if (!m || m.sentRev !== null) return;
      const r = await this.readRecord(id);
      if (!r) return void this.metas.delete(id);
      // The hub got the outcome the event had when it was handed out; a later change is forwarded.
      r.record.sentRev = this.handedOut.get(id) ?? r.record.outcomeRev;
      this.handedOut.delete(id);
      await this.write(r.record);
    });
  }

  updateOutcome(id: string, outcome: FleetOutcome, notes?: string): Promise<boolean> {
    return this.serial(async () => {
      if (!this.metas.has(id)) return false;
      const parsed = FleetOutcomeSchema.parse(outcome);
      const r = await this.readRecord(id);
      if (!r) {
        this.metas.delete(id);
        return false;
      }
      r.record.event.outcome = parsed;
      if (notes !== undefined) r.record.event.notes = notes.slice(0, 4000);
      r.record.outcomeRev++;
      await this.write(r.record);
      return true;
    });
  }

  pendingOutcomes(limit: number): Promise<{ id: string; outcome: FleetOutcome; notes: string }[]> {
    return this.serial(async () => {
      const out: { id: string; outcome: FleetOutcome; notes: string }[] = [];
      const owed = [...this.metas.values()].filter((m) => m.sentRev !== null && m.outcomeRev > m.sentRev).sort(byAge);
      for (const m of owed) {
        if (out.length >= limit) break;
        const r = await this.readRecord(m.id);
        if (!r) {
          this.metas.delete(m.id);
          continue;
        }
        this.handedOutOutcome.set(m.id, r.record.outcomeRev);
        out.push({ id: m.id, outcome: r.record.event.outcome, notes: r.record.event.notes });
      }
      return out;
    });
  }

  markOutcomeForwarded(id: string): Promise<void> {
    return this.serial(async () => {
      const m = this.metas.get(id);
      if (!m || m.sentRev === null) return;
      const r = await this.readRecord(id);
      if (!r) return void this.metas.delete(id);
      r.record.sentRev = Math.max(r.record.sentRev ?? 0, this.handedOutOutcome.get(id) ?? r.record.outcomeRev);
      this.handedOutOutcome.delete(id);
      await this.write(r.record);
    });
  }

  stats(): { queued: number; uploaded: number; unsentCritical: number; bytes: number } {
    let uploaded = 0;
    let unsentCritical = 0;
    let bytes = 0;
    for (const m of this.metas.values()) {
      if (m.sentRev !== null) uploaded++;
      else if (m.riskLevel === 'Critical') unsentCritical++;
      bytes += m.bytes;
    }
    return { queued: this.metas.size, uploaded, unsentCritical, bytes };
  }

  health(): QueueHealth {
    const s = this.stats();
    const overCapBy = Math.max(0, s.queued - this.capacity);
    const problems: string[] = [];
    if (overCapBy > 0) problems.push(`${overCapBy} over the cap of ${this.capacity} (unsent RED are kept)`);
    if (this.droppedUnsent > 0) problems.push(`${this.droppedUnsent} AMBER event(s) dropped at the cap before their upload or outcome went out`);
    if (this.movedAside.length > 0) problems.push(`${this.movedAside.length} damaged file(s) moved to ${CORRUPT_DIR}/`);
    if (this.lastError) problems.push(this.lastError);
    const base = `${s.queued} events (${s.queued - s.uploaded} unsent, ${s.unsentCritical} unsent RED), ${(s.bytes / 1024).toFixed(0)} kB`;
    return {
      status: problems.length > 0 ? 'degraded' : 'healthy',
      detail: problems.length > 0 ? `${base}; ${problems.join('; ')}` : base,
      overCapBy,
      droppedUnsent: this.droppedUnsent,
      droppedUploadedOrLow: this.droppedUploadedOrLow,
      discardedPartial: this.discardedPartial,
      movedAside: [...this.movedAside],
      lastError: this.lastError,
    };
  }

  /** Waits for queued operations to finish. */
  async close(): Promise<void> {
    await this.chain;
  }
}
