// One queued fleet event on disk: `<event id>.json.zst`, zstd level 3 (zstd-napi) with the
// frame checksum on, holding stable JSON of the event and its upload state. Decoding checks the
// frame, the JSON and the schema, so a half-written or damaged file is recognised, never half-read.
import { compress, decompress } from 'zstd-napi';
import { z } from 'zod';
import { FleetEventSchema, stableStringify, type FleetEvent } from '../../src-shared/fleet.js';

export const QUEUE_SUFFIX = '.json.zst';
const FORMAT = 'sairen-fleet-queue';
const VERSION = 1;
/** A queued file bigger than this is not an event we wrote (3,600 snapshots compress to far less). */
export const MAX_QUEUE_FILE_BYTES = 32 * 1024 * 1024;

export interface QueueRecord {
  event: FleetEvent;
  /** Bumped by every outcome change. */
  outcomeRev: number;
  /** The outcome revision the hub has: null = not uploaded yet. */
  sentRev: number | null;
}

const RecordSchema = z
  .object({
    format: z.literal(FORMAT),
    version: z.literal(VERSION),
    event: FleetEventSchema,
    outcomeRev: z.number().int().min(0),
    sentRev: z.number().int().min(0).nullable(),
  })
  .strict();

export function fileNameFor(id: string): string {
  return `${id}${QUEUE_SUFFIX}`;
}

export function encodeRecord(r: QueueRecord): Buffer {
  const json = stableStringify({ format: FORMAT, version: VERSION, event: r.event, outcomeRev: r.outcomeRev, sentRev: r.sentRev });
  return compress(Buffer.from(json, 'utf8'), { compressionLevel: 3, checksumFlag: true });
}

export type DecodedRecord = { ok: true; record: QueueRecord } | { ok: false; reason: string };

/** Decodes a queue file; `expectedId` is the id its name says it holds. */
export function decodeRecord(bytes: Uint8Array, expectedId: string): DecodedRecord {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  if (bytes.length > MAX_QUEUE_FILE_BYTES) return { ok: false, reason: `${bytes.length} bytes, more than any event` };
  let json: unknown;
  try {
    json = JSON.parse(decompress(bytes).toString('utf8'));
  } catch (e) {
    return { ok: false, reason: `not a complete zstd JSON file (${(e as Error).message})` };
  }
  const r = RecordSchema.safeParse(json);
  if (!r.success) {
    const i = r.error.issues[0];
    return { ok: false, reason: `not a queued fleet event (${i.path.join('.') || 'root'}: ${i.message})` };
  }
  if (r.data.event.id !== expectedId) return { ok: false, reason: `holds event ${r.data.event.id}, not ${expectedId}` };
  return { ok: true, record: { event: r.data.event as unknown as FleetEvent, outcomeRev: r.data.outcomeRev, sentRev: r.data.sentRev } };
}
