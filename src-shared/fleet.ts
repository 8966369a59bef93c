// Fleet types: what a rig uploads to the hub (FleetEvent) and what the hub's curated library
// sends back (FleetEpisode). Both travel as JSON with a schema version, so a rig and a hub of
// different releases can tell whether they understand each other. The zod schemas are the
// one validation both sides use (the hub on upload, the rig on library sync).
import { z } from 'zod';
import type { Advisory, AnomalyCategory, FaultKind, RiskLevel } from './advisory.js';
import type { Campaign } from './campaign.js';

export const FLEET_SCHEMA_VERSION = 1;

/** How an event ended, as the people on the rig recorded it (DOMAIN §14). */
export type FleetOutcome =
  | { kind: 'Pending' }
  | { kind: 'Resolved'; action: string }
  | { kind: 'Escalated'; reason: string }
  | { kind: 'FalsePositive' };

/** One second of the well around the event: the numbers a precedent is matched on. */
export interface FleetSnapshot {
  timeMs: number;
  depthFt: number | null;
  ropFtHr: number | null;
  wobKlbf: number | null;
  rpm: number | null;
  torqueKftLbf: number | null;
  sppPsi: number | null;
  flowInGpm: number | null;
  flowOutGpm: number | null;
  msePsi: number | null;
  mseEfficiencyPercent: number | null;
  dExponent: number | null;
  flowBalanceGpm: number | null;
  pitRateBblHr: number | null;
  ecdMarginPpg: number | null;
  gasUnits: number | null;
  torqueDeltaFraction: number | null;
  sppDeltaPsi: number | null;
}

/** A confirmed AMBER/RED advisory as the rig uploads it. Id = `<rigId>-<advisory id>`. */
export interface FleetEvent {
  schemaVersion: number;
  id: string;
  rigId: string;
  wellId: string;
  field: string;
  campaign: Campaign;
  timeMs: number;
  depthFt: number | null;
  category: AnomalyCategory;
  fault: FaultKind;
  riskLevel: RiskLevel;
  /** The full advisory the driller saw. */
  advisory: Advisory;
  /** The packets and metrics before the advisory (oldest first, at most a few hundred). */
  historyWindow: FleetSnapshot[];
  outcome: FleetOutcome;
  notes: string;
}

/** The physics signature of an episode: what the embedding is built from. */
export interface EpisodeKeyMetrics {
  mseEfficiencyPercent: number | null;
  flowBalanceGpm: number | null;
  pitRateBblHr: number | null;
  dExponent: number | null;
  torqueDeltaFraction: number | null;
  sppDeltaPsi: number | null;
  ecdMarginPpg: number | null;
  ropFtHr: number | null;
}

/**
 * Trends over the history window before the event: least-squares slope per minute of data
 * time. null = fewer than 3 readings of that channel in the window.
 */
export interface SignatureTrends {
  flowBalanceGpmPerMin: number | null;
  sppPsiPerMin: number | null;
  torqueKftLbfPerMin: number | null;
  ropFtHrPerMin: number | null;
  wobKlbfPerMin: number | null;
  mseEfficiencyPercentPerMin: number | null;
  dExponentPerMin: number | null;
  gasUnitsPerMin: number | null;
}

/** What an episode (or a query) is matched on: the numbers at the event and how they moved. */
export interface EpisodeSignature {
  keyMetrics: EpisodeKeyMetrics;
  trends: SignatureTrends;
  /** Shallowest and deepest hole depth in the window, ft. */
  depthFromFt: number | null;
  depthToFt: number | null;
}

/** A past event distilled for precedent search. Id = `<event id>-episode`. */
export interface FleetEpisode {
  schemaVersion: number;
  id: string;
  eventId: string;
  sourceRigId: string;
  wellId: string;
  category: AnomalyCategory;
  fault: FaultKind;
  campaign: Campaign;
  riskLevel: RiskLevel;
  depthFromFt: number | null;
  depthToFt: number | null;
  keyMetrics: EpisodeKeyMetrics;
  /** One line a driller reads: "pack-off, circulated and reamed, resolved". */
  resolutionSummary: string;
  outcome: FleetOutcome;
  /** Normalised physics-signature vector (see knowledge/ episode embedding). */
  embedding: number[];
  timeMs: number;
}

// ---- schemas (the wire boundary on both sides) ----

const num = z.number().finite();
const numOrNull = num.nullable();
const text = (max: number) => z.string().max(max);

export const FleetOutcomeSchema: z.ZodType<FleetOutcome> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('Pending') }).strict(),
  z.object({ kind: z.literal('Resolved'), action: text(500) }).strict(),
  z.object({ kind: z.literal('Escalated'), reason: text(500) }).strict(),
  z.object({ kind: z.literal('FalsePositive') }).strict(),
]);

const CampaignSchema = z.enum(['production', 'plug_abandonment']);
const CategorySchema = z.enum(['WellControl', 'Hydraulics', 'Mechanical', 'DrillingEfficiency', 'Formation']);
const FaultSchema = z.enum([
  'kick', 'loss', 'gas', 'h2s', 'pit-rate', 'ecd-margin', 'washout', 'spp-deviation',
  'pack-off', 'stick-slip', 'founder', 'torque-rise', 'mse-inefficiency', 'formation-change',
  'trip-gain', 'trip-loss',
]);
const RiskSchema = z.enum(['Low', 'Elevated', 'High', 'Critical']);
/** Rig and well ids: letters, digits and - _ . only, so they are safe in file names and URLs. */
export const FleetIdSchema = z.string().min(1).max(120).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, dot, dash, underscore');

export const FleetSnapshotSchema = z
  .object({
    timeMs: num,
    depthFt: numOrNull,
    ropFtHr: numOrNull,
    wobKlbf: numOrNull,
    rpm: numOrNull,
    torqueKftLbf: numOrNull,
    sppPsi: numOrNull,
    flowInGpm: numOrNull,
    flowOutGpm: numOrNull,
    msePsi: numOrNull,
    mseEfficiencyPercent: numOrNull,
    dExponent: numOrNull,
    flowBalanceGpm: numOrNull,
    pitRateBblHr: numOrNull,
    ecdMarginPpg: numOrNull,
    gasUnits: numOrNull,
    torqueDeltaFraction: numOrNull,
    sppDeltaPsi: numOrNull,
  })
  .strict();

/** The advisory is checked for the fields the hub uses; the rest travels as the rig sent it. */
const AdvisoryEnvelopeSchema = z
  .object({
    id: z.string().min(1).max(64),
    timeMs: num,
    category: CategorySchema,
    fault: FaultSchema,
    riskLevel: RiskSchema,
  })
  .passthrough();

export const FleetEventSchema = z
  .object({
    schemaVersion: z.literal(FLEET_SCHEMA_VERSION),
    id: FleetIdSchema,
    rigId: FleetIdSchema,
    wellId: text(120),
    field: text(120),
    campaign: CampaignSchema,
    timeMs: num,
    depthFt: numOrNull,
    category: CategorySchema,
    fault: FaultSchema,
    riskLevel: RiskSchema,
    advisory: AdvisoryEnvelopeSchema,
    historyWindow: z.array(FleetSnapshotSchema).min(1).max(3600),
    outcome: FleetOutcomeSchema,
    notes: text(4000),
  })
  .strict();

export const EpisodeKeyMetricsSchema = z
  .object({
    mseEfficiencyPercent: numOrNull,
    flowBalanceGpm: numOrNull,
    pitRateBblHr: numOrNull,
    dExponent: numOrNull,
    torqueDeltaFraction: numOrNull,
    sppDeltaPsi: numOrNull,
    ecdMarginPpg: numOrNull,
    ropFtHr: numOrNull,
  })
  .strict();

export const FleetEpisodeSchema = z
  .object({
    schemaVersion: z.literal(FLEET_SCHEMA_VERSION),
    id: z.string().min(1).max(200),
    eventId: z.string().min(1).max(160),
    sourceRigId: FleetIdSchema,
    wellId: text(120),
    category: CategorySchema,
    fault: FaultSchema,
    campaign: CampaignSchema,
    riskLevel: RiskSchema,
    depthFromFt: numOrNull,
    depthToFt: numOrNull,
    keyMetrics: EpisodeKeyMetricsSchema,
    resolutionSummary: text(500),
    outcome: FleetOutcomeSchema,
    embedding: z.array(num).max(256),
    timeMs: num,
  })
  .strict();

/** A library delta from the hub: episodes added or changed since `since`, ids pruned. */
export interface LibraryDelta {
  version: number;
  episodes: FleetEpisode[];
  prunedIds: string[];
  totalEpisodes: number;
}

export const LibraryDeltaSchema = z
  .object({
    version: z.number().int().min(0),
    episodes: z.array(FleetEpisodeSchema),
    prunedIds: z.array(z.string().max(200)),
    totalEpisodes: z.number().int().min(0),
  })
  .strict();

/**
 * Stable serialisation: keys sorted at every level, so the same event always gives the same
 * bytes (idempotent uploads, content hashes, byte-identical queue files).
 */
export function stableStringify(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v as Record<string, unknown>).sort()) out[k] = sortKeys((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

/** Whether a risk level is uploaded to the fleet (AMBER and RED; GREEN stays on the rig). */
export function isFleetRisk(r: RiskLevel): boolean {
  return r !== 'Low';
}



/** The rig's link to the hub as health and Settings show it (never the key). */
export interface FleetLinkStatus {
  /** Hub URL, rig id and key are all set. */
  configured: boolean;
  hubUrl: string;
  rigId: string;
  /** Whether the last call got an answer from the hub; null before the first call. */
  hubReachable: boolean | null;
  lastContactMs: number | null;
  /** Events waiting for upload, and how many of them are RED. */
  queueDepth: number;
  unsentCritical: number;
  lastUploadMs: number | null;
  lastSyncMs: number | null;
  libraryVersion: number;
  lastError: string | null;
  /** Bytes on the link since the engine started (HTTP headers included): satellite time is paid by the byte. */
  bytesSent: number;
  bytesReceived: number;
}
